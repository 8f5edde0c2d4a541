package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.junit.jupiter.api.Test;

class SomeIpDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void requestResponseAndSegmentedRequest() {
        DissectorHarness h = DissectorHarness.udp(new SomeIpDissector(catalog), 49201);
        assertEquals(IDENTIFIED, h.client(Hex.bytes("12340008 00000011 00000001 01 01 00 00 00000005ababababab")));
        assertEquals("SOMEIP", catalog.application(h.out.application()));
        assertEquals(IDENTIFIED, DissectorHarness.udp(new SomeIpDissector(catalog), 49201).server(
                Hex.bytes("12340008 00000011 00000001 01 01 80 00 00000005ababababab")));
        assertEquals(IDENTIFIED, DissectorHarness.udp(new SomeIpDissector(catalog), 30490).client(
                Hex.bytes("01010009 0000000c 00000005 01 01 20 00 00000001")), "transport-protocol flag");
    }

    @Test
    void twoMessagesTileAndALengthBeyondTheDatagramDoesNot() {
        assertEquals(IDENTIFIED, DissectorHarness.udp(new SomeIpDissector(catalog), 30490).client(
                Hex.bytes("12340008 00000008 00000001 01 01 02 00  12340009 00000009 00000002 01 01 02 00 ff")));
        assertEquals(NOT_THIS, DissectorHarness.udp(new SomeIpDissector(catalog), 30490).client(
                Hex.bytes("12340008 00000012 00000001 01 01 00 00 00000005ababababab")));
        assertEquals(NOT_THIS, DissectorHarness.udp(new SomeIpDissector(catalog), 30490).client(
                Hex.bytes("12340008 00000011 00000001 02 01 00 00 00000005ababababab")), "protocol version 2");
        assertEquals(NOT_THIS, DissectorHarness.udp(new SomeIpDissector(catalog), 30490).client(
                Hex.bytes("12340008 00000011 00000001 01 01 42 00 00000005ababababab")), "no such message type");
    }
}
