package org.apptrack.apptrack.api;

/** One point of traffic over time: rates over the period that ends at {@code timeMillis}. */
public final class TrafficSample {

    private final long timeMillis;
    private final double bitsPerSecond;
    private final double sessionsPerSecond;
    private final long activeSessions;

    public TrafficSample(long timeMillis, double bitsPerSecond, double sessionsPerSecond, long activeSessions) {
        this.timeMillis = timeMillis;
        this.bitsPerSecond = bitsPerSecond;
        this.sessionsPerSecond = sessionsPerSecond;
        this.activeSessions = activeSessions;
    }

    /** Milliseconds since the epoch. */
    public long timeMillis() {
        return timeMillis;
    }

    /** Bits a second, both directions of every session. */
    public double bitsPerSecond() {
        return bitsPerSecond;
    }

    /** Sessions created a second. */
    public double sessionsPerSecond() {
        return sessionsPerSecond;
    }

    /** Open sessions at the end of the period. */
    public long activeSessions() {
        return activeSessions;
    }

    @Override
    public String toString() {
        return "TrafficSample{" + timeMillis + ", " + bitsPerSecond + " b/s, " + sessionsPerSecond + " sessions/s, "
                + activeSessions + " active}";
    }
}
