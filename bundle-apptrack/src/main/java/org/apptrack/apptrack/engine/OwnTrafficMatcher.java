package org.apptrack.apptrack.engine;

/**
 * Recognises the product's own traffic (its log export, its management) in a flow's first
 * packet, so that the engine creates no session for it. Asked only when a packet would create a
 * session; must not allocate. Addresses are 128-bit, IPv4 as IPv4-mapped, as the decoder gives them.
 */
@FunctionalInterface
public interface OwnTrafficMatcher {

    /** True when the packet belongs to the product's own traffic, in either direction. */
    boolean matches(int protocol, long srcHigh, long srcLow, int srcPort, long dstHigh, long dstLow, int dstPort);

    /** Nothing is own traffic (tests, the replay tool, before the set is known). */
    OwnTrafficMatcher NONE = (protocol, srcHigh, srcLow, srcPort, dstHigh, dstLow, dstPort) -> false;
}
