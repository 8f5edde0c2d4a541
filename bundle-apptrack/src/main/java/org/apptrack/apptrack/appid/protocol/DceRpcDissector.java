package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * DCE/RPC (The Open Group, DCE 1.1 RPC, chapter 12), Microsoft's MS-RPC: over UDP the
 * connectionless PDU (version 4, an 80-byte header whose body length tiles the datagram), over TCP
 * the connection-oriented PDU (version 5.0 or 5.1, a 16-byte header and its fragment length). The
 * data representation label (integer byte order, character set, float format) must be one the
 * standard defines. A connectionless call to a PROFINET IO interface (UUIDs
 * {@code DEA0000x-6C97-11D1-8271-00A02442DF7D}, IEC 61158-6-10) has PROFINET-IO nested.
 */
public final class DceRpcDissector implements Dissector {

    private static final int CL_HEADER = 80;
    private static final int CO_HEADER = 16;
    private static final int CL_INTERFACE = 24;
    private static final long PROFINET_TIME_MID_HI = 0x6c9711d1L;
    private static final long PROFINET_CLOCK_NODE_HI = 0x827100a0L;
    private static final long PROFINET_NODE_LO = 0x2442df7dL;

    private final int msRpc;
    private final int profinetIo;

    public DceRpcDissector(IdentificationCatalog catalog) {
        this.msRpc = catalog.id("MS-RPC");
        this.profinetIo = catalog.id("PROFINET-IO");
    }

    @Override
    public String name() {
        return "dcerpc";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.isTcp() ? !connectionOriented(p) : !connectionless(p)) {
            return NOT_THIS;
        }
        out.application(msRpc);
        if (!p.isTcp() && profinet(p, p.u8(4) == 0x10)) {
            out.nested(profinetIo);
        }
        return IDENTIFIED;
    }

    private static boolean drep(Payload p, int at) {
        int integer = p.u8(at);
        return (integer == 0x00 || integer == 0x10) && p.u8(at + 1) >= 0 && p.u8(at + 1) <= 3 && p.u8(at + 2) == 0;
    }

    private static boolean connectionless(Payload p) {
        if (p.u8(0) != 4 || p.u8(1) > 10 || p.length() < CL_HEADER || !drep(p, 4)) {
            return false;
        }
        int body = p.u8(4) == 0x10 ? p.u16le(74) : p.u16(74);
        return CL_HEADER + body == p.length();
    }

    private static boolean connectionOriented(Payload p) {
        if (p.u8(0) != 5 || p.u8(1) > 1 || p.u8(2) > 19 || !drep(p, 4) || p.u8(7) != 0) {
            return false;
        }
        int fragment = p.u8(4) == 0x10 ? p.u16le(8) : p.u16(8);
        // a fragment may span segments: its length is at least this segment's
        return fragment >= CO_HEADER && fragment >= p.length();
    }

    /** Whether the interface UUID is one of PROFINET IO's, read in the PDU's byte order. */
    private static boolean profinet(Payload p, boolean littleEndian) {
        int at = CL_INTERFACE;
        long first = littleEndian ? p.u32le(at) : p.u32(at);
        long timeMidHi = littleEndian ? (long) p.u16le(at + 4) << 16 | p.u16le(at + 6) : p.u32(at + 4);
        return first >= 0xdea00001L && first <= 0xdea00004L && timeMidHi == PROFINET_TIME_MID_HI
                && p.u32(at + 8) == PROFINET_CLOCK_NODE_HI && p.u32(at + 12) == PROFINET_NODE_LO;
    }
}
