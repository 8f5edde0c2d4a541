package org.apptrack.appqoe.sla;

import org.apptrack.appqoe.metrics.PeriodMetrics;

/** Receives a path's SLA events; called on the thread that feeds the evaluator. */
public interface SlaListener {

    void event(SlaEvent event);

    /** A sampling period closed (the figures of a periodic metric report); the instance is reused. */
    default void periodClosed(String path, SlaRule rule, PeriodMetrics period) {
    }
}
