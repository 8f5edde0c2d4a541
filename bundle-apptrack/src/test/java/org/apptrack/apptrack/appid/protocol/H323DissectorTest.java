package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.junit.jupiter.api.Test;

class H323DissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void q931SetupH245TerminalCapabilitySetAndRasGatekeeperRequest() {
        DissectorHarness setup = DissectorHarness.tcp(new H323Dissector(catalog), 1720);
        assertEquals(IDENTIFIED, setup.client(Hex.bytes("0300000f 08 02 0001 05 04 03 88 93 a5 00")));
        assertEquals("H.323", catalog.application(setup.out.application()));
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new H323Dissector(catalog), 1232).server(
                Hex.bytes("0300001c 0230 01 06 00088175 000500801bc520401d00800000001bc5")));
        assertEquals(IDENTIFIED, DissectorHarness.udp(new H323Dissector(catalog), 1719).client(
                Hex.bytes("02200000 06 0008914a0004 001102007c07f22200ae01003d0001030085")));
    }

    @Test
    void rdpInATpktAWrongLengthAndRasOffItsPortAreRefused() {
        assertEquals(NOT_THIS, DissectorHarness.tcp(new H323Dissector(catalog), 3389).client(
                Hex.bytes("03000013 0e e0 0000 0000 00 01 0008 00030000")), "an X.224 connection request");
        assertEquals(NOT_THIS, DissectorHarness.tcp(new H323Dissector(catalog), 1720).client(
                Hex.bytes("03000020 08 02 0001 05 04 03 88 93 a5 00")));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new H323Dissector(catalog), 1720).client(
                Hex.bytes("0300000f 08 02 0001 99 04 03 88 93 a5 00")), "no such message type");
        assertEquals(NOT_THIS, DissectorHarness.udp(new H323Dissector(catalog), 5000).client(
                Hex.bytes("02200000 06 0008914a0004 001102007c07f22200ae01003d0001030085")));
    }
}
