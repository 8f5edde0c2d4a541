package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * The data connections an FTP control session announces (RFC 959 PORT and 227, RFC 2428 EPRT and
 * 229): the port the data connection will be made to, on the client's host (active) or the
 * server's (passive). The address in the command is not used: behind NAT it is often not the one
 * the connection goes to, while the control session's own hosts are.
 */
final class FtpDataChannels {

    private static final byte[] PORT = Ascii.bytes("port ");
    private static final byte[] EPRT = Ascii.bytes("eprt ");
    private static final byte[] PASSIVE = Ascii.bytes("227 ");
    private static final byte[] EXTENDED_PASSIVE = Ascii.bytes("229 ");

    private FtpDataChannels() {
    }

    /** Records the data connection the line at the payload's start announces, if it does. */
    static void announce(Payload p, int application, Identification out) {
        int end = p.lineEnd(0);
        if (end < 0) {
            return;
        }
        if (p.fromClient()) {
            if (p.matchesIgnoreCase(0, PORT)) {
                out.expect(application, sixTuplePort(p, PORT.length, end), true, true);
            } else if (p.matchesIgnoreCase(0, EPRT)) {
                out.expect(application, lastDelimitedNumber(p, EPRT.length, end), true, true);
            }
        } else if (p.matches(0, PASSIVE)) {
            int open = p.indexOf('(', 4, end);
            int close = open < 0 ? -1 : p.indexOf(')', open, end);
            int port = close < 0 ? sixTuplePort(p, 4, end) : sixTuplePort(p, open + 1, close);
            out.expect(application, port, false, true);
        } else if (p.matches(0, EXTENDED_PASSIVE)) {
            int open = p.indexOf('(', 4, end);
            int close = open < 0 ? -1 : p.indexOf(')', open, end);
            if (close > open) {
                out.expect(application, lastDelimitedNumber(p, open + 1, close), false, true);
            }
        }
    }

    /** The port of {@code h1,h2,h3,h4,p1,p2} in {@code [from, to)}, or 0. */
    private static int sixTuplePort(Payload p, int from, int to) {
        int at = from;
        while (at < to && (p.u8(at) < '0' || p.u8(at) > '9')) {
            at++;
        }
        int field = 0;
        long high = 0;
        long value = -1;
        for (; at <= to; at++) {
            int c = at < to ? p.u8(at) : ',';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + c - '0';
                if (value > 255) {
                    return 0;
                }
            } else if (c == ',' || at == to) {
                if (value < 0) {
                    return 0;
                }
                if (field == 4) {
                    high = value;
                } else if (field == 5) {
                    return (int) (high << 8 | value);
                }
                field++;
                value = -1;
            } else {
                return field == 5 && value >= 0 ? (int) (high << 8 | value) : 0;
            }
        }
        return 0;
    }

    /** The number between the last two delimiters of {@code |1|addr|port|} in {@code [from, to)}, or 0. */
    private static int lastDelimitedNumber(Payload p, int from, int to) {
        int last = to - 1;
        while (last > from && p.u8(last) == ' ') {
            last--;
        }
        int delimiter = p.u8(last);
        if (delimiter < 0x21 || delimiter > 0x7e) {
            return 0;
        }
        int start = last - 1;
        while (start > from && p.u8(start) != delimiter) {
            start--;
        }
        long port = p.decimal(start + 1, last);
        return port > 0 && port < 65536 ? (int) port : 0;
    }
}
