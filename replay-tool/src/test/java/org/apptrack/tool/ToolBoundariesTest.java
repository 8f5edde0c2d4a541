package org.apptrack.tool;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The replay tool embeds the bundles outside OSGi through what they export, as any other program
 * could: APIs, the formatter library and the replay library, never their private packages.
 */
@AnalyzeClasses(packages = "org.apptrack.tool", importOptions = ImportOption.DoNotIncludeTests.class)
class ToolBoundariesTest {

    @ArchTest
    static final ArchRule usesOnlyWhatTheSecurityLogAndCaptureBundlesExport = noClasses()
            .should().dependOnClassesThat(resideInAnyPackage("org.apptrack.syslog..", "org.apptrack.capture..")
                    .and(not(resideInAnyPackage("org.apptrack.syslog.api..", "org.apptrack.syslog.format..",
                            "org.apptrack.capture.api..", "org.apptrack.capture.replay.."))));

    @ArchTest
    static final ArchRule usesOnlyWhatTheAppTrackBundleExports = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.apptrack.apptrack..")
                    .and(not(resideInAnyPackage("org.apptrack.apptrack.api..", "org.apptrack.apptrack.embed.."))));
}
