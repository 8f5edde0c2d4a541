package org.apptrack.apptrack.appid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apptrack.testsupport.data.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The catalog shipped in the bundle: it loads, it maps every nDPI name of the developer captures'
 * labels to an application (as {@code shared/reference/application-names.tsv} says, or by its
 * rule), its categories and risks are Junos's, and the well-known services are named by their
 * well-known domains and ports.
 */
class BundledCatalogTest {

    static final Path NAMES_TABLE = Paths.get("..", "..", "shared", "reference", "application-names.tsv");

    private final AppIdCatalog catalog = AppIdCatalog.bundled();
    private final CatalogSnapshot snapshot = catalog.snapshot();

    @Test
    void loadsWithItsVersion() {
        assertTrue(snapshot.applicationCount() > 300, "applications: " + snapshot.applicationCount());
        assertNotNull(snapshot.version());
        assertEquals("UNKNOWN", catalog.application(0));
        assertEquals("N/A", catalog.category(0));
        assertEquals("N/A", catalog.subCategory(0));
    }

    /** Each row of the naming table: the nDPI name stands for the nested application where the table gives one, else the application. */
    @Test
    void everyRowOfTheNamingTableMapsAsTheTableSays() throws IOException {
        List<String> lines = Files.readAllLines(NAMES_TABLE, StandardCharsets.UTF_8);
        List<String> wrong = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            String ndpi = f[0];
            String application = f[1];
            String nested = f.length > 2 ? f[2] : "";
            String expected = !nested.isEmpty() && !nested.equals("UNKNOWN") ? nested : application;
            String actual = catalog.application(catalog.byNdpiName(ndpi));
            if (catalog.byNdpiName(ndpi) == AppIdCatalog.NOT_FOUND || !actual.equals(expected)) {
                wrong.add(ndpi + " -> " + actual + " (table: " + expected + ")");
            }
            for (String junos : new String[] {application, nested}) {
                if (!junos.isEmpty() && catalog.id(junos) == AppIdCatalog.NOT_FOUND) {
                    wrong.add(junos + " (of " + ndpi + ") is not in the catalog");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(lines.size() > 100, "the table has " + lines.size() + " lines");
    }

    /** Every master_proto and app_proto of both flows.tsv files maps to an entry, by alias or by the rule. */
    @Test
    void everyNdpiNameOfTheDeveloperCapturesMaps() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (String set : new String[] {"ndpi", "ndpi-extended"}) {
            Path flows = TestData.path(set, "flows.tsv");
            Assumptions.assumeTrue(Files.exists(flows), () -> TestData.missing(flows));
            List<String> lines = Files.readAllLines(flows, StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split("\t", -1));
            int master = header.indexOf("master_proto");
            int app = header.indexOf("app_proto");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                names.add(f[master]);
                names.add(f[app]);
            }
        }
        List<String> unmapped = new ArrayList<>();
        for (String n : names) {
            if (catalog.byNdpiName(n) == AppIdCatalog.NOT_FOUND) {
                unmapped.add(n + " (rule: " + NdpiNames.byRule(n) + ")");
            }
        }
        assertEquals(List.of(), unmapped);
        assertTrue(names.size() > 300, "names: " + names.size());
    }

    @Test
    void categoriesAndRisksAreFromTheDeclaredVocabulary() {
        Map<String, List<String>> vocabulary = snapshot.categories();
        for (ApplicationDefinition a : snapshot.applications()) {
            assertNotNull(a.risk(), a.name());
            if (a.name().equals("UNKNOWN")) {
                continue;
            }
            assertTrue(vocabulary.containsKey(a.category()), a.toString());
            assertTrue(a.subCategory().equals("N/A") || vocabulary.get(a.category()).contains(a.subCategory()),
                    a.toString());
            assertTrue(a.name().matches("[A-Z0-9][A-Z0-9.\\-_]*"), a.name());
        }
        // the pairs Junos shows in its logs and documentation
        assertTrue(vocabulary.get("Web").contains("Social-Networking"));
        assertTrue(vocabulary.get("Infrastructure").contains("Encryption"));
        assertTrue(vocabulary.get("Messaging").contains("Instant-Messaging"));
        assertTrue(vocabulary.get("Multimedia").contains("Audio-Streaming"));
        assertEquals("Web", catalog.category(catalog.id("HTTP")));
        assertEquals("N/A", catalog.subCategory(catalog.id("HTTP")));
        assertEquals("Social-Networking", catalog.subCategory(catalog.id("FACEBOOK-ACCESS")));
        assertEquals("Encryption", catalog.subCategory(catalog.id("SSL")));
    }

    @Test
    void protocolsCarrySessionsAndServicesAreFoundInside() {
        for (String protocol : new String[] {"HTTP", "SSL", "QUIC", "DNS", "SSH", "SMTP", "BITTORRENT"}) {
            assertTrue(catalog.role(catalog.id(protocol)).carriesSessions(), protocol);
        }
        for (String service : new String[] {"YOUTUBE", "FACEBOOK-ACCESS", "NETFLIX", "GOOGLE-GEN", "MS-TEAMS"}) {
            assertTrue(catalog.role(catalog.id(service)).foundInside(), service);
        }
        assertEquals(ApplicationRole.NESTED_APPLICATION, catalog.role(catalog.id("YOUTUBE")));
    }

    /** Well-known domains of the big services (public knowledge, not read from any capture). */
    @Test
    void theBigServicesAreNamedByTheirDomains() {
        String[][] cases = {
            {"www.youtube.com", "YOUTUBE"}, {"r3---sn-4g5e6nzz.googlevideo.com", "YOUTUBE"}, {"i.ytimg.com", "YOUTUBE"},
            {"www.google.com", "GOOGLE-GEN"}, {"www.google.de", "GOOGLE-GEN"}, {"www.google.co.uk", "GOOGLE-GEN"},
            {"www.google.com.br", "GOOGLE-GEN"}, {"fonts.gstatic.com", "GOOGLE-GEN"}, {"mail.google.com", "GMAIL"},
            {"play.google.com", "GOOGLE-PLAY"}, {"www.facebook.com", "FACEBOOK-ACCESS"},
            {"static.xx.fbcdn.net", "FBOOKREELSTORY"}, {"www.instagram.com", "INSTAGRAM"},
            {"web.whatsapp.com", "WHATSAPP"}, {"mmg.whatsapp.net", "WHATSAPPFILES"}, {"www.netflix.com", "NETFLIX"},
            {"ipv4-c001-abc.1.oca.nflxvideo.net", "NETFLIX"}, {"outlook.office365.com", "OUTLOOK"},
            {"teams.microsoft.com", "MS-TEAMS"}, {"www.office.com", "OFFICE365"}, {"onedrive.live.com", "MS-ONEDRIVE"},
            {"login.live.com", "MICROSOFT"}, {"abc.blob.core.windows.net", "MICROSOFT-AZURE"},
            {"download.windowsupdate.com", "WINDOWS-UPDATE"}, {"www.xbox.com", "XBOX"}, {"www.bing.com", "BING"},
            {"www.linkedin.com", "LINKEDIN"}, {"us02web.zoom.us", "ZOOM"}, {"www.apple.com", "APPLE"},
            {"p45-caldav.icloud.com", "ICLOUD"}, {"itunes.apple.com", "ITUNES"}, {"www.amazon.com", "AMAZON"},
            {"www.amazon.de", "AMAZON"}, {"s3.amazonaws.com", "AMAZONAWS"}, {"www.primevideo.com", "AMAZONVIDEO"},
            {"www.reddit.com", "REDDIT"}, {"x.com", "TWITTER"}, {"pbs.twimg.com", "TWITTER"},
            {"web.telegram.org", "TELEGRAM"}, {"www.tiktok.com", "TIKTOK"}, {"app.snapchat.com", "SNAPCHAT"},
            {"www.dropbox.com", "DROPBOX"}, {"open.spotify.com", "SPOTIFY"}, {"i.pinimg.com", "PINTEREST"},
            {"www.twitch.tv", "TWITCH"}, {"www.disneyplus.com", "DISNEYPLUS"}, {"en.wikipedia.org", "WIKIPEDIA"},
            {"app.slack.com", "SLACK"}, {"discord.com", "DISCORD"}, {"www.cloudflare.com", "CLOUDFLARE"},
            {"a248.e.akamai.net", "AKAMAI"}, {"www.yahoo.com", "YAHOO"}, {"www.ebay.de", "EBAY"},
            {"github.com", "GITHUB"}, {"store.steampowered.com", "STEAM"}, {"store.playstation.com", "PLAYSTATION"},
        };
        List<String> wrong = new ArrayList<>();
        HostNameMatcher matcher = catalog.hostNames();
        for (String[] c : cases) {
            String actual = catalog.application(matcher.match(c[0]));
            if (!actual.equals(c[1])) {
                wrong.add(c[0] + " -> " + actual + " (expected " + c[1] + ")");
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(HostNameMatcher.NO_MATCH, matcher.match("notyoutube.com"));
        assertEquals(HostNameMatcher.NO_MATCH, matcher.match("example.org"));
    }

    @Test
    void defaultServicesGuessTheProtocols() {
        assertEquals("SSL", catalog.application(catalog.applicationForPort(DefaultService.TCP, 443)));
        assertEquals("QUIC", catalog.application(catalog.applicationForPort(DefaultService.UDP, 443)));
        assertEquals("DNS", catalog.application(catalog.applicationForPort(DefaultService.UDP, 53)));
        assertEquals("DNS", catalog.application(catalog.applicationForPort(DefaultService.TCP, 53)));
        assertEquals("HTTP", catalog.application(catalog.applicationForPort(DefaultService.TCP, 80)));
        assertEquals("SSH", catalog.application(catalog.applicationForPort(DefaultService.TCP, 22)));
        assertEquals("BITTORRENT", catalog.application(catalog.applicationForPort(DefaultService.TCP, 6885)));
        assertEquals("UNKNOWN", catalog.application(catalog.applicationForPort(DefaultService.TCP, 1)));
        assertEquals("UNKNOWN", catalog.application(catalog.applicationForPort(1, 0)));
        // HTTPS, DNS over TLS (RFC 7858) and Google's push messaging (FCM), all TLS from their first byte
        assertEquals(List.of(DefaultService.parse("tcp/443"), DefaultService.parse("tcp/853"),
                DefaultService.parse("tcp/5228")), catalog.defaultServices(catalog.id("SSL")));
        assertNotEquals(0, catalog.defaultServices(catalog.id("DNS")).size());
    }

    /** The services' published ranges: the longest prefix names the service (WhatsApp's servers inside Meta's ranges). */
    @Test
    void publishedRangesNameTheirServices() {
        AddressMatcher a = snapshot.addresses();
        assertTrue(a.size() > 500 && a.size() < 5000, "address prefixes: " + a.size());
        assertEquals(catalog.id("TELEGRAM"), a.match(0, org.apptrack.apptrack.api.IpAddresses.ipv4Low(0x959aa733)),
                "149.154.167.51");
        assertEquals(catalog.id("TELEGRAM"), a.match(0x2001_0b28_f23d_0000L, 5L), "2001:b28:f23d::5");
        assertEquals(catalog.id("FACEBOOK-ACCESS"),
                a.match(0, org.apptrack.apptrack.api.IpAddresses.ipv4Low(0x9df0c340)), "157.240.195.64");
        assertEquals(catalog.id("WHATSAPP"),
                a.match(0, org.apptrack.apptrack.api.IpAddresses.ipv4Low(0x9df0c336)), "157.240.195.54");
        assertEquals(catalog.id("GOOGLECALL"),
                a.match(0x2001_4860_4864_0006L, 0x81L), "2001:4860:4864:6::81");
        assertEquals(0, a.match(0, org.apptrack.apptrack.api.IpAddresses.ipv4Low(0x0a000001)), "10.0.0.1");
    }
}
