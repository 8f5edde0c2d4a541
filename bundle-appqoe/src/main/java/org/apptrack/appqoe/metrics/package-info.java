/**
 * AppQoE path metrics: per path and sampling period, RTT mean and p95, RFC 3550 interarrival
 * jitter (two-way, ingress, egress) and loss, from resolved probe results. Pure computation, no
 * I/O, no clock of its own: every call carries the time in nanoseconds.
 */
package org.apptrack.appqoe.metrics;
