package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** Zoom's peer-to-peer hello (address and device UUID), and what only starts like it. */
class ZoomDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    private static byte[] hello(String address, String uuid) {
        byte[] a = address.getBytes(StandardCharsets.US_ASCII);
        byte[] u = uuid.getBytes(StandardCharsets.US_ASCII);
        return Bytes.of().u8(0x1f).u8(0x02).u8(1).u8(0).u16(0x0800).u16(0x0100).u16(0x0400).u32(0x5c9b637bL)
                .u32(0x64).u32(0x62).u16(0xa04c).u32(a.length).bytes(a).u32(u.length).bytes(u).u32(0)
                .build();
    }

    @Test
    void peerHelloWithAddressAndDeviceUuid() {
        DissectorHarness h = DissectorHarness.udp(new ZoomDissector(catalog), 46757);
        assertEquals(IDENTIFIED, h.client(hello("192.168.1.226", "AF065D88-AA9B-4A83-9C1E-0123456789AB")));
        assertEquals("ZOOM", catalog.application(h.out.application()));
        assertEquals("ZOOM", catalog.application(h.out.nested()));
        assertEquals(IDENTIFIED, DissectorHarness.udp(new ZoomDissector(catalog), 46757)
                .client(hello("fe80::1", "af065d88-aa9b-4a83-9c1e-0123456789ab")));
    }

    @Test
    void notAnAddressOrNotAUuidIsNot() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new ZoomDissector(catalog), 46757)
                .client(hello("zoom.example", "AF065D88-AA9B-4A83-9C1E-0123456789AB")));
        assertEquals(NOT_THIS, DissectorHarness.udp(new ZoomDissector(catalog), 46757)
                .client(hello("10.0.0.1", "AF065D88AA9B-4A83-9C1E-0123456789AB-")));
        assertEquals(NOT_THIS, DissectorHarness.udp(new ZoomDissector(catalog), 46757)
                .client(Bytes.of().u8(0x1f).u8(0x02).zeros(60).build()));
    }
}
