package org.apptrack.appqoe.probe.http;

import java.util.concurrent.atomic.AtomicLong;

/** What an HTTP HEAD prober did on its path; read from any thread. */
public final class HttpProbeCounters {

    final AtomicLong sent = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong suppressed = new AtomicLong();
    final AtomicLong errorStatus = new AtomicLong();
    final AtomicLong connects = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();

    /** HEAD requests written to a connection. */
    public long sent() {
        return sent.get();
    }

    /** Requests whose response head arrived (any status). */
    public long answered() {
        return answered.get();
    }

    /**
     * Probes lost: no response within the loss timeout, the connection closed or failed before the
     * response, or no connection to send on (the server refused or did not accept in time).
     */
    public long lost() {
        return lost.get();
    }

    /** Probes not made because {@code maxOutstanding} requests still waited for their response. */
    public long suppressed() {
        return suppressed.get();
    }

    /** Answered requests whose status was 4xx or 5xx: the path works, the server said no. */
    public long errorStatus() {
        return errorStatus.get();
    }

    /** Connections established. */
    public long connects() {
        return connects.get();
    }

    /** Connection attempts that failed (refused, unreachable, not accepted within the loss timeout). */
    public long connectFailures() {
        return connectFailures.get();
    }

    @Override
    public String toString() {
        return "sent " + sent() + ", answered " + answered() + ", lost " + lost() + ", suppressed " + suppressed()
                + ", error status " + errorStatus() + ", connects " + connects() + ", connect failures "
                + connectFailures();
    }
}
