package org.apptrack.appqoe.probe.stamp;

import java.util.concurrent.atomic.AtomicLong;

/** What a Session-Reflector did with the packets it received; read from any thread. */
public final class ReflectorCounters {

    final AtomicLong received = new AtomicLong();
    final AtomicLong reflected = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    /** Valid sender packets received. */
    public long received() {
        return received.get();
    }

    /** Replies handed to the socket. */
    public long reflected() {
        return reflected.get();
    }

    /** Packets too short to be a STAMP sender packet, dropped. */
    public long malformed() {
        return malformed.get();
    }

    /** Valid packets not answered because the socket's bounded send queue was full or sending failed. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public String toString() {
        return "received " + received() + ", reflected " + reflected() + ", malformed " + malformed()
                + ", dropped " + dropped();
    }
}
