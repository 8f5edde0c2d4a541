package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.junit.jupiter.api.Test;

class RipeAtlasDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void magellanProbe() {
        DissectorHarness h = DissectorHarness.udp(new RipeAtlasDissector(catalog), 29195);
        assertEquals(IDENTIFIED, h.client("MGLNDD_192.0.2.10_1234567"));
        assertEquals("RIPEATLAS", catalog.application(h.out.application()));
    }

    @Test
    void anotherLengthOrMarkerIsRefused() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new RipeAtlasDissector(catalog), 29195).client("MGLNDD_192.0.2.10_12345678"));
        assertEquals(NOT_THIS, DissectorHarness.udp(new RipeAtlasDissector(catalog), 29195).client("MGLNDX_192.0.2.10_1234567"));
    }
}
