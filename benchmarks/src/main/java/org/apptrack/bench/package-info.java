/**
 * JMH benchmarks and replay harnesses (not run by the test command; {@code docs/performance.md}
 * has their figures and commands).
 *
 * <p>What they may use of the bundles: the exported packages, as any caller outside OSGi would:
 * the APIs ({@code org.apptrack.*.api}, {@code org.apptrack.api.*}), the log formatter
 * ({@code org.apptrack.syslog.format}) and the capture replay ({@code org.apptrack.capture.replay}).
 * Some benchmarks measure a part of a bundle on purpose (white-box) and so reach into its private
 * packages; these are the only ones, with what they reach:
 * <ul>
 *   <li>{@link org.apptrack.bench.FormatBenchmark}: the TCP/TLS transport's encoder
 *       ({@code org.apptrack.syslog.transport}: {@code StreamFrameEncoder}, {@code LogRecordBatch};
 *       {@code org.apptrack.syslog.settings.Framing});</li>
 *   <li>{@link org.apptrack.bench.DeliveryBenchmark}: the stream manager itself
 *       ({@code org.apptrack.syslog.stream.SecurityLogManager}), outside OSGi;</li>
 *   <li>AppTrack's engine and runtime ({@code org.apptrack.apptrack.config}, {@code .engine},
 *       {@code .engine.decode}, {@code .engine.session}, {@code .log}, {@code .model}, {@code .impl}):
 *       {@link org.apptrack.bench.DecodeBenchmark}, {@link org.apptrack.bench.DecodeLookupBenchmark},
 *       {@link org.apptrack.bench.EnginePacketBenchmark}, {@link org.apptrack.bench.SessionTableBenchmark},
 *       {@link org.apptrack.bench.AppTrackRecordBenchmark}, {@link org.apptrack.bench.SessionQueryBenchmark};</li>
 *   <li>{@link org.apptrack.bench.HostNameMatchBenchmark}: the application catalog's host-name
 *       matcher ({@code org.apptrack.apptrack.appid.catalog});</li>
 *   <li>{@link org.apptrack.bench.DissectorBenchmark}: application identification's dissectors
 *       ({@code org.apptrack.apptrack.appid.protocol}, {@code .appid.dissect});</li>
 *   <li>application identification's hello parsers ({@code org.apptrack.apptrack.appid.tls},
 *       {@code .appid.quic}, {@code .engine.classify}): {@link org.apptrack.bench.TlsHelloBenchmark},
 *       {@link org.apptrack.bench.QuicInitialBenchmark}, and the capture reading they share
 *       ({@link org.apptrack.bench.CapturedPayloads}, {@code .engine.decode});</li>
 *   <li>{@link org.apptrack.bench.OffloadPollBenchmark}: offload mode's rule bookkeeping
 *       ({@code org.apptrack.apptrack.offload}) feeding the engine;</li>
 *   <li>{@link org.apptrack.bench.TrafficHistorySampleBenchmark}: AppTrack's service and the traffic
 *       history's sampler ({@code org.apptrack.apptrack.impl.AppTrackManager},
 *       {@code .history.TrafficHistoryManager}), activated outside OSGi;</li>
 *   <li>{@link org.apptrack.bench.SlaEvaluationBenchmark}: AppQoE's SLA evaluator
 *       ({@code org.apptrack.appqoe.sla});</li>
 *   <li>{@link org.apptrack.bench.ProbeSchedulerBenchmark}: AppQoE's STAMP sender and reflector
 *       ({@code org.apptrack.appqoe.probe.stamp}).</li>
 * </ul>
 * {@code BenchmarkBoundariesTest} holds every other class to the exported packages.
 */
package org.apptrack.bench;
