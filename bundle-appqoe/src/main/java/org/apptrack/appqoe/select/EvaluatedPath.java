package org.apptrack.appqoe.select;

import java.util.Objects;

import org.apptrack.appqoe.sla.SlaEvaluator;

/** A path as judged by its SLA evaluator. */
public final class EvaluatedPath implements PathState {

    private final Path path;
    private final SlaEvaluator evaluator;

    public EvaluatedPath(Path path, SlaEvaluator evaluator) {
        this.path = Objects.requireNonNull(path, "path");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    public SlaEvaluator evaluator() {
        return evaluator;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public boolean slaMet() {
        return evaluator.slaMet();
    }

    @Override
    public boolean dead() {
        return evaluator.dead();
    }

    @Override
    public int metricsMet() {
        return evaluator.metricsMet();
    }

    @Override
    public long scoreMicros() {
        return evaluator.scoreMicros();
    }
}
