package org.apptrack.appqoe.probe.stamp;

import java.util.concurrent.atomic.AtomicLong;

/** What a Session-Sender did on its path; read from any thread. */
public final class SenderCounters {

    final AtomicLong sent = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong suppressed = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong unmatched = new AtomicLong();

    /** Probes handed to the socket. */
    public long sent() {
        return sent.get();
    }

    /** Probes whose reply matched. */
    public long answered() {
        return answered.get();
    }

    /** Probes without reply within the loss timeout. */
    public long lost() {
        return lost.get();
    }

    /** Probes not sent: too many outstanding, or the socket's bounded send queue was full. */
    public long suppressed() {
        return suppressed.get();
    }

    /** Received packets too short to be a reflector packet. */
    public long malformed() {
        return malformed.get();
    }

    /** Reflector packets that answer no outstanding probe (late, duplicate, foreign). */
    public long unmatched() {
        return unmatched.get();
    }

    @Override
    public String toString() {
        return "sent " + sent() + ", answered " + answered() + ", lost " + lost() + ", suppressed "
                + suppressed() + ", malformed " + malformed() + ", unmatched " + unmatched();
    }
}
