package org.apptrack.appqoe.sla;

import java.util.ArrayList;
import java.util.List;

import org.apptrack.appqoe.metrics.PeriodMetrics;

/** Keeps the events and closed periods an evaluator reports. */
final class RecordingListener implements SlaListener {

    final List<SlaEvent> events = new ArrayList<>();
    final List<PeriodMetrics> periods = new ArrayList<>();

    @Override
    public void event(SlaEvent event) {
        events.add(event);
    }

    @Override
    public void periodClosed(String path, SlaRule rule, PeriodMetrics period) {
        periods.add(period.copy());
    }

    long count(SlaEvent.Type type) {
        return events.stream().filter(e -> e.type() == type).count();
    }
}
