package org.apptrack.appqoe.select;

/** A path state the test sets by hand. */
final class FakePathState implements PathState {

    final Path path;
    boolean slaMet = true;
    boolean dead;
    int metricsMet = 3;
    long score = 10_000;

    FakePathState(String name, String tag, int priority) {
        this.path = new Path(name, tag, priority, 1);
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public boolean slaMet() {
        return slaMet;
    }

    @Override
    public boolean dead() {
        return dead;
    }

    @Override
    public int metricsMet() {
        return metricsMet;
    }

    @Override
    public long scoreMicros() {
        return score;
    }
}
