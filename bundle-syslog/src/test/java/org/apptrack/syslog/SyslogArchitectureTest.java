package org.apptrack.syslog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The security-log bundle's packages: no cycles (settings, transports, streams and their
 * configuration build on each other in that order), and the exported packages use only what
 * their callers can be expected to have.
 */
@AnalyzeClasses(packages = "org.apptrack.syslog", importOptions = ImportOption.DoNotIncludeTests.class)
class SyslogArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.apptrack.(**)").should().beFreeOfCycles();

    /** What other bundles import (the log record, the service, stream status): the JDK only. */
    @ArchTest
    static final ArchRule apiUsesOnlyTheJdk = classes().that().resideInAPackage("org.apptrack.syslog.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apptrack.syslog.api..");

    /** The formatter, exported as a library for use outside OSGi: the API and Netty's buffers besides the JDK. */
    @ArchTest
    static final ArchRule formatterLibraryUsesOnlyTheApiAndNettyBuffers = classes()
            .that().resideInAPackage("org.apptrack.syslog.format..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apptrack.syslog.api..",
                    "org.apptrack.syslog.format..", "io.netty.buffer..");
}
