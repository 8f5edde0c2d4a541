package org.apptrack.apptrack.appid.catalog;

import static org.apptrack.apptrack.appid.catalog.TestCatalogs.FACEBOOK;
import static org.apptrack.apptrack.appid.catalog.TestCatalogs.HTTP;
import static org.apptrack.apptrack.appid.catalog.TestCatalogs.SSL;
import static org.apptrack.apptrack.appid.catalog.TestCatalogs.YOUTUBE;
import static org.apptrack.apptrack.appid.catalog.TestCatalogs.catalog;
import static org.apptrack.apptrack.appid.catalog.TestCatalogs.json;
import static org.apptrack.apptrack.appid.catalog.TestCatalogs.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation of a catalog file: each error names the entry and the field, and says what is wrong. */
class CatalogLoaderTest {

    private final CatalogLoader loader = new CatalogLoader();

    private CatalogDefinition load(String text) throws CatalogException {
        return loader.load(stream(text), "test.json");
    }

    private List<String> errors(String text) {
        CatalogException e = assertThrows(CatalogException.class, () -> load(text));
        assertTrue(e.getMessage().startsWith("application catalog test.json not loaded: "), e.getMessage());
        return e.errors();
    }

    private String onlyError(String text) {
        List<String> errors = errors(text);
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    @Test
    void aValidFileLoadsNormalised() throws CatalogException {
        CatalogDefinition d = load(catalog("7", HTTP, SSL, YOUTUBE, FACEBOOK));
        assertEquals("7", d.version());
        assertEquals(List.of("HTTP", "SSL", "YOUTUBE", "FACEBOOK-ACCESS"),
                d.applications().stream().map(ApplicationDefinition::name).collect(Collectors.toList()));
        ApplicationDefinition youtube = d.applications().get(2);
        assertEquals(List.of("youtube.com", "googlevideo.com", "youtube.*"),
                youtube.hostNames().stream().map(HostPattern::toString).collect(Collectors.toList()));
        assertEquals(Risk.MODERATE, youtube.risk());
        assertEquals(ApplicationRole.NESTED_APPLICATION, youtube.role());
        assertEquals(List.of("facebook.com", "fbcdn.net"), d.applications().get(3).hostNames().stream()
                .map(HostPattern::toString).collect(Collectors.toList()));
        assertEquals("[tcp/80]", d.applications().get(0).defaultServices().toString());
        assertEquals(List.of("TLS"), d.applications().get(1).ndpiNames());
    }

    /** One wrong field of the third entry (index 2, YOUTUBE): the error names it and says why. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'risk': 'moderate'|'risk': 'medium'|applications[2].risk: 'medium' is not one of low, moderate, high, critical, unsafe (YOUTUBE)",
        "'role': 'nested-application'|'role': 'nested'|applications[2].role: 'nested' is not one of application, nested-application, both (YOUTUBE)",
        "'category': 'Multimedia'|'category': 'Video'|applications[2].category: 'Video' is not one of the categories (Infrastructure, Multimedia, Web) (YOUTUBE)",
        "'subCategory': 'Video-Streaming'|'subCategory': 'Audio-Streaming'|applications[2].subCategory: 'Audio-Streaming' is not a sub-category of Multimedia (Video-Streaming, N/A) (YOUTUBE)",
        "'name': 'YOUTUBE'|'name': 'YouTube'|applications[2].name: 'YouTube' is not a Junos application name",
        "'name': 'YOUTUBE'|'name': 'SSL'|applications[2].name: 'SSL' is already applications[1]",
        "'name': 'YOUTUBE', |'name': '', |applications[2].name: must be a non-empty string",
        "'name': 'YOUTUBE', |\"\"|applications[2].name: missing",
        "'risk': 'moderate', |\"\"|applications[2].risk: missing",
        "'risk': 'moderate'|'risk': 3|applications[2].risk: must be a non-empty string, not 3",
        "'youtube.com', |'you tube.com', |applications[2].hostNames[0]: 'you tube.com': ' ' is not a letter",
        "'youtube.com', |'com', |applications[2].hostNames[0]: 'com' is a single label",
        "'youtube.com', |'*.you*tube.com', |applications[2].hostNames[0]: '*.you*tube.com': a wildcard is only",
        "'youtube.com', |'youtube.com', 'YOUTUBE.COM.', |applications[2].hostNames[1]: 'youtube.com' is already a host name of this application (YOUTUBE)",
        "'youtube.com', |'fbcdn.net', |applications[3].hostNames[1]: 'fbcdn.net' is already a host name of YOUTUBE (applications[2]) (FACEBOOK-ACCESS)",
        "'youtube.com', |7, |applications[2].hostNames[0]: must be a string, not 7 (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': ['tls']|applications[2].ndpiNames[0]: 'tls' already stands for SSL (applications[1]) (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': 'YouTube'|applications[2].ndpiNames: must be an array of strings (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': ['You Tube']|applications[2].ndpiNames[0]: 'You Tube' is not an nDPI protocol name",
        "'ndpiNames': ['YouTube']|'ndpiNames': ['YouTube'], 'hostname': 'x'|applications[2].hostname: unknown field (expected name, category, subCategory, risk, role, defaultServices, hostNames, addresses, ndpiNames)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'addresses': ['10.0.0.1/8']|applications[2].addresses[0]: '10.0.0.1/8': address bits beyond the prefix length are set (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'addresses': ['10.0.0.0/33']|applications[2].addresses[0]: '10.0.0.0/33': the prefix length must be 0..32 (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'addresses': ['2001:db8::/129']|applications[2].addresses[0]: '2001:db8::/129': the prefix length must be 0..128 (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'addresses': ['youtube.com']|applications[2].addresses[0]: 'youtube.com' is not an IPv4 or IPv6 prefix (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'addresses': ['1.2.3.256/32']|applications[2].addresses[0]: '1.2.3.256/32': 256 is not an IPv4 address byte (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'addresses': ['2001:db8::1::/64']|applications[2].addresses[0]: '2001:db8::1::/64' is not an IPv4 or IPv6 prefix (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'addresses': ['10.0.0.0/8', '10.0.0.0/8']|applications[2].addresses[1]: 10.0.0.0/8 is already an address of this application (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'addresses': '10.0.0.0/8'|applications[2].addresses: must be an array of strings (YOUTUBE)",
        "'role': 'nested-application'|'role': 'application'|applications[2].hostNames: host names name a nested application (role nested-application or both); this one is an application (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'defaultServices': ['tcp/0']|applications[2].defaultServices[0]: 'tcp/0': port 0 is not in 1..65535 (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'defaultServices': ['sctp/80']|applications[2].defaultServices[0]: 'sctp/80': the protocol is not tcp or udp (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'defaultServices': ['tcp/90-80']|applications[2].defaultServices[0]: 'tcp/90-80': the range ends before it starts (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'defaultServices': ['tcp/80', 'tcp/80']|applications[2].defaultServices[1]: tcp/80 is listed twice (YOUTUBE)",
        "'ndpiNames': ['YouTube']|'ndpiNames': [], 'defaultServices': ['http']|applications[2].defaultServices[0]: 'http' is not tcp/PORT, udp/PORT or PROTO/FIRST-LAST (YOUTUBE)",
        "'role': 'nested-application', 'hostNames': ['youtube.com', '*.GoogleVideo.com', 'youtube.*'],|'role': 'both', 'defaultServices': ['tcp/440-450'],|applications[2].defaultServices[0]: tcp/443 is already a default service of SSL (applications[1]); one application per port, or the port guess is ambiguous (YOUTUBE)",
    })
    void eachErrorNamesTheEntryAndTheField(String replaced, String replacement, String expected) {
        String entry = YOUTUBE.replace(replaced, replacement);
        assertTrue(!entry.equals(YOUTUBE), "the case does not change the entry: " + replaced);
        String error = onlyError(catalog("1", HTTP, SSL, entry, FACEBOOK));
        assertTrue(error.startsWith(expected), error + "\n  expected it to start with\n" + expected);
    }

    @Test
    void addressesLoadAsPrefixesAndAPrefixBelongsToOneApplication() throws CatalogException {
        String youtube = YOUTUBE.replace("'ndpiNames'", "'addresses': ['142.250.0.0/15', '2001:4860::/32'], 'ndpiNames'");
        CatalogDefinition d = load(catalog("1", HTTP, SSL, youtube));
        assertEquals("[142.250.0.0/15, 2001:4860::/32]", d.applications().get(2).addresses().toString());
        String facebook = FACEBOOK.replace("'ndpiNames'", "'addresses': ['142.250.0.0/15'], 'ndpiNames'");
        assertEquals("applications[3].addresses[0]: 142.250.0.0/15 is already an address of YOUTUBE (applications[2])"
                + " (FACEBOOK-ACCESS)", onlyError(catalog("1", HTTP, SSL, youtube, facebook)));
    }

    @Test
    void aDefaultPortOfANestedApplicationIsNoGuessAndMayRepeat() throws CatalogException {
        String youtube = YOUTUBE.replace("'ndpiNames'", "'defaultServices': ['tcp/443', 'tcp/80'], 'ndpiNames'");
        CatalogDefinition d = load(catalog("1", HTTP, SSL, youtube));
        assertEquals("[tcp/443, tcp/80]", d.applications().get(2).defaultServices().toString());
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        String badHttp = HTTP.replace("'low'", "'medium'").replace("'HTTP']", "'TLS']");
        String badYoutube = YOUTUBE.replace("'Multimedia'", "'Video'").replace("'youtube.com',", "'com',");
        List<String> errors = errors(catalog("1", badHttp, SSL, badYoutube));
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("applications[0].risk: 'medium'"), errors.toString());
        assertTrue(errors.get(1).startsWith("applications[1].ndpiNames[0]: 'TLS' already stands for HTTP"),
                errors.toString());
        assertTrue(errors.get(2).startsWith("applications[2].category: 'Video'"), errors.toString());
        assertTrue(errors.get(3).startsWith("applications[2].hostNames[0]: 'com' is a single label"), errors.toString());
    }

    @Test
    void theTopLevelIsChecked() {
        assertEquals("format: 2 is not a format this version reads (1)",
                onlyError(catalog("1", HTTP).replace("\"format\": 1", "\"format\": 2")));
        assertEquals("format: missing (this version reads format 1)",
                onlyError(catalog("1", HTTP).replace("\"format\": 1, ", "")));
        assertTrue(onlyError(catalog("", HTTP)).startsWith("version: must be a non-empty string"));
        assertTrue(onlyError(catalog("1\\u0007", HTTP)).startsWith("version: must be a non-empty string"));
        assertEquals("applications: must be a non-empty array", onlyError(catalog("1")));
        assertTrue(onlyError(catalog("1", HTTP).replace("{\"format\"", "{\"extra\": 1, \"format\""))
                .startsWith("extra: unknown field (expected format, version, categories, applications)"));
        assertTrue(errors(json("{'format': 1, 'version': '1', 'categories': {'web': []}, 'applications': [" + HTTP + "]}")).get(0)
                .startsWith("categories.web: 'web' is not a category name"), "lower case category");
        assertEquals("the file is not a JSON object", onlyError("[1, 2]"));
        assertEquals("applications[1]: not an object", onlyError(catalog("1", HTTP, "42")));
    }

    @Test
    void notJsonSaysWhere() {
        String error = onlyError("{\"format\": 1,\n  \"version\": ");
        assertTrue(error.startsWith("not valid JSON: "), error);
        assertTrue(error.contains("line 2"), error);
    }

    @Test
    void anythingAfterTheCatalogIsRefused() {
        String error = onlyError(catalog("1", HTTP) + "\n{\"format\": 1}");
        assertTrue(error.startsWith("not valid JSON: Trailing token"), error);
    }

    @Test
    void aKeyTwiceInOneObjectIsRefused() {
        String error = onlyError(catalog("1", HTTP.replace("'risk': 'low'", "'risk': 'low', 'risk': 'high'")));
        assertTrue(error.startsWith("not valid JSON: Duplicate field 'risk'"), error);
    }

    @Test
    void unknownIsIdZerosAndNothingElse() throws CatalogException {
        String unknown = "{'name': 'UNKNOWN', 'category': 'N/A', 'subCategory': 'N/A', 'risk': 'low', 'role': 'both',"
                + " 'ndpiNames': ['Unknown']}";
        assertEquals("UNKNOWN", load(catalog("1", unknown, HTTP)).applications().get(0).name());
        assertEquals("applications[0].category: UNKNOWN's category is N/A",
                onlyError(catalog("1", unknown.replace("'category': 'N/A'", "'category': 'Web'"), HTTP)));
        assertTrue(onlyError(catalog("1", unknown.replace("'ndpiNames'", "'hostNames': ['a.com'], 'ndpiNames'"), HTTP))
                .startsWith("applications[0].hostNames: host names name a nested application"));
        assertTrue(onlyError(catalog("1", HTTP.replace("'category': 'Web'", "'category': 'N/A'")))
                .startsWith("applications[0].category: 'N/A' is not one of the categories"));
    }

    @Test
    void anOversizedFileIsRefusedUnread() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
        CatalogException e = assertThrows(CatalogException.class, () -> loader.load(endless, "huge"));
        assertEquals(List.of("larger than 16 MiB"), e.errors());
    }

    @Test
    void theNdpiRuleIsTheReferencesRule() {
        assertEquals("SERVICE-LOCATION-PROTOCOL", NdpiNames.byRule("Service_Location_Protocol"));
        assertEquals("KAKAOTALK-VOICE", NdpiNames.byRule("KakaoTalk_Voice"));
        assertEquals("I3D", NdpiNames.byRule("i3D"));
        assertEquals("SOME-NAME", NdpiNames.byRule("Some Name"));
    }
}
