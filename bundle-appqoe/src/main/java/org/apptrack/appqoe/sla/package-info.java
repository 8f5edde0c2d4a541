/**
 * AppQoE SLA evaluation in the terms of Junos {@code advance-policy-based-routing}: metrics
 * profiles (RTT and jitter in microseconds, loss in percent, {@code match all} or {@code any}),
 * SLA rules (sampling period, violation count) and a per-path evaluator that fails fast and
 * recovers slowly. Pure computation, time passed in as nanoseconds.
 */
package org.apptrack.appqoe.sla;
