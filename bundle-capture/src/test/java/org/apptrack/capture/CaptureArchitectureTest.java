package org.apptrack.capture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apptrack.testsupport.arch.ExportedSignatures;

/**
 * The capture bundle's packages: no cycles; it needs no other bundle of the product but the shared
 * API (it runs without AppTrack, which only consumes its packet service and clock); and what it
 * exports holds together without its private packages.
 */
@AnalyzeClasses(packages = "org.apptrack.capture", importOptions = ImportOption.DoNotIncludeTests.class)
class CaptureArchitectureTest {

    /** Packages an exported signature may name: its own exports, the shared API, ONOS's API, the JDK. */
    private static final String[] EXPORTED_OR_THIRD_PARTY_API = {"java..", "org.apptrack.api..",
        "org.apptrack.capture.api..", "org.apptrack.capture.replay..", "org.onosproject.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.apptrack.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule dependsOnNoOtherBundleButTheSharedApi = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.apptrack..")
                    .and(not(resideInAnyPackage("org.apptrack.capture..", "org.apptrack.api.."))));

    /** What the commands and other bundles import (the capture service, source status): the JDK only. */
    @ArchTest
    static final ArchRule apiUsesOnlyTheJdk = classes().that().resideInAPackage("org.apptrack.capture.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apptrack.capture.api..");

    /**
     * The replay library (exported for the replay tool and the benchmarks) is a facade over private
     * packages: none of their types may show in its public methods, or callers could not use it.
     */
    @ArchTest
    static final ArchRule replayLibraryExposesOnlyExportedTypes = codeUnits().that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("org.apptrack.capture.replay..")
            .should(ExportedSignatures.onlyMentionTypesIn(EXPORTED_OR_THIRD_PARTY_API));
}
