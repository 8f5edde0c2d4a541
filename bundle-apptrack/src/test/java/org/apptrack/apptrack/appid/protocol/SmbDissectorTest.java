package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** SMB in a NetBIOS session message: NETBIOS with the dialect nested; and what is not SMB. */
class SmbDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    private static byte[] message(long protocol, int bodyLength) {
        return Bytes.of().u8(0).u8(0).u16(4 + bodyLength).u32(protocol).zeros(bodyLength).build();
    }

    @Test
    void smb1NegotiateIsNetbiosWithSmbv1() {
        DissectorHarness h = DissectorHarness.tcp(new SmbDissector(catalog), 445);
        assertEquals(IDENTIFIED, h.client(message(0xff534d42L, 80)));
        assertEquals("NETBIOS", catalog.application(h.out.application()));
        assertEquals("SMBV1", catalog.application(h.out.nested()));
    }

    @Test
    void smb2AndItsTransformAreNetbiosWithSmb() {
        DissectorHarness h = DissectorHarness.tcp(new SmbDissector(catalog), 445);
        assertEquals(IDENTIFIED, h.client(message(0xfe534d42L, 100)));
        assertEquals("SMB", catalog.application(h.out.nested()));
        DissectorHarness encrypted = DissectorHarness.tcp(new SmbDissector(catalog), 445);
        assertEquals(IDENTIFIED, encrypted.server(message(0xfd534d42L, 100)));
        assertEquals(true, encrypted.out.encrypted());
    }

    @Test
    void notSmb() {
        assertEquals(NOT_THIS, DissectorHarness.tcp(new SmbDissector(catalog), 445).client(message(0xfc534d42L, 20)));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new SmbDissector(catalog), 445).client(
                Bytes.of().u8(0).u8(0).u16(10).u32(0xfe534d42L).zeros(20).build()), "longer than its length");
    }
}
