package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.junit.jupiter.api.Test;

class CanDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void framesOverUdpAndTcpStartWithTheStandardsName() {
        DissectorHarness h = DissectorHarness.udp(new CanDissector(catalog), 11898);
        assertEquals(IDENTIFIED, h.client(Hex.bytes("49534f3131383938 01 02 6a12f10908 3b20d6700000ff7f")));
        assertEquals("CONTROLLER-AREA-NETWORK", catalog.application(h.out.application()));
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new CanDissector(catalog), 11898).client(
                Hex.bytes("49534f3131383938 01 01 00")));
    }

    @Test
    void otherTextOrAHeaderCutShortIsRefused() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new CanDissector(catalog), 11898).client("ISO11898"));
        assertEquals(NOT_THIS, DissectorHarness.udp(new CanDissector(catalog), 11898).client("ISO9660 image"));
    }
}
