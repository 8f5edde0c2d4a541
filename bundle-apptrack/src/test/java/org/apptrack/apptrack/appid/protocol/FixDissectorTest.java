package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.MAYBE;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.junit.jupiter.api.Test;

class FixDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void logonOfFix42AndFixt11FromEitherSide() {
        DissectorHarness h = DissectorHarness.tcp(new FixDissector(catalog), 4000);
        assertEquals(IDENTIFIED, h.client("8=FIX.4.2\u00019=65\u000135=A\u000149=SERVER\u000156=CLIENT\u000134=177\u0001"
                + "52=20090107-18:15:16\u000198=0\u0001108=30\u000110=062\u0001"));
        assertEquals("FIX", catalog.application(h.out.application()));
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new FixDissector(catalog), 9878).server(
                "8=FIXT.1.1\u00019=71\u000135=A\u000134=1\u000149=X\u0001"));
    }

    @Test
    void theThreeLeadingFieldsMustComeInOrder() {
        assertEquals(NOT_THIS, DissectorHarness.tcp(new FixDissector(catalog), 4000).client(
                "8=FIX.4.2\u000135=A\u00019=65\u0001"), "MsgType before BodyLength");
        assertEquals(NOT_THIS, DissectorHarness.tcp(new FixDissector(catalog), 4000).client(
                "8=FIX.4.2\u00019=6x\u000135=A\u0001"), "BodyLength not a number");
        assertEquals(NOT_THIS, DissectorHarness.tcp(new FixDissector(catalog), 80).client("8=3\r\nGET / HTTP/1.1\r\n"));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new FixDissector(catalog), 80).client("GET / HTTP/1.1\r\n\r\n"));
        assertEquals(MAYBE, DissectorHarness.tcp(new FixDissector(catalog), 4000).client("8=FIX.4"));
    }
}
