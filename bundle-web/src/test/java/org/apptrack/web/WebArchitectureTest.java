package org.apptrack.web;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The REST bundle's packages: no cycles (the application at the top wires the resources, which
 * build on the shared JSON, parameter and error packages), and of the product's other bundles only
 * what they export, since it is a bundle of its own inside ONOS too.
 */
@AnalyzeClasses(packages = "org.apptrack.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.apptrack.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule usesOnlyTheApiOfTheOtherBundles = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.apptrack..")
                    .and(not(resideInAnyPackage("org.apptrack.web..", "org.apptrack..api.."))));
}
