package org.apptrack.bench;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Benchmarks reach into a bundle's private packages only where they measure that part on purpose;
 * the list is the one in this package's documentation ({@code package-info.java}). JMH's generated
 * classes are left out: they only call the benchmark methods.
 */
@AnalyzeClasses(packages = "org.apptrack.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchmarkBoundariesTest {

    @ArchTest
    static final ArchRule onlyTheWhiteBoxBenchmarksUseSecurityLogOrCaptureInternals = noClasses()
            .that(not(belongToAnyOf(FormatBenchmark.class, DeliveryBenchmark.class)))
            .and().resideOutsideOfPackage("..jmh_generated..")
            .should().dependOnClassesThat(resideInAnyPackage("org.apptrack.syslog..", "org.apptrack.capture..")
                    .and(not(resideInAnyPackage("org.apptrack.syslog.api..", "org.apptrack.syslog.format..",
                            "org.apptrack.capture.api..", "org.apptrack.capture.replay.."))));

    @ArchTest
    static final ArchRule onlyTheWhiteBoxBenchmarksUseAppTrackInternals = noClasses()
            .that(not(belongToAnyOf(DecodeBenchmark.class, DecodeLookupBenchmark.class, EnginePacketBenchmark.class,
                    SessionTableBenchmark.class, AppTrackRecordBenchmark.class,
                    SessionQueryBenchmark.class, HostNameMatchBenchmark.class, DissectorBenchmark.class,
                    TlsHelloBenchmark.class, QuicInitialBenchmark.class, CapturedPayloads.class, SessionMemory.class,
                    OffloadPollBenchmark.class, TrafficHistorySampleBenchmark.class)))
            .and().resideOutsideOfPackage("..jmh_generated..")
            .should().dependOnClassesThat(resideInAPackage("org.apptrack.apptrack..")
                    .and(not(resideInAPackage("org.apptrack.apptrack.api.."))));

    @ArchTest
    static final ArchRule onlyTheWhiteBoxBenchmarksUseAppQoeInternals = noClasses()
            .that(not(belongToAnyOf(SlaEvaluationBenchmark.class, ProbeSchedulerBenchmark.class)))
            .and().resideOutsideOfPackage("..jmh_generated..")
            .should().dependOnClassesThat(resideInAPackage("org.apptrack.appqoe..")
                    .and(not(resideInAPackage("org.apptrack.appqoe.api.."))));
}
