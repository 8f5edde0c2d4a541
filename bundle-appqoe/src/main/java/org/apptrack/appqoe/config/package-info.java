/**
 * AppQoE configuration, Junos {@code security advance-policy-based-routing} as ConfigAdmin flat
 * properties (PID {@code org.apptrack.appqoe}): destination path groups, active probe parameters,
 * metrics profiles, SLA rules, APBR profiles and steering. {@link org.apptrack.appqoe.config.AppQoeSettings#parse}
 * validates a whole configuration into an immutable {@link org.apptrack.appqoe.config.AppQoeConfig}.
 */
package org.apptrack.appqoe.config;
