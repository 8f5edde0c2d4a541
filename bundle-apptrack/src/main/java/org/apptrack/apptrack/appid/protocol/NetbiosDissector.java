package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * NetBIOS over TCP/IP (RFC 1002): the name service on UDP 137 (a DNS-like header and a 32-byte
 * encoded name), the datagram service on UDP 138, the session service's request on TCP 139. A
 * datagram whose user data is an SMB1 message (the browser's mailslots) has SMBV1 nested.
 */
public final class NetbiosDissector implements Dissector {

    private static final long SMB1 = 0xff534d42L;
    private static final int DATAGRAM_HEADER = 14;
    private static final int MAX_LABELS = 16;

    private final int netbios;
    private final int smb1;

    public NetbiosDissector(IdentificationCatalog catalog) {
        this.netbios = catalog.id("NETBIOS");
        this.smb1 = catalog.id("SMBV1");
    }

    @Override
    public String name() {
        return "netbios";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        boolean match;
        if (p.isTcp()) {
            match = p.port(139) && p.u8(0) == 0x81 && p.u8(1) == 0 && p.u16(2) == p.length() - 4
                    && p.u8(4) == 0x20 && encodedName(p, 5);
        } else if (p.port(137)) {
            int questions = p.u16(4);
            int answers = p.u16(6);
            int opcode = p.u8(2) >>> 3 & 0xf;
            match = p.length() >= 50 && (opcode <= 8) && questions + answers >= 1 && questions <= 1 && answers <= 1
                    && p.u8(12) == 0x20 && encodedName(p, 13);
        } else if (p.port(138)) {
            int type = p.u8(0);
            match = type >= 0x10 && type <= 0x16 && p.length() >= 14 && (type > 0x12 || p.u8(14) == 0x20
                    && encodedName(p, 15));
        } else {
            match = false;
        }
        if (!match) {
            return NOT_THIS;
        }
        out.application(netbios);
        if (!p.isTcp() && p.port(138) && p.u8(0) >= 0x10 && p.u8(0) <= 0x12 && smbData(p)) {
            out.nested(smb1);
        }
        out.encrypted(false);
        return IDENTIFIED;
    }

    /** Whether 32 bytes at {@code at} are a first-level encoded name (each byte 'A'..'P'). */
    private static boolean encodedName(Payload p, int at) {
        for (int i = 0; i < 32; i++) {
            int c = p.u8(at + i);
            if (c < 'A' || c > 'P') {
                return false;
            }
        }
        return true;
    }

    /** Whether a direct or broadcast datagram's user data, after its source and destination names, is SMB1. */
    private static boolean smbData(Payload p) {
        int at = skipName(p, skipName(p, DATAGRAM_HEADER));
        return at > 0 && p.u32(at) == SMB1;
    }

    /** The index after the encoded name (labels ending in a zero length) at {@code at}, or -1. */
    private static int skipName(Payload p, int at) {
        for (int labels = 0; at > 0 && labels < MAX_LABELS; labels++) {
            int length = p.u8(at);
            if (length < 0 || length > 63) {
                return -1;
            }
            at += 1 + length;
            if (length == 0) {
                return at;
            }
        }
        return -1;
    }
}
