package org.apptrack.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shared API bundle: every package is exported and installed inside ONOS as well, so each may
 * use only the JDK, the other shared API packages and the ONOS API's event types.
 */
@AnalyzeClasses(packages = "org.apptrack.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.apptrack.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sharedApiUsesOnlyTheJdkAndOnosEvents = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apptrack.api..",
                    "org.onosproject.event..");
}
