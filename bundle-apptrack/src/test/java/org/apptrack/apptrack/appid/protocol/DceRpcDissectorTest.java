package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** DCE/RPC connectionless and connection-oriented PDUs, PROFINET IO inside, and look-alikes. */
class DceRpcDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    /** A connectionless request header (big-endian unless {@code le}) for an interface, then the body. */
    private static byte[] connectionless(boolean le, long interfaceFirst, int body) {
        Bytes b = Bytes.of().u8(4).u8(0).u8(0x20).u8(0).u8(le ? 0x10 : 0).u8(0).u8(0).u8(0).zeros(16);
        if (le) {
            b.u32(Long.reverseBytes(interfaceFirst) >>> 32).u16(0x976c).u16(0xd111);
        } else {
            b.u32(interfaceFirst).u16(0x6c97).u16(0x11d1);
        }
        b.u32(0x827100a0L).u32(0x2442df7dL).zeros(16).u32(0).u32(1).u32(0).u16(0).u16(0xffff).u16(0xffff);
        b.u16(le ? Integer.reverseBytes(body) >>> 16 : body).u16(0).u8(0).u8(0);
        return b.zeros(body).build();
    }

    @Test
    void profinetIoConnectRequestInEitherByteOrder() {
        DissectorHarness big = DissectorHarness.udp(new DceRpcDissector(catalog), 34964);
        assertEquals(IDENTIFIED, big.client(connectionless(false, 0xdea00001L, 120)));
        assertEquals("MS-RPC", catalog.application(big.out.application()));
        assertEquals("PROFINET-IO", catalog.application(big.out.nested()));
        DissectorHarness little = DissectorHarness.udp(new DceRpcDissector(catalog), 34964);
        assertEquals(IDENTIFIED, little.client(connectionless(true, 0xdea00002L, 92)));
        assertEquals("PROFINET-IO", catalog.application(little.out.nested()));
    }

    @Test
    void anotherInterfaceIsMsRpcAlone() {
        DissectorHarness h = DissectorHarness.udp(new DceRpcDissector(catalog), 50000);
        assertEquals(IDENTIFIED, h.client(connectionless(false, 0x12345678L, 10)));
        assertEquals(0, h.out.nested());
    }

    @Test
    void bodyLengthMustTileTheDatagram() {
        byte[] pdu = connectionless(false, 0xdea00001L, 20);
        byte[] longer = java.util.Arrays.copyOf(pdu, pdu.length + 1);
        assertEquals(NOT_THIS, DissectorHarness.udp(new DceRpcDissector(catalog), 34964).client(longer));
    }

    @Test
    void connectionOrientedBind() {
        DissectorHarness h = DissectorHarness.tcp(new DceRpcDissector(catalog), 49667);
        byte[] bind = Bytes.of().u8(5).u8(0).u8(11).u8(3).u8(0x10).u8(0).u8(0).u8(0).u16(0x4800).u16(0).u32(1)
                .zeros(56).build();
        assertEquals(IDENTIFIED, h.client(bind));
        assertEquals("MS-RPC", catalog.application(h.out.application()));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new DceRpcDissector(catalog), 49667).client(
                Bytes.of().u8(5).u8(0).u8(11).u8(3).u8(0x10).u8(0).u8(0).u8(0).u16(0x1000).u16(0).u32(1).zeros(56)
                        .build()), "a fragment shorter than the segment");
        assertEquals(NOT_THIS, DissectorHarness.tcp(new DceRpcDissector(catalog), 80).client("GET / HTTP/1.1\r\n\r\n"));
    }

    @Test
    void randomPayloadsAreNotTaken() {
        Random random = new Random(135);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[1 + random.nextInt(200)];
            random.nextBytes(b);
            assertEquals(NOT_THIS, DissectorHarness.udp(new DceRpcDissector(catalog), 135).client(b));
            assertEquals(NOT_THIS, DissectorHarness.tcp(new DceRpcDissector(catalog), 135).client(b));
        }
    }
}
