package org.apptrack.testsupport.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDataTest {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(TestData.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(TestData.PROPERTY);
        } else {
            System.setProperty(TestData.PROPERTY, saved);
        }
    }

    @Test
    void thePropertyNamesTheFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("ndpi/pcap"));
        System.setProperty(TestData.PROPERTY, dir.toString());
        assertEquals(dir.toRealPath(), TestData.root().orElseThrow().toRealPath());
        assertEquals(dir.resolve("ndpi/pcap").toRealPath(), TestData.path("ndpi", "pcap").toRealPath());
    }

    @Test
    void theRepositoryCapturesAreFoundFromAModuleFolder() {
        // the tests of a module run in the module's folder, one below the checkout
        Path appid = TestData.appid();
        assertTrue(appid.endsWith(Path.of("testdata", "appid")), appid.toString());
        assertTrue(Files.isRegularFile(appid.resolve("flows.tsv")), appid.toString());
        assertEquals(appid.resolve("pcap"), TestData.appid("pcap"));
        assertTrue(Files.isDirectory(TestData.appid("pcap")));
    }

    @Test
    void aMissingFolderGivesAPathThatDoesNotExistAndAMessageNamingIt(@TempDir Path dir) {
        Path absent = dir.resolve("no-testdata");
        System.setProperty(TestData.PROPERTY, absent.toString());
        assertTrue(TestData.root().isEmpty());
        Path p = TestData.path("srx-syslog", "misc-public.log");
        assertEquals(absent.resolve("srx-syslog/misc-public.log"), p);
        assertFalse(Files.exists(p));
        String message = TestData.missing(p);
        assertTrue(message.contains(p.toString()), message);
        assertTrue(message.contains("-D" + TestData.PROPERTY), message);
    }
}
