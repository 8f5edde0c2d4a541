package org.apptrack.apptrack.appid.catalog;

import static org.apptrack.apptrack.appid.catalog.TestCatalogs.FACEBOOK;
import static org.apptrack.apptrack.appid.catalog.TestCatalogs.HTTP;
import static org.apptrack.apptrack.appid.catalog.TestCatalogs.SSL;
import static org.apptrack.apptrack.appid.catalog.TestCatalogs.YOUTUBE;
import static org.apptrack.apptrack.appid.catalog.TestCatalogs.catalog;
import static org.apptrack.apptrack.appid.catalog.TestCatalogs.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading: ids stay valid, a file that does not load changes nothing, readers never see half a catalog. */
class AppIdCatalogReloadTest {

    private static AppIdCatalog first() throws CatalogException {
        return AppIdCatalog.load(stream(catalog("1", HTTP, SSL, YOUTUBE)), "v1");
    }

    @Test
    void namesKeepTheirIdsAcrossReloads() throws CatalogException {
        AppIdCatalog catalog = first();
        int http = catalog.id("HTTP");
        int ssl = catalog.id("SSL");
        int youtube = catalog.id("YOUTUBE");
        assertEquals(List.of(1, 2, 3), List.of(http, ssl, youtube));

        // reordered, YOUTUBE dropped, FACEBOOK-ACCESS new
        ReloadResult r = catalog.reload(stream(catalog("2", FACEBOOK, SSL, HTTP)), "v2");
        assertTrue(r.loaded(), r.message());
        assertEquals("2", r.version());
        assertEquals(3, r.applications());
        assertEquals(1, r.newIds());
        assertEquals(http, catalog.id("HTTP"));
        assertEquals(ssl, catalog.id("SSL"));
        assertEquals(4, catalog.id("FACEBOOK-ACCESS"));
        assertEquals("2", catalog.version());

        // the dropped application: sessions carrying its id still show its name and categories,
        // but nothing names it any more
        assertEquals("YOUTUBE", catalog.application(youtube));
        assertEquals("Video-Streaming", catalog.subCategory(youtube));
        assertEquals(AppIdCatalog.NOT_FOUND, catalog.id("YOUTUBE"));
        assertEquals(HostNameMatcher.NO_MATCH, catalog.hostNames().match("www.youtube.com"));
        assertEquals(AppIdCatalog.NOT_FOUND, catalog.byNdpiName("YouTube"));
        assertEquals(4, catalog.hostNames().match("www.facebook.com"));

        // back again: the same id as before
        assertTrue(catalog.reload(stream(catalog("3", HTTP, SSL, YOUTUBE, FACEBOOK)), "v3").loaded());
        assertEquals(youtube, catalog.id("YOUTUBE"));
        assertEquals(youtube, catalog.hostNames().match("r3---sn-abc.googlevideo.com"));
        assertEquals(4, catalog.id("FACEBOOK-ACCESS"));
    }

    @Test
    void aFileThatDoesNotLoadKeepsTheCatalogInForce() throws CatalogException {
        AppIdCatalog catalog = first();
        CatalogSnapshot before = catalog.snapshot();
        String bad = catalog("2", HTTP, SSL.replace("'low'", "'medium'"), FACEBOOK);
        ReloadResult r = catalog.reload(stream(bad), "bad.json");
        assertFalse(r.loaded());
        assertEquals(List.of("applications[1].risk: 'medium' is not one of low, moderate, high, critical, unsafe (SSL)"),
                r.errors());
        assertTrue(r.message().contains("bad.json not loaded"), r.message());
        assertTrue(r.message().endsWith("version 1 stays in force"), r.message());
        assertEquals("1", r.version());
        assertSame(before, catalog.snapshot());
        assertEquals("1", catalog.version());
        assertEquals(3, catalog.id("YOUTUBE"));
        assertEquals(3, catalog.hostNames().match("www.youtube.com"));
        // the rejected file's new name got no id
        assertTrue(catalog.reload(stream(catalog("3", HTTP, SSL, YOUTUBE, FACEBOOK)), "v3").loaded());
        assertEquals(4, catalog.id("FACEBOOK-ACCESS"));
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path dir) throws CatalogException {
        AppIdCatalog catalog = first();
        ReloadResult r = catalog.reload(dir.resolve("absent.json"));
        assertFalse(r.loaded());
        assertTrue(r.errors().get(0).startsWith("cannot be read: "), r.errors().toString());
        assertEquals("1", catalog.version());
    }

    @Test
    void theBundledCatalogCanBeRestored() throws CatalogException {
        AppIdCatalog catalog = first();
        ReloadResult r = catalog.reloadBundled();
        assertTrue(r.loaded(), r.message());
        assertEquals(1, catalog.id("HTTP"));
        assertEquals(3, catalog.id("YOUTUBE"));
        assertTrue(catalog.id("NETFLIX") > 3);
    }

    /**
     * Ids are never reused while running: a reload that would need more than the catalog's ids
     * left (1..32767; the ids above are the operator's custom applications) is refused.
     */
    @Test
    void whenTheIdsRunOutTheReloadIsRefused() throws CatalogException {
        AppIdCatalog catalog = AppIdCatalog.load(stream(many("A", 20_000)), "a");
        assertEquals(20_000, catalog.id("A19999"));
        ReloadResult r = catalog.reload(stream(many("B", 20_000)), "b");
        assertFalse(r.loaded());
        assertTrue(r.errors().get(0).startsWith("applications: 20000 new names, but only 12767 of the catalog's"
                + " application ids are left"), r.errors().toString());
        assertEquals(20_000, catalog.id("A19999"));
        assertTrue(catalog.reload(stream(many("B", 12_767)), "b").loaded());
        assertEquals(32_767, catalog.id("B12766"));
    }

    private static String many(String prefix, int n) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add("{'name': '" + prefix + i + "', 'category': 'Web', 'subCategory': 'N/A', 'risk': 'low',"
                    + " 'role': 'application'}");
        }
        return catalog("1", entries.toArray(new String[0]));
    }

    @Test
    void ndpiNamesMapByAliasThenByRule() throws CatalogException {
        String sip = "{'name': 'SERVICE-LOCATION-PROTOCOL', 'category': 'Web', 'subCategory': 'N/A', 'risk': 'low',"
                + " 'role': 'application'}";
        AppIdCatalog catalog = AppIdCatalog.load(stream(catalog("1", HTTP, SSL, YOUTUBE, sip)), "t");
        assertEquals(catalog.id("SSL"), catalog.byNdpiName("TLS"));
        assertEquals(catalog.id("SSL"), catalog.byNdpiName("tls"));
        assertEquals(catalog.id("YOUTUBE"), catalog.byNdpiName("YouTube"));
        assertEquals(catalog.id("SERVICE-LOCATION-PROTOCOL"), catalog.byNdpiName("Service_Location_Protocol"));
        assertEquals(catalog.id("HTTP"), catalog.byNdpiName("http"));
        assertEquals(AppIdCatalog.NOT_FOUND, catalog.byNdpiName("Netflix"));
        assertEquals(AppIdCatalog.NOT_FOUND, catalog.byNdpiName(null));
        assertEquals(0, catalog.byNdpiName("UNKNOWN"));
    }

    @Test
    void anIdNeverGivenIsUnknown() throws CatalogException {
        AppIdCatalog catalog = first();
        for (int id : new int[] {0, 99, 65535, -1}) {
            assertEquals("UNKNOWN", catalog.application(id));
            assertEquals("N/A", catalog.category(id));
            assertEquals("N/A", catalog.subCategory(id));
        }
    }

    /** A reader during reloads sees, for each id, the name that id has always had. */
    @Test
    void readersSeeWholeCatalogsDuringReloads() throws Exception {
        AppIdCatalog catalog = first();
        AtomicReference<String> wrong = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                CatalogSnapshot s = catalog.snapshot();
                int yt = s.hostNames().match("www.youtube.com");
                if (!s.definition(1).name().equals("HTTP") || (yt != 0 && !s.definition(yt).name().equals("YOUTUBE"))) {
                    wrong.set(s.version() + ": " + s.definition(1).name() + " " + yt);
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200; i++) {
            ReloadResult r = catalog.reload(stream(i % 2 == 0 ? catalog("even", HTTP, FACEBOOK, SSL)
                    : catalog("odd", HTTP, SSL, YOUTUBE)), "r" + i);
            assertTrue(r.loaded(), r.message());
        }
        reader.interrupt();
        reader.join(10_000);
        assertEquals(null, wrong.get());
        assertNotEquals(AppIdCatalog.NOT_FOUND, catalog.id("YOUTUBE"));
    }
}
