package org.apptrack.apptrack.engine;

/** IP protocol numbers the engine has rules for. */
final class Protocols {
    static final int ICMP = 1;
    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMPV6 = 58;

    private Protocols() {
    }
}
