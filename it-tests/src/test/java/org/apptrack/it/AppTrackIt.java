package org.apptrack.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Host;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What the AppTrack in-container tests share: HTTP against the container's REST API, the
 * AppTrack configuration through ConfigAdmin, the commands' output as numbers, and capture files
 * (time-shifted with editcap, counted with tshark).
 */
final class AppTrackIt {

    static final String PID = "org.apptrack.apptrack";
    static final String SERVICE = "org.apptrack.apptrack.api.AppTrackService";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AppTrackIt() {
    }

    /** One of the nDPI developer captures of the shared test data (which may be absent). */
    static Path ndpiCapture(String name) {
        return TestData.path("ndpi", "pcap", name);
    }

    static boolean wiresharkToolsInstalled() {
        return Host.hasCommand("tshark") && Host.hasCommand("editcap");
    }

    // ------------------------------------------------------------------ HTTP

    /** One HTTP exchange: its status and its JSON body. */
    static final class Reply {
        final int status;
        final JsonNode json;
        /** The BASIC challenge of a 401, else null. */
        final String authenticate;

        Reply(int status, JsonNode json, String authenticate) {
            this.status = status;
            this.json = json;
            this.authenticate = authenticate;
        }

        @Override
        public String toString() {
            return status + " " + json;
        }
    }

    /** Where the REST API is. */
    static final String API = "/onos/apptrack/v1";
    /** The distribution's administrator (etc/users.properties): roles admin and viewer, among others. */
    static final String ADMIN = "karaf:karaf";

    /** As {@link #http(String, String, String)} as the administrator. */
    static Reply http(String method, String pathAndQuery) throws Exception {
        return http(ADMIN, method, pathAndQuery);
    }

    /**
     * A request on the container's HTTP port with BASIC credentials {@code user:password} (null:
     * none); waits (Pax Web's own 404 page, connection refused) until the REST API is deployed.
     */
    static Reply http(String credentials, String method, String pathAndQuery) throws Exception {
        int port = Integer.parseInt(System.getProperty(KarafDistribution.HTTP_PORT_PROPERTY));
        return exchange(new URL("http://127.0.0.1:" + port + pathAndQuery), null, credentials, method);
    }

    /** One request to {@code url} (https when {@code tls} is given), retried until the answer is JSON. */
    static Reply exchange(URL url, SSLContext tls, String credentials, String method) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpURLConnection c = (HttpURLConnection) url.openConnection();
            if (tls != null) {
                ((HttpsURLConnection) c).setSSLSocketFactory(tls.getSocketFactory());
            }
            c.setRequestMethod(method);
            if (credentials != null) {
                c.setRequestProperty("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            try {
                if (method.equals("POST") || method.equals("PUT")) {
                    c.setDoOutput(true);
                    c.getOutputStream().close(); // an empty body, with Content-Length: 0
                }
                int code = c.getResponseCode();
                InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream();
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                String type = Objects.toString(c.getContentType(), "");
                // Until the web application is deployed, Pax Web answers 404 with its own (non-JSON) page.
                if (type.startsWith("application/json")) {
                    return new Reply(code, MAPPER.readTree(body), c.getHeaderField("WWW-Authenticate"));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(method + " " + url + " answered " + code + " " + type + ": "
                            + new String(body, StandardCharsets.UTF_8));
                }
            } catch (SSLException e) {
                throw e; // the server is up; its certificate or protocol is the answer
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            } finally {
                c.disconnect();
            }
            Thread.sleep(100);
        }
    }

    static JsonNode get(String pathAndQuery) throws Exception {
        Reply r = http("GET", pathAndQuery);
        if (r.status != 200) {
            throw new AssertionError("GET " + pathAndQuery + ": " + r);
        }
        return r.json;
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Changes some AppTrack properties (the others stay as they are, from etc/org.apptrack.apptrack.cfg)
     * and waits until the component has been given them (its service properties show them), so
     * that AppTrack has applied, or refused, the change.
     */
    static void configure(ConfigurationAdmin configAdmin, BundleContext context, Map<String, String> changes)
            throws Exception {
        org.osgi.service.cm.Configuration config = configAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> props = config.getProperties();
        Hashtable<String, Object> next = new Hashtable<>();
        if (props != null) {
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                next.put(k, props.get(k));
            }
        }
        next.putAll(changes);
        config.update(next);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!changes.entrySet().stream().allMatch(e -> e.getValue().equals(serviceProperty(context, e.getKey())))) {
            if (System.nanoTime() > deadline) {
                Dictionary<String, Object> now = configAdmin.getConfiguration(PID, "?").getProperties();
                StringBuilder seen = new StringBuilder();
                for (String key : changes.keySet()) {
                    seen.append(' ').append(key).append(": service ").append(serviceProperty(context, key))
                            .append(", ConfigAdmin ").append(now == null ? null : now.get(key)).append(';');
                }
                throw new AssertionError("AppTrack was not given " + changes + " within " + WAIT + ":" + seen);
            }
            Thread.sleep(50);
        }
        Thread.sleep(200); // the modified() call that preceded the new service properties has returned
    }

    private static String serviceProperty(BundleContext context, String key) {
        ServiceReference<?> ref = context.getServiceReference(SERVICE);
        Object v = ref == null ? null : ref.getProperty(key);
        return v == null ? null : v.toString();
    }

    /**
     * Creates security-log stream {@code name} sending over TCP to 127.0.0.1:{@code port} (a test's
     * rsyslog) and waits until it is UP; the caller deletes the returned configuration.
     */
    static org.osgi.service.cm.Configuration tcpStream(ConfigurationAdmin configAdmin, SecurityLogService securityLog,
                                                       String name, int port) throws Exception {
        org.osgi.service.cm.Configuration stream = configAdmin.getFactoryConfiguration(
                "org.apptrack.syslog.stream", name, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("transport", "tcp");
        props.put("host", "127.0.0.1");
        props.put("port", Integer.toString(port));
        stream.update(props);
        awaitStreamUp(securityLog, name);
        return stream;
    }

    /**
     * tshark's per-connection counts of a TCP capture with one server port: per client port,
     * packets and IP bytes (IPv4 total length, IPv6 40 + payload length) from the client, then
     * from the server.
     */
    static Map<String, long[]> tsharkTcpCounts(Path capture, int serverPort) throws Exception {
        Map<String, long[]> counts = new java.util.HashMap<>();
        for (String line : run("tshark", "-r", capture.toString(), "-T", "fields", "-E", "separator=,",
                "-e", "tcp.srcport", "-e", "tcp.dstport", "-e", "ip.len", "-e", "ipv6.plen").split("\n")) {
            if (line.isBlank() || !Character.isDigit(line.charAt(0))) {
                continue;
            }
            String[] f = line.split(",", -1);
            long l3 = !f[2].isEmpty() ? Long.parseLong(f[2]) : 40 + Long.parseLong(f[3]);
            boolean fromClient = f[1].equals(Integer.toString(serverPort));
            long[] c = counts.computeIfAbsent(fromClient ? f[0] : f[1], k -> new long[4]);
            c[fromClient ? 0 : 2]++;
            c[fromClient ? 1 : 3] += l3;
        }
        return counts;
    }

    /** Waits until the capture service has a live source in {@code state}, and returns it. */
    static org.apptrack.capture.api.CaptureSourceStatus awaitLiveSource(
            org.apptrack.capture.api.CaptureService captureService,
            org.apptrack.capture.api.CaptureSourceStatus.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (org.apptrack.capture.api.CaptureSourceStatus s : captureService.sources()) {
                if (s.kind().equals("live") && s.state() == state) {
                    return s;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("live source never " + state + ": " + captureService.sources().stream()
                .map(s -> s.name() + " " + s.state() + " " + s.error()).collect(java.util.stream.Collectors.toList()));
    }

    /** Waits until the security-log stream {@code name} is UP. */
    static void awaitStreamUp(SecurityLogService securityLog, String name) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (securityLog.stream(name).map(s -> s.state() != LogStreamState.UP).orElse(true)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stream " + name + " not up: " + securityLog.streams());
            }
            Thread.sleep(20);
        }
    }

    /** The lines of karaf.log that contain {@code text}. */
    static List<String> karafLogLines(String text) throws IOException {
        String dir = System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(dir, "karaf.log"), StandardCharsets.UTF_8)) {
            if (line.contains(text)) {
                out.add(line);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ commands' output

    private static final Pattern COUNTER_ROW = Pattern.compile("^\\s*(.*?)\\s+(-?[\\d,]+)\\s*$");

    /** The rows of {@code apptrack:counters}: name (trimmed) -> value. */
    static Map<String, Long> commandCounters(String output) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            Matcher m = COUNTER_ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
            }
        }
        return rows;
    }

    /** The session ids of an {@code apptrack:sessions} table. */
    static Set<Long> commandSessionIds(String output) {
        Set<Long> ids = new HashSet<>();
        for (String line : output.split("\\R")) {
            String first = line.split("\\|", 2)[0].trim();
            if (line.contains("|") && first.matches("\\d+")) {
                ids.add(Long.parseLong(first));
            }
        }
        return ids;
    }

    /** The "N session(s) shown" of an {@code apptrack:sessions} table. */
    static int commandSessionsShown(String output) {
        Matcher m = Pattern.compile("(\\d+) session\\(s\\) shown").matcher(output);
        if (!m.find()) {
            throw new AssertionError("no session count in: " + output);
        }
        return Integer.parseInt(m.group(1));
    }

    // ------------------------------------------------------------------ capture files

    /**
     * A copy of the capture whose first packet is an hour from now. After a replay the packet
     * clock goes back to wall time, and AppTrack's time never goes backwards: with the capture's
     * own (years old) timestamps the ticker would age every session out within a second, in the
     * future they stay until the test has looked at them.
     */
    static Path shiftedToTheFuture(Path capture, Path dir) throws Exception {
        String first = run("tshark", "-r", capture.toString(), "-c", "1", "-T", "fields", "-e", "frame.time_epoch")
                .lines().filter(l -> !l.isBlank() && Character.isDigit(l.charAt(0))).findFirst().orElseThrow();
        long shift = Instant.now().getEpochSecond() + 3600 - new BigDecimal(first.trim()).longValue();
        Path out = dir.resolve("shifted-" + capture.getFileName());
        run("editcap", "-t", Long.toString(shift), capture.toString(), out.toString());
        return out;
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
