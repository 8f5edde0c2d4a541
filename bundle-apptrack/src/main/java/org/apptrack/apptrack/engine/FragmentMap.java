package org.apptrack.apptrack.engine;

/**
 * Recent first fragments: (src, dst, protocol, fragment id, context) -> session, so that later
 * fragments (which carry no ports) are counted in the session of their first fragment. A
 * direct-mapped cache of primitive arrays (a colliding newer entry replaces the older one);
 * entries older than the fragment timeout are ignored; the session id guards against a reused
 * session index. Allocation-free after construction; not thread-safe.
 */
final class FragmentMap {

    private final int mask;
    private final long timeoutNanos;
    private final long[] srcHi;
    private final long[] srcLo;
    private final long[] dstHi;
    private final long[] dstLo;
    /** fragmentId << 8 | protocol; -1 = empty. */
    private final long[] idProto;
    private final int[] context;
    private final int[] session;
    private final int[] sessionId;
    private final long[] time;

    FragmentMap(int slots, long timeoutNanos) {
        this.mask = slots - 1;
        this.timeoutNanos = timeoutNanos;
        srcHi = new long[slots];
        srcLo = new long[slots];
        dstHi = new long[slots];
        dstLo = new long[slots];
        idProto = new long[slots];
        java.util.Arrays.fill(idProto, -1L);
        context = new int[slots];
        session = new int[slots];
        sessionId = new int[slots];
        time = new long[slots];
    }

    private int slot(long sHi, long sLo, long dHi, long dLo, long ip, int ctx) {
        long h = ip * 0x9E37_79B9_7F4A_7C15L;
        h = (h ^ sHi) * 0x9E37_79B9_7F4A_7C15L;
        h = (h ^ sLo) * 0x9E37_79B9_7F4A_7C15L;
        h = (h ^ dHi) * 0x9E37_79B9_7F4A_7C15L;
        h = (h ^ dLo) * 0x9E37_79B9_7F4A_7C15L;
        h = (h ^ ctx) * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & mask;
    }

    void put(long sHi, long sLo, long dHi, long dLo, int protocol, long fragmentId, int ctx, int s, int sid,
             long nowNanos) {
        long ip = (fragmentId << 8) | (protocol & 0xFF);
        int i = slot(sHi, sLo, dHi, dLo, ip, ctx);
        srcHi[i] = sHi;
        srcLo[i] = sLo;
        dstHi[i] = dHi;
        dstLo[i] = dLo;
        idProto[i] = ip;
        context[i] = ctx;
        session[i] = s;
        sessionId[i] = sid;
        time[i] = nowNanos;
    }

    /** The slot of the fragment's datagram, or -1; the caller checks the session's liveness and id. */
    int find(long sHi, long sLo, long dHi, long dLo, int protocol, long fragmentId, int ctx, long nowNanos) {
        long ip = (fragmentId << 8) | (protocol & 0xFF);
        int i = slot(sHi, sLo, dHi, dLo, ip, ctx);
        if (idProto[i] == ip && srcLo[i] == sLo && dstLo[i] == dLo && srcHi[i] == sHi && dstHi[i] == dHi
                && context[i] == ctx && nowNanos - time[i] <= timeoutNanos) {
            return i;
        }
        return -1;
    }

    int session(int slot) {
        return session[slot];
    }

    int sessionId(int slot) {
        return sessionId[slot];
    }
}
