package org.apptrack.syslog.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apptrack.syslog.format.LogFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStreamSettingsTest {

    @TempDir
    Path dir;

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String rejectedField(Map<String, Object> p) {
        return assertThrows(InvalidStreamConfigException.class, () -> LogStreamSettings.parse(p, "s")).field();
    }

    @Test
    void defaultsAreUdpSdSyslogOnPort514() throws Exception {
        LogStreamSettings s = LogStreamSettings.parse(props("host", "127.0.0.1"), "siem");
        assertEquals("siem", s.name());
        assertEquals(TransportKind.UDP, s.transport());
        assertEquals(LogFormat.SD_SYSLOG, s.format().format());
        assertEquals(514, s.remote().getPort());
        assertEquals("junos@2636.1.1.1.2.129", s.format().sdId());
        assertEquals(Framing.OCTET_COUNTING, s.framing());
        assertEquals("127.0.0.1:514", s.destination());
    }

    /** A PKCS12 trust store holding one CA certificate (taken from the JDK's own trust store). */
    private Path trustStore(String password) throws Exception {
        java.security.KeyStore cacerts = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
            cacerts.load(in, "changeit".toCharArray());
        }
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", cacerts.getCertificate(cacerts.aliases().nextElement()));
        Path trust = dir.resolve("trust.p12");
        try (var out = Files.newOutputStream(trust)) {
            ks.store(out, password.toCharArray());
        }
        return trust;
    }

    @Test
    void tlsDefaultsToPort6514AndLoadsItsTrustStore() throws Exception {
        Path trust = trustStore("pw");
        LogStreamSettings s = LogStreamSettings.parse(props("transport", "tls", "host", "localhost",
                "tlsTrustStore", trust.toString(), "tlsTrustStorePassword", "pw"), "s");
        assertEquals(6514, s.remote().getPort());
        assertTrue(s.tls().verifyHostname());
        assertEquals(1, s.tls().trustStore().size());
        assertEquals(null, s.tls().keyStore());
        assertEquals("tlsTrustStore", rejectedField(props("transport", "tls", "host", "localhost",
                "tlsTrustStore", trust.toString(), "tlsTrustStorePassword", "wrong")));
        assertEquals("tlsKeyStore", rejectedField(props("transport", "tls", "host", "localhost",
                "tlsTrustStore", trust.toString(), "tlsTrustStorePassword", "pw", "tlsKeyStore", "/nonexistent.p12")));
        assertEquals("tlsVerifyHostname", rejectedField(props("transport", "tls", "host", "localhost",
                "tlsTrustStore", trust.toString(), "tlsTrustStorePassword", "pw", "tlsVerifyHostname", "maybe")));
    }

    @Test
    void eachInvalidPropertyIsNamed() {
        assertEquals("transport", rejectedField(props("transport", "sctp", "host", "127.0.0.1")));
        assertEquals("format", rejectedField(props("format", "cef", "host", "127.0.0.1")));
        assertEquals("port", rejectedField(props("host", "127.0.0.1", "port", "70000")));
        assertEquals("port", rejectedField(props("host", "127.0.0.1", "port", "-1")));
        assertEquals("port", rejectedField(props("host", "127.0.0.1", "port", "http")));
        assertEquals("host", rejectedField(props("transport", "tcp")));
        assertEquals("host", rejectedField(props("host", "no-such-host.invalid")));
        assertEquals("tlsTrustStore", rejectedField(props("transport", "tls", "host", "127.0.0.1")));
        assertEquals("tlsTrustStore", rejectedField(props("transport", "tls", "host", "127.0.0.1",
                "tlsTrustStore", dir.resolve("missing.p12").toString())));
        assertEquals("framing", rejectedField(props("transport", "tcp", "host", "127.0.0.1", "framing", "lf")));
        assertEquals("sdId", rejectedField(props("host", "127.0.0.1", "sdId", "bad id")));
        assertEquals("hostname", rejectedField(props("host", "127.0.0.1", "hostname", "two words")));
        assertEquals("facility", rejectedField(props("host", "127.0.0.1", "facility", "24")));
        assertEquals("timeZone", rejectedField(props("host", "127.0.0.1", "timeZone", "Mars/Olympus")));
        assertEquals("timestampPrecision", rejectedField(props("host", "127.0.0.1", "timestampPrecision", "ns")));
        assertEquals("queueCapacity", rejectedField(props("host", "127.0.0.1", "queueCapacity", "0")));
        assertEquals("sourceAddress", rejectedField(props("host", "127.0.0.1", "sourceAddress", "192.0.2.77")));
        assertEquals("filePath", rejectedField(props("transport", "file")));
        assertEquals("name", rejectedField(props("host", "127.0.0.1", "name", "has space")));
    }

    @Test
    void rateLimitIsOffByDefaultAndAcceptsZeroToAMillion() throws Exception {
        LogStreamSettings defaults = LogStreamSettings.parse(props("host", "127.0.0.1"), "s");
        assertEquals(0, defaults.rateLimit());
        assertEquals(60, defaults.rateLimitSummarySeconds());
        for (int rate : new int[] {0, 1, 50, LogStreamSettings.MAX_RATE_LIMIT}) {
            assertEquals(rate, LogStreamSettings.parse(props("host", "127.0.0.1", "rateLimit", Integer.toString(rate)),
                    "s").rateLimit());
        }
        assertEquals(7, LogStreamSettings.parse(props("host", "127.0.0.1", "rateLimit", 7), "s").rateLimit());
        assertEquals(1, LogStreamSettings.parse(props("host", "127.0.0.1", "rateLimitSummarySeconds", "1"), "s")
                .rateLimitSummarySeconds());
    }

    @Test
    void rateLimitOutsideItsRangeIsRejectedNamingIt() {
        assertEquals("rateLimit: out of range 0..1000000: 1000001", rejection(props("host", "127.0.0.1",
                "rateLimit", "1000001")));
        assertEquals("rateLimit: out of range 0..1000000: -1", rejection(props("host", "127.0.0.1",
                "rateLimit", "-1")));
        assertEquals("rateLimit: not a number: fast", rejection(props("host", "127.0.0.1", "rateLimit", "fast")));
        assertEquals("rateLimit: not a number: 50/s", rejection(props("host", "127.0.0.1", "rateLimit", "50/s")));
        assertEquals("rateLimitSummarySeconds", rejectedField(props("host", "127.0.0.1",
                "rateLimitSummarySeconds", "0")));
        assertEquals("rateLimitSummarySeconds", rejectedField(props("host", "127.0.0.1",
                "rateLimitSummarySeconds", "3601")));
    }

    private static String rejection(Map<String, Object> p) {
        return assertThrows(InvalidStreamConfigException.class, () -> LogStreamSettings.parse(p, "s")).getMessage();
    }

    @Test
    void fileTransportNeedsOnlyAPath() throws Exception {
        LogStreamSettings s = LogStreamSettings.parse(props("transport", "file", "filePath",
                dir.resolve("a/b.log").toString(), "fileMaxBytes", "65536", "fileMaxFiles", "2"), "local");
        assertEquals(dir.resolve("a/b.log"), s.filePath());
        assertEquals(65536, s.fileMaxBytes());
        assertEquals(2, s.fileMaxFiles());
    }
}
