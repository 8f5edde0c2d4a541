package org.apptrack.apptrack;

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
 * The AppTrack bundle's packages: no cycles; of the product's other bundles only what they export;
 * an exported API that names nothing private; and an engine that is plain Java, fed frames and
 * time, reporting to listeners, so that the ONOS app, the replay tool and the benchmarks share it.
 */
@AnalyzeClasses(packages = "org.apptrack.apptrack", importOptions = ImportOption.DoNotIncludeTests.class)
class AppTrackArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.apptrack.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule usesOnlyTheApiOfTheOtherBundles = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.apptrack..")
                    .and(not(resideInAnyPackage("org.apptrack.apptrack..", "org.apptrack..api.."))));

    /** What the commands, the REST bundle and ONOS callers import: the JDK, the shared API, ONOS's API. */
    @ArchTest
    static final ArchRule apiUsesOnlyTheJdkAndOtherApis = classes().that().resideInAPackage("org.apptrack.apptrack.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apptrack..api..", "org.onosproject..",
                    "org.onlab..");

    /** The engine knows no framework: no OSGi, Karaf, ONOS or logging API. */
    @ArchTest
    static final ArchRule engineUsesNoFramework = noClasses().that().resideInAPackage("org.apptrack.apptrack.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.osgi..", "org.apache.karaf..", "org.onosproject..",
                    "org.onlab..", "org.slf4j..");

    /** The engine reports sessions to listeners; turning them into security-log records is not its job. */
    @ArchTest
    static final ArchRule engineDoesNotUseTheSecurityLog = noClasses()
            .that().resideInAPackage("org.apptrack.apptrack.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.apptrack.syslog..");

    /** The embedding library (exported for the replay tool) is a facade: no private type shows in its public signatures. */
    @ArchTest
    static final ArchRule embeddingLibraryExposesOnlyExportedTypes = codeUnits().that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("org.apptrack.apptrack.embed..")
            .should(ExportedSignatures.onlyMentionTypesIn("java..", "org.apptrack..api..", "org.apptrack.apptrack.embed..",
                    "org.onosproject.."));
}
