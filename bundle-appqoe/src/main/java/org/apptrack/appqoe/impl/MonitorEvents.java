package org.apptrack.appqoe.impl;

import org.apptrack.appqoe.metrics.PeriodMetrics;
import org.apptrack.appqoe.sla.SlaEvent;
import org.apptrack.appqoe.sla.SlaRule;

/**
 * What a {@link PathMonitor} reports, called under the monitor's lock on a probe I/O thread (or
 * the worker's tick): implementations hand the event over and return.
 */
interface MonitorEvents {

    /** The path started or stopped violating an SLA rule. */
    void slaEvent(PathMonitor monitor, SlaEvent event);

    /** A sampling period of the path under the rule closed; {@code period} is a copy. */
    void periodClosed(PathMonitor monitor, SlaRule rule, PeriodMetrics period);
}
