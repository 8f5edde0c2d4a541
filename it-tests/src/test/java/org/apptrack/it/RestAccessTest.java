package org.apptrack.it;

import static org.apptrack.it.AppTrackIt.API;
import static org.apptrack.it.AppTrackIt.http;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.apptrack.testsupport.pki.TestPki;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Who may use the REST API of the distribution, over real HTTP and HTTPS: nobody without
 * credentials (401), a user with role viewer reads but changes nothing (403), the administrator
 * (karaf) does both; unknown paths, unknown parameters and numbers out of range are refused; every
 * answer is JSON, the servlet container's own refusals included. HTTPS is configured with a key
 * store as the README says (Pax Web's org.ops4j.pax.web.ssl.* settings) and asks for the same.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestAccessTest {

    /** A user with role viewer only, added to the container's etc/users.properties. */
    private static final String VIEWER = "watcher:watcher-secret";
    private static final String HTTPS_PORT_PROPERTY = "apptrack.it.httpsPort";
    private static final String TRUST_STORE_PROPERTY = "apptrack.it.trustStore";

    @javax.inject.Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = new ArrayList<>();
        options.add(editConfigurationFilePut("etc/users.properties", "watcher", "watcher-secret,viewer"));
        if (TestPki.isOpensslInstalled()) {
            // Made here, outside the container; kept in target/ for the container to read.
            Path dir = Paths.get("target", "rest-access-pki").toAbsolutePath();
            TestPki pki = TestPki.create(dir, TestPki.DEFAULT_PASSWORD, false);
            int httpsPort = KarafDistribution.freePort();
            String cfg = "etc/org.ops4j.pax.web.cfg";
            options.add(editConfigurationFilePut(cfg, "org.osgi.service.http.secure.enabled", "true"));
            options.add(editConfigurationFilePut(cfg, "org.osgi.service.http.port.secure", Integer.toString(httpsPort)));
            options.add(editConfigurationFilePut(cfg, "org.ops4j.pax.web.ssl.keystore", pki.serverKeyStore().toString()));
            options.add(editConfigurationFilePut(cfg, "org.ops4j.pax.web.ssl.keystore.type", "PKCS12"));
            options.add(editConfigurationFilePut(cfg, "org.ops4j.pax.web.ssl.keystore.password", pki.password()));
            options.add(editConfigurationFilePut(cfg, "org.ops4j.pax.web.ssl.key.password", pki.password()));
            options.add(editConfigurationFilePut(cfg, "org.ops4j.pax.web.ssl.key.alias", "server"));
            options.add(systemProperty(HTTPS_PORT_PROPERTY).value(Integer.toString(httpsPort)));
            options.add(systemProperty(TRUST_STORE_PROPERTY).value(pki.trustStore().toString()));
        }
        return OptionUtils.combine(KarafDistribution.boot(KarafDistribution.freePort()), options.toArray(new Option[0]));
    }

    private static void assertJsonError(AppTrackIt.Reply r, int status) {
        assertEquals(r.toString(), status, r.status);
        assertEquals(r.toString(), status, r.json.path("code").asInt());
        assertTrue(r.toString(), !r.json.path("message").asText().isEmpty());
    }

    @Test
    public void withoutCredentialsEverythingIs401JsonWithABasicChallenge() throws Exception {
        for (String[] request : new String[][] {{"GET", API + "/counters"}, {"GET", API + "/sessions?limit=1"},
            {"DELETE", API + "/sessions"}, {"POST", API + "/log-streams/local/test"}, {"GET", API + "/no-such"},
            {"DELETE", API + "/sessions/1"}, {"PUT", API + "/zones"}, {"GET", API + "/appqoe/paths"},
            {"GET", API + "/appqoe/switches?limit=1"}}) {
            for (String credentials : new String[] {null, "karaf:wrong-password", "nobody:karaf"}) {
                AppTrackIt.Reply r = http(credentials, request[0], request[1]);
                assertJsonError(r, 401);
                assertTrue(r.toString(), r.authenticate != null
                        && r.authenticate.toLowerCase().startsWith("basic realm=\"karaf\""));
            }
        }
    }

    @Test
    public void aViewerReadsButChangesNothing() throws Exception {
        for (String path : new String[] {"/counters", "/zones", "/sessions", "/log-streams", "/log-streams/local"}) {
            AppTrackIt.Reply r = http(VIEWER, "GET", API + path);
            assertEquals(path + ": " + r, 200, r.status);
        }
        long cliClosed = AppTrackIt.get(API + "/counters").path("closedByReason").path("CLI").asLong();
        long sentBefore = AppTrackIt.get(API + "/log-streams/local").path("queued").asLong();
        assertJsonError(http(VIEWER, "DELETE", API + "/sessions"), 403);
        assertJsonError(http(VIEWER, "DELETE", API + "/sessions/1"), 403);
        assertJsonError(http(VIEWER, "POST", API + "/log-streams/local/test"), 403);
        assertJsonError(http(VIEWER, "PUT", API + "/sessions"), 403);
        assertEquals(cliClosed, AppTrackIt.get(API + "/counters").path("closedByReason").path("CLI").asLong());
        assertEquals(sentBefore, AppTrackIt.get(API + "/log-streams/local").path("queued").asLong());
    }

    @Test
    public void theAdministratorReadsAndChanges() throws Exception {
        assertEquals(200, http("GET", API + "/sessions").status);
        AppTrackIt.Reply cleared = http("DELETE", API + "/sessions");
        assertEquals(cleared.toString(), 200, cleared.status);
        assertEquals("CLI", cleared.json.path("reason").asText());
        AppTrackIt.Reply sent = http("POST", API + "/log-streams/local/test?message=admin");
        assertEquals(sent.toString(), 202, sent.status);
    }

    @Test
    public void unknownPathsParametersAndOutOfRangeNumbersAreRefusedInJson() throws Exception {
        for (String path : new String[] {API + "/no-such", API + "/sessions/1/packets", "/onos/apptrack/v2/sessions",
            "/onos/apptrack/", API + "/zones/trust"}) {
            AppTrackIt.Reply r = http("GET", path);
            assertJsonError(r, 404);
        }
        String[][] bad = {
            {"/counters?verbose=1", "verbose", "verbose: unknown parameter (this resource takes none)"},
            {"/sessions?protcol=tcp", "protcol",
                "protcol: unknown parameter (zone, application, address, port, protocol, limit, sort)"},
            {"/sessions?port=99999999999", "port", "port: out of range 0..65535: 99999999999"},
            {"/sessions?limit=99999999999999999999", "limit", "limit: out of range 1..1000000: 99999999999999999999"},
            {"/sessions/99999999999", "id", "id: out of range 0..4294967295: 99999999999"},
            {"/sessions?protocol=4294967296", "protocol", "protocol: out of range 0..255: 4294967296"},
            {"/sessions?port=80&port=443", "port", "port: given more than once"},
        };
        for (String[] b : bad) {
            AppTrackIt.Reply r = http("GET", API + b[0]);
            assertJsonError(r, 400);
            assertEquals(b[0], b[1], r.json.path("parameter").asText());
            assertEquals(b[0], b[2], r.json.path("message").asText());
        }
        AppTrackIt.Reply deleteWithLimit = http("DELETE", API + "/sessions?limit=5");
        assertJsonError(deleteWithLimit, 400);
        assertEquals("limit", deleteWithLimit.json.path("parameter").asText());
        assertJsonError(http("PUT", API + "/counters"), 405);
    }

    /** A service that is not running is a 503 in JSON, and the API answers again once it is back. */
    @Test
    public void aStoppedServiceIs503Json() throws Exception {
        Bundle syslog = bundle("org.apptrack.syslog");
        syslog.stop();
        try {
            AppTrackIt.Reply r = http("GET", API + "/log-streams");
            assertJsonError(r, 503);
            assertTrue(r.toString(), r.json.path("message").asText().contains("SecurityLogService"));
        } finally {
            syslog.start();
        }
        long deadline = System.nanoTime() + AppTrackIt.WAIT.toNanos();
        while (http("GET", API + "/log-streams").status != 200 || http("GET", API + "/counters").status != 200) {
            assertTrue("the API answers again after the bundle started", System.nanoTime() < deadline);
            Thread.sleep(100);
        }
    }

    @Test
    public void httpsWithTheConfiguredKeyStoreAsksForTheSameCredentials() throws Exception {
        String port = System.getProperty(HTTPS_PORT_PROPERTY);
        Prerequisite.require("openssl (the test makes the server's key store with it)", port != null);
        SSLContext tls = trusting(Paths.get(System.getProperty(TRUST_STORE_PROPERTY)));
        String base = "https://127.0.0.1:" + port;

        AppTrackIt.Reply anonymous = AppTrackIt.exchange(new URL(base + API + "/counters"), tls, null, "GET");
        assertJsonError(anonymous, 401);
        AppTrackIt.Reply read = AppTrackIt.exchange(new URL(base + API + "/counters"), tls, VIEWER, "GET");
        assertEquals(read.toString(), 200, read.status);
        assertTrue(read.toString(), read.json.has("activeSessions"));
        assertJsonError(AppTrackIt.exchange(new URL(base + API + "/sessions"), tls, VIEWER, "DELETE"), 403);
        AppTrackIt.Reply cleared = AppTrackIt.exchange(new URL(base + API + "/sessions"), tls, AppTrackIt.ADMIN,
                "DELETE");
        assertEquals(cleared.toString(), 200, cleared.status);

        // The server presents the configured certificate: a client trusting only the JDK's CAs refuses it.
        TrustManagerFactory jdkCas = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdkCas.init((KeyStore) null);
        SSLContext otherCa = SSLContext.getInstance("TLS");
        otherCa.init(null, jdkCas.getTrustManagers(), null);
        try {
            AppTrackIt.exchange(new URL(base + API + "/counters"), otherCa, AppTrackIt.ADMIN, "GET");
            throw new AssertionError("a client without the test CA accepted the server's certificate");
        } catch (SSLHandshakeException expected) {
            // the certificate comes from the test's key store, signed by the test CA only
        }
    }

    /** A client context trusting the test CA (the PKCS12 trust store TestPki wrote outside the container). */
    private static SSLContext trusting(Path trustStore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            ks.load(in, TestPki.DEFAULT_PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
