package org.apptrack.tool.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apptrack.testsupport.data.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nDPI's labels to what the logs should say: the table, the rule for missing names, M.A. */
class ApplicationNamesTest {

    private static final String HEADER = "ndpi_name\tjunos_application\tjunos_nested_application\n";

    @TempDir
    Path dir;

    private ApplicationNames table(String rows) throws IOException {
        Path tsv = dir.resolve("names.tsv");
        Files.writeString(tsv, HEADER + rows);
        return ApplicationNames.read(tsv);
    }

    private ApplicationNames names() throws IOException {
        return table("TLS\tSSL\t\nYouTube\tSSL\tYOUTUBE\nDNS\tDNS\tUNKNOWN\nZoom\tZOOM\tZOOM\nSMBv23\tSMB\t\n"
                + "NetBIOS\tNETBIOS\t\nntop\tUNKNOWN\tUNKNOWN\nHTTP\tHTTP\n");
    }

    @Test
    void aNameMissingFromTheTableIsUpperCasedWithDashes() throws IOException {
        ApplicationNames names = names();
        assertEquals("SERVICE-LOCATION-PROTOCOL", names.application("Service_Location_Protocol"));
        assertEquals("APPLE-PUSH-X", names.application("Apple Push_x"));
        assertEquals("SSL", names.application("TLS"), "the table wins over the rule");
        assertEquals("HTTP", names.application("HTTP"), "a row without its third column");
    }

    @Test
    void masterDotApplicationExpectsTheMastersApplicationAndTheApplicationsNestedName() throws IOException {
        ApplicationNames names = names();
        assertEquals(new Expectation("SSL", "YOUTUBE", true), names.expect("TLS", "YouTube"));
        assertEquals(new Expectation("SSL", "PINTEREST", true), names.expect("TLS", "Pinterest"),
                "an application missing from the table is its own nested application by the rule");
        assertEquals(new Expectation("NETBIOS", null, false), names.expect("NetBIOS", "SMBv23"),
                "an empty nested cell: no expectation");
        assertEquals(new Expectation("HTTP", "UNKNOWN", false), names.expect("HTTP", "ntop"),
                "a nested UNKNOWN is expected but not measured");
    }

    @Test
    void aProtocolWhoseNestedNameIsUnknownNeverCarriesOne() throws IOException {
        ApplicationNames names = names();
        assertEquals(new Expectation("DNS", "UNKNOWN", false), names.expect("DNS", "YouTube"),
                "a DNS lookup is DNS + UNKNOWN, whatever it asks for");
    }

    @Test
    void aSingleNameExpectsItsApplicationAndItsNestedNameWhereTheTableHasOne() throws IOException {
        ApplicationNames names = names();
        Expectation zoom = names.expect("Zoom", "Zoom");
        assertEquals(new Expectation("ZOOM", "ZOOM", false), zoom, "a single name is not in the nested figure");
        assertEquals(new Expectation("SSL", null, false), names.expect("TLS", "TLS"));
        assertEquals(new Expectation("SOME-NEW-THING", null, false), names.expect("Some_New_Thing", "Some_New_Thing"));
    }

    @Test
    void unknownIsAFlowNdpiCouldNotName() throws IOException {
        Expectation e = names().expect("Unknown", "Unknown");
        assertTrue(e.unknownFlow());
        assertNull(e.application());
        assertFalse(e.nestedMeasured());
    }

    @Test
    void aMalformedTableFailsNamingTheLine() throws IOException {
        IOException e = assertThrows(IOException.class, () -> table("TLS\tSSL\t\nYouTube\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        e = assertThrows(IOException.class, () -> table("TLS\tSSL\t\nTLS\tHTTPS\t\n"));
        assertTrue(e.getMessage().contains("'TLS' appears twice"), e.getMessage());
        Path noHeader = dir.resolve("bare.tsv");
        Files.writeString(noHeader, "TLS\tSSL\t\n");
        e = assertThrows(IOException.class, () -> ApplicationNames.read(noHeader));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    /** The shared reference table, where the examples of its own documentation must hold. */
    @Test
    void theSharedTableMapsTheExamplesOfItsDocumentation() throws IOException {
        Path shared = TestData.path("ndpi").getParent().getParent().resolve("reference").resolve("application-names.tsv");
        assumeTrue(Files.isRegularFile(shared), TestData.missing(shared));
        ApplicationNames names = ApplicationNames.read(shared);
        assertEquals(new Expectation("SSL", "YOUTUBE", true), names.expect("TLS", "YouTube"));
        assertEquals(new Expectation("HTTP", "WINDOWS-UPDATE", true), names.expect("HTTP", "WindowsUpdate"));
        assertEquals(new Expectation("QUIC", "GOOGLE-GEN", true), names.expect("QUIC", "Google"));
        assertEquals("DNS", names.expect("DNS", "Facebook").application());
        assertFalse(names.expect("DNS", "Facebook").nestedMeasured());
        assertEquals("SLP", names.application("Service_Location_Protocol"));
    }
}
