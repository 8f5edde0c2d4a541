package org.apptrack.appqoe.impl;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.netty.util.NetUtil;

/** A session's address text (as SessionInfo gives it) as 128 bits in two longs, IPv4 mapped. */
final class SessionAddress {

    final InetAddress address;
    final long high;
    final long low;

    private SessionAddress(InetAddress address, long high, long low) {
        this.address = address;
        this.high = high;
        this.low = low;
    }

    /** Null when the text is not an address literal. */
    static SessionAddress parse(String text) {
        byte[] b = text == null ? null : NetUtil.createByteArrayFromIpAddressString(text);
        if (b == null) {
            return null;
        }
        try {
            InetAddress a = InetAddress.getByAddress(b);
            if (b.length == 4) {
                long v4 = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
                return new SessionAddress(a, 0L, 0x0000_FFFF_0000_0000L | v4);
            }
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (b[i] & 0xFFL);
                low = (low << 8) | (b[i + 8] & 0xFFL);
            }
            return new SessionAddress(a, high, low);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
