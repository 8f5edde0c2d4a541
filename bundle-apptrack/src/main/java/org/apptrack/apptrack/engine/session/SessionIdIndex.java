package org.apptrack.apptrack.engine.session;

/**
 * Finds an open session by its id, for callers outside the packet path that hold only the id (a
 * route change for a session). Session ids are handed out in sequence, so a direct-mapped array
 * indexed by the id's low bits holds almost every open session; a session that outlived as many
 * later creations as the array has entries may have been overwritten, and is then found by a scan
 * of the table. Written once per session creation, read only on lookups; allocated up front.
 */
public final class SessionIdIndex {

    private final SessionTable table;
    private final int[] index;
    private final int mask;

    public SessionIdIndex(SessionTable table) {
        this.table = table;
        int size = Integer.highestOneBit(Math.max(1, table.maxSessions() * 2 - 1));
        this.index = new int[size];
        this.mask = size - 1;
    }

    /** Session {@code s} was just created. */
    public void created(int s) {
        index[table.sessionId(s) & mask] = s;
    }

    /** The open session with id {@code id}, or -1. */
    public int find(int id) {
        int s = index[id & mask];
        if (table.isLive(s) && table.sessionId(s) == id) {
            return s;
        }
        for (int p = table.size() - 1; p >= 0; p--) {
            int candidate = table.sessionAt(p);
            if (table.sessionId(candidate) == id) {
                return candidate;
            }
        }
        return -1;
    }

    /** Bytes of the array (header aside). */
    public long memoryBytes() {
        return 4L * index.length;
    }
}
