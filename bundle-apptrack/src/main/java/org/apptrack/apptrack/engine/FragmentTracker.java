package org.apptrack.apptrack.engine;

import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * Later fragments carry no ports: a first fragment (offset 0, more fragments) is recorded by
 * (source, destination, protocol, fragment id, context), and a later fragment is counted in the
 * session of its first fragment while that record lasts (a fixed-size direct-mapped map with a
 * fragment timeout). A later fragment without one is dropped and counted.
 */
final class FragmentTracker {

    private final FragmentMap map;
    private final SessionTable table;
    private final EngineCounters counters;

    FragmentTracker(EngineSettings settings, SessionTable table, EngineCounters counters) {
        this.map = new FragmentMap(settings.fragmentSlots(), settings.fragmentTimeoutNanos());
        this.table = table;
        this.counters = counters;
    }

    /** Records the packet, when it is a first fragment, as session {@code s}'s. */
    void recordFirst(FrameDecoder d, int context, int s, long t) {
        if (d.isFirstFragment()) {
            map.put(d.srcHigh(), d.srcLow(), d.dstHigh(), d.dstLow(), d.protocol(), d.fragmentId(), context, s,
                    table.sessionId(s), t);
        }
    }

    /** The open session of a later fragment, or -1 (counted) when its first fragment names none. */
    int sessionOf(FrameDecoder d, int context, long t) {
        int slot = map.find(d.srcHigh(), d.srcLow(), d.dstHigh(), d.dstLow(), d.protocol(), d.fragmentId(), context, t);
        int s = slot < 0 ? -1 : map.session(slot);
        if (s < 0 || !table.isLive(s) || table.sessionId(s) != map.sessionId(slot)) {
            counters.increment(EngineCounter.FRAGMENTS_WITHOUT_SESSION);
            return -1;
        }
        return s;
    }
}
