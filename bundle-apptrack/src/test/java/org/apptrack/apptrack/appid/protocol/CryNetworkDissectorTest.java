package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

class CryNetworkDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    private static byte[] connect(int titleId, int declared, int length) {
        return Bytes.of().u8(declared).u16(0).u16(titleId).zeros(11).u8(1).zeros(3).u8(7).zeros(3).u16(0x0307)
                .zeros(length - 26).build();
    }

    @Test
    void connectionMessageOfAnyTitle() {
        DissectorHarness h = DissectorHarness.udp(new CryNetworkDissector(catalog), 25383);
        assertEquals(IDENTIFIED, h.client(connect(0x08ed, 60, 70)));
        assertEquals("CRYNETWORK", catalog.application(h.out.application()));
        assertEquals(IDENTIFIED, DissectorHarness.udp(new CryNetworkDissector(catalog), 21931).client(
                connect(0x0bf6, 60, 70)));
    }

    @Test
    void aLengthByteThatDoesNotMatchOrOtherFieldsAreRefused() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new CryNetworkDissector(catalog), 25383).client(connect(0x08ed, 61, 70)));
        byte[] other = connect(0x08ed, 60, 70);
        other[20] = 8;
        assertEquals(NOT_THIS, DissectorHarness.udp(new CryNetworkDissector(catalog), 25383).client(other));
    }
}
