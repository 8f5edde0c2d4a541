package org.apptrack.testsupport.netns;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;

/**
 * The command line of {@code scripts/netns-traffic.sh}: a {@link NetnsBench} set up by name and
 * kept between calls, client traffic from side B to servers on side A, and UDP load. The script's
 * header is the usage text (printed for {@code --help}, read from the file the system property
 * {@value #USAGE_PROPERTY} names). Servers and senders are small python3 programs, as a test's
 * traffic would be from a real host.
 */
public final class NetnsTraffic {

    /** The file whose header comment is the usage text (the script). */
    public static final String USAGE_PROPERTY = "netns-traffic.usage";

    /** The settings, each an environment variable and an option ({@code NS_A}: {@code --ns-a}). */
    private static final List<String> VARIABLES = List.of("NS_A", "NS_B", "VETH_A", "VETH_B", "V4_A", "V4_B", "V6_A",
            "V6_B", "HTTP_PORT", "DNS_PORT", "CLOSED_PORT");
    private static final int LOAD_PORT = 9999;
    private static final Duration STEP = Duration.ofSeconds(60);

    /** Answers every query with NXDOMAIN (QR, RA, rcode 3), echoing the question; IPv4 and IPv6. */
    private static final String DNS_RESPONDER = String.join("\n",
            "import selectors, socket, sys",
            "v4, v6, port = sys.argv[1], sys.argv[2], int(sys.argv[3])",
            "sel = selectors.DefaultSelector()",
            "for family, addr in ((socket.AF_INET, v4), (socket.AF_INET6, v6)):",
            "    s = socket.socket(family, socket.SOCK_DGRAM)",
            "    s.bind((addr, port))",
            "    sel.register(s, selectors.EVENT_READ)",
            "while True:",
            "    for key, _ in sel.select():",
            "        data, peer = key.fileobj.recvfrom(2048)",
            "        if len(data) >= 12:",
            "            key.fileobj.sendto(data[:2] + b'\\x81\\x83' + data[4:6] + b'\\0\\0\\0\\0\\0\\0' + data[12:], peer)",
            "");

    /** A bound socket that never reads: datagrams are dropped once its buffer is full, no ICMP goes back. */
    private static final String SINK = String.join("\n",
            "import socket, sys, time",
            "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
            "s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)",
            "s.bind((sys.argv[1], int(sys.argv[2])))",
            "time.sleep(float(sys.argv[3]))");

    /** Sends UDP as fast as possible (or paced in 1 ms slots) and prints "SENT ELAPSED". */
    private static final String SENDER = String.join("\n",
            "import socket, sys, time",
            "dst, port, seconds, rate, size = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]),"
                    + " int(sys.argv[5])",
            "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
            "s.connect((dst, port))",
            "send = s.send",
            "payload = b'\\x5a' * size",
            "sent = 0",
            "start = time.monotonic()",
            "end = start + seconds",
            "batch = 256",
            "if rate <= 0:",
            "    while True:",
            "        for _ in range(batch):",
            "            try:",
            "                send(payload)",
            "                sent += 1",
            "            except OSError:  # ENOBUFS when the queue is full: retry",
            "                pass",
            "        if time.monotonic() >= end:",
            "            break",
            "else:",
            "    per_slot = max(1, rate // 1000)",
            "    slot = per_slot / rate",
            "    next_t = start",
            "    while True:",
            "        now = time.monotonic()",
            "        if now >= end:",
            "            break",
            "        if now < next_t:",
            "            time.sleep(min(next_t - now, 0.001))",
            "            continue",
            "        for _ in range(per_slot):",
            "            try:",
            "                send(payload)",
            "                sent += 1",
            "            except OSError:",
            "                pass",
            "        next_t += slot",
            "elapsed = time.monotonic() - start",
            "print(sent, f'{elapsed:.3f}')",
            "");

    private static final String DNS_QUERY =
            "\\x12\\x34\\x01\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x07example\\x03com\\x00\\x00\\x01\\x00\\x01";

    private final NetnsSettings settings;
    private final Side a;
    private final Side b;
    private final int httpPort;
    private final int dnsPort;
    private final int closedPort;
    /** Servers started for the current traffic item or load run, ended after it. */
    private final List<Process> background = new ArrayList<>();

    private NetnsTraffic(NetnsSettings settings, int httpPort, int dnsPort, int closedPort) {
        this.settings = settings;
        this.a = new Side(settings.namespaceA(), settings.vethA(), settings.v4A(), settings.v6A());
        this.b = new Side(settings.namespaceB(), settings.vethB(), settings.v4B(), settings.v6B());
        this.httpPort = httpPort;
        this.dnsPort = dnsPort;
        this.closedPort = closedPort;
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = run(new ArrayList<>(Arrays.asList(args)));
        } catch (Failure e) {
            log(e.getMessage());
            exit = 1;
        } catch (IOException e) {
            log(e.toString());
            exit = 1;
        }
        System.out.flush();
        System.exit(exit);
    }

    private static int run(List<String> args) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String variable : VARIABLES) {
            String v = System.getenv(variable);
            if (v != null && !v.isEmpty()) {
                values.put(variable, v);
            }
        }
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String option = args.remove(0);
            if (option.equals("--")) {
                break;
            }
            if (option.equals("-h") || option.equals("--help")) {
                usage();
                return 0;
            }
            String variable = option.substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
            if (!option.startsWith("--") || !VARIABLES.contains(variable)) {
                throw new Failure("unknown option " + option + " (see --help)");
            }
            if (args.isEmpty()) {
                throw new Failure(option + " needs a value");
            }
            values.put(variable, args.remove(0));
        }
        if (args.isEmpty()) {
            usage();
            return 2;
        }
        String command = args.remove(0);
        NetnsSettings s = NetnsSettings.defaults();
        s.namespaceA(values.getOrDefault("NS_A", s.namespaceA() == null ? NetnsSettings.ROOT : s.namespaceA()));
        s.namespaceB(values.getOrDefault("NS_B", s.namespaceB()));
        s.veths(values.getOrDefault("VETH_A", s.vethA()), values.getOrDefault("VETH_B", s.vethB()));
        s.v4(values.getOrDefault("V4_A", s.v4A()), values.getOrDefault("V4_B", s.v4B()));
        s.v6(values.getOrDefault("V6_A", s.v6A()), values.getOrDefault("V6_B", s.v6B()));
        int dnsDefault = s.namespaceA() == null ? 5353 : 53;
        NetnsTraffic t = new NetnsTraffic(s, number(values.getOrDefault("HTTP_PORT", "8080")),
                number(values.getOrDefault("DNS_PORT", Integer.toString(dnsDefault))),
                number(values.getOrDefault("CLOSED_PORT", "9")));
        try {
            switch (command) {
                case "setup":
                    t.setup();
                    return 0;
                case "teardown":
                    t.teardown();
                    return 0;
                case "traffic":
                    t.traffic(args);
                    return 0;
                case "load":
                    t.load(args);
                    return 0;
                case "exec":
                    return t.exec(args);
                case "env":
                    t.env();
                    return 0;
                case "status":
                    t.status();
                    return 0;
                case "help":
                    usage();
                    return 0;
                default:
                    throw new Failure("unknown command " + command + " (see --help)");
            }
        } finally {
            t.stopBackground();
        }
    }

    // ------------------------------------------------------------------ commands

    private void setup() throws IOException {
        requireRoot();
        requireTool("ip");
        if (Commands.run(STEP, "ip", "link", "show", a.iface()).exit() == 0) {
            throw new Failure(a.iface() + " exists: run teardown first");
        }
        List<String> existing = NetnsBench.existingNamespaces(settings);
        if (!existing.isEmpty()) {
            throw new Failure("namespace " + String.join(", ", existing) + " exists: run teardown first");
        }
        NetnsBench.createToKeep(settings);
        log("A: " + name(a) + " " + a.iface() + " " + a.v4() + "/24 " + a.v6() + "/64  <->  B: " + name(b) + " "
                + b.iface() + " " + b.v4() + "/24 " + b.v6() + "/64");
    }

    private void teardown() throws IOException {
        requireRoot();
        NetnsBench.teardown(settings);
        log("removed " + a.iface() + "/" + b.iface() + " and namespace(s) " + b.namespace()
                + (a.isRoot() ? "" : " " + a.namespace()));
    }

    private void status() throws IOException {
        System.out.println("side A (" + name(a) + "):");
        System.out.print(Commands.run(STEP, a.ip("-br", "addr", "show", "dev", a.iface())).output());
        System.out.println("side B (" + name(b) + "):");
        System.out.print(Commands.run(STEP, b.ip("-br", "addr", "show", "dev", b.iface())).output());
    }

    private void env() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("NS_A", name(a));
        v.put("NS_B", b.namespace());
        v.put("VETH_A", a.iface());
        v.put("VETH_B", b.iface());
        v.put("V4_A", a.v4());
        v.put("V4_B", b.v4());
        v.put("V6_A", a.v6());
        v.put("V6_B", b.v6());
        v.put("HTTP_PORT", Integer.toString(httpPort));
        v.put("DNS_PORT", Integer.toString(dnsPort));
        v.put("CLOSED_PORT", Integer.toString(closedPort));
        v.forEach((name, value) -> System.out.println(name + "=" + shellQuoted(value)));
    }

    private int exec(List<String> args) throws IOException {
        if (args.isEmpty() || !List.of("a", "A", "b", "B").contains(args.get(0))) {
            throw new Failure("exec needs a or b");
        }
        Side side = args.get(0).equalsIgnoreCase("a") ? a : b;
        List<String> command = side.command(args.subList(1, args.size()).toArray(new String[0]));
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private void traffic(List<String> items) throws IOException {
        requireRoot();
        requireSetup();
        requireTool("ping");
        List<String> list = items.isEmpty() ? List.of("all") : items;
        Map<String, TrafficItem> known = new LinkedHashMap<>();
        known.put("ping", NetnsTraffic::ping);
        known.put("ping6", NetnsTraffic::ping6);
        known.put("http", NetnsTraffic::http);
        known.put("dns", NetnsTraffic::dns);
        known.put("refused", NetnsTraffic::refused);
        known.put("udp", NetnsTraffic::udp);
        for (String item : list) {
            if (item.equals("all")) {
                for (TrafficItem each : known.values()) {
                    each.send(this);
                    stopBackground();
                }
                continue;
            }
            TrafficItem each = known.get(item);
            if (each == null) {
                throw new Failure("unknown traffic item '" + item + "' (ping ping6 http dns refused udp all)");
            }
            each.send(this);
            stopBackground();
        }
    }

    private void load(List<String> args) throws IOException {
        requireRoot();
        requireSetup();
        requireTool("python3");
        if (args.isEmpty()) {
            throw new Failure("load needs SECONDS");
        }
        String seconds = args.get(0);
        int rate = 0;
        int size = 18;
        int senders = 1;
        int port = LOAD_PORT;
        for (int i = 1; i < args.size(); i += 2) {
            String option = args.get(i);
            int value = number(i + 1 < args.size() ? args.get(i + 1) : "");
            switch (option) {
                case "--rate":
                    rate = value;
                    break;
                case "--size":
                    size = value;
                    break;
                case "--senders":
                    senders = value;
                    break;
                case "--port":
                    port = value;
                    break;
                default:
                    throw new Failure("unknown load option " + option);
            }
        }
        double duration = Double.parseDouble(seconds);
        startSink(port, (long) duration + 5);
        // ARP once, so the blast does not start with queued packets
        b.run(STEP, "ping", "-4", "-c", "1", "-W", "1", "-q", a.v4());
        List<Process> blasts = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            blasts.add(python(b, SENDER, a.v4(), Integer.toString(port), seconds, Integer.toString(rate / senders),
                    Integer.toString(size)));
        }
        long total = 0;
        String elapsed = "0";
        for (Process p : blasts) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            await(p);
            if (p.exitValue() != 0 || !out.matches("\\d+ [0-9.]+")) {
                throw new Failure("a sender failed (exit " + p.exitValue() + "): " + out);
            }
            String[] f = out.split(" ");
            total += Long.parseLong(f[0]);
            elapsed = f[1];
        }
        System.out.println("load: sent " + total + " packets in " + elapsed + " s = "
                + Math.round(total / Double.parseDouble(elapsed)) + " pps (UDP payload " + size + " bytes, frame "
                + (size + 42) + " bytes, " + senders + " sender(s), " + b.v4() + " -> " + a.v4() + ":" + port + ")");
    }

    // ------------------------------------------------------------------ traffic items

    /** One item of {@code traffic}. */
    private interface TrafficItem {
        void send(NetnsTraffic t) throws IOException;
    }

    private static void ping(NetnsTraffic t) throws IOException {
        t.mustOn(t.b, "ping", "-4", "-c", "5", "-i", "0.05", "-q", t.a.v4());
        log("ping: 5 echo to " + t.a.v4());
    }

    private static void ping6(NetnsTraffic t) throws IOException {
        t.mustOn(t.b, "ping", "-6", "-c", "3", "-i", "0.05", "-q", t.a.v6());
        log("ping6: 3 echo to " + t.a.v6());
    }

    private static void http(NetnsTraffic t) throws IOException {
        requireTool("python3");
        Path dir = Files.createTempDirectory("netns-traffic-http");
        Files.writeString(dir.resolve("index.html"), "hello from netns-traffic side A\n");
        t.background(t.a, "python3", "-m", "http.server", Integer.toString(t.httpPort), "--bind", t.a.v4(),
                "--directory", dir.toString());
        t.awaitTcp(t.a, t.a.v4(), t.httpPort);
        if (Host.hasCommand("curl")) {
            t.mustOn(t.b, "curl", "-sS", "-o", "/dev/null", "--max-time", "5",
                    "http://" + t.a.v4() + ":" + t.httpPort + "/");
        } else {
            t.mustOn(t.b, "bash", "-c", "exec 3<>/dev/tcp/" + t.a.v4() + "/" + t.httpPort
                    + "; printf 'GET / HTTP/1.0\\r\\nHost: a\\r\\n\\r\\n' >&3; cat <&3 >/dev/null");
        }
        log("http: GET http://" + t.a.v4() + ":" + t.httpPort + "/");
    }

    private static void dns(NetnsTraffic t) throws IOException {
        requireTool("python3");
        t.backgroundProcess(python(t.a, DNS_RESPONDER, t.a.v4(), t.a.v6(), Integer.toString(t.dnsPort)));
        t.awaitUdpBound(t.a, t.dnsPort);
        if (Host.hasCommand("dig")) {
            t.b.run(STEP, "dig", "+tries=1", "+time=2", "-p", Integer.toString(t.dnsPort), "@" + t.a.v4(),
                    "example.com", "A");
            t.b.run(STEP, "dig", "+tries=1", "+time=2", "-p", Integer.toString(t.dnsPort), "@" + t.a.v6(),
                    "example.com", "AAAA");
            log("dns: dig example.com via " + t.a.v4() + " and " + t.a.v6() + " port " + t.dnsPort);
        } else {
            t.mustOn(t.b, "bash", "-c", "printf '" + DNS_QUERY + "' > /dev/udp/" + t.a.v4() + "/" + t.dnsPort
                    + "; printf '" + DNS_QUERY + "' > /dev/udp/" + t.a.v6() + "/" + t.dnsPort);
            Commands.sleep(200);
            log("dns: dig not installed, sent raw queries with bash /dev/udp to " + t.a.v4() + " and " + t.a.v6()
                    + " port " + t.dnsPort);
        }
    }

    private static void refused(NetnsTraffic t) throws IOException {
        for (String address : List.of(t.a.v4(), t.a.v6())) {
            if (t.b.run(STEP, "bash", "-c", "exec 3<>/dev/tcp/" + address + "/" + t.closedPort).exit() == 0) {
                throw new Failure("port " + t.closedPort + " is open on " + address);
            }
        }
        log("refused: TCP to " + t.a.v4() + " and " + t.a.v6() + " port " + t.closedPort);
    }

    private static void udp(NetnsTraffic t) throws IOException {
        t.startSink(LOAD_PORT, 2);
        t.mustOn(t.b, "bash", "-c", "for i in $(seq 1 10); do printf 'datagram %s' $i > /dev/udp/" + t.a.v4() + "/"
                + LOAD_PORT + "; done");
        log("udp: 10 datagrams to " + t.a.v4() + ":" + LOAD_PORT);
    }

    // ------------------------------------------------------------------ helpers

    private void startSink(int port, long seconds) throws IOException {
        requireTool("python3");
        backgroundProcess(python(a, SINK, a.v4(), Integer.toString(port), Long.toString(seconds)));
        awaitUdpBound(a, port);
    }

    /** python3 running {@code program} (given on stdin) with {@code args} on {@code side}; its stderr is ours. */
    private static Process python(Side side, String program, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", "-"));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(side.command(command.toArray(new String[0])))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(program.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    private void background(Side side, String... command) throws IOException {
        backgroundProcess(new ProcessBuilder(side.command(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    private void backgroundProcess(Process p) {
        background.add(p);
    }

    /** Ends the servers of the last item, and whatever they started. */
    private void stopBackground() {
        for (Process p : background) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : background) {
            await(p);
        }
        background.clear();
    }

    private static void await(Process p) {
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until something listens on {@code host:port} (a connection from the same side, over loopback). */
    private void awaitTcp(Side side, String host, int port) throws IOException {
        awaitSuccess(side, "nothing listens on " + host + ":" + port, "bash", "-c",
                "exec 3<>/dev/tcp/" + host + "/" + port);
    }

    private void awaitUdpBound(Side side, int port) throws IOException {
        awaitSuccess(side, "no UDP socket on port " + port, "bash", "-c",
                "ss -Hlun 'sport = :" + port + "' | grep -q .");
    }

    /** Runs {@code command} on {@code side} until it succeeds, for about 5 s. */
    private void awaitSuccess(Side side, String failure, String... command) throws IOException {
        for (int i = 0; i < 100; i++) {
            if (side.run(STEP, command).exit() == 0) {
                return;
            }
            Commands.sleep(50);
        }
        throw new Failure(failure);
    }

    private void mustOn(Side side, String... command) throws IOException {
        CommandResult r = side.run(STEP, command);
        if (r.exit() != 0) {
            throw new Failure(String.join(" ", command) + " failed (" + r.exit() + "): " + r.output().trim());
        }
    }

    private void requireSetup() throws IOException {
        if (!NetnsBench.existingNamespaces(settings).contains(settings.namespaceB())) {
            throw new Failure("namespace " + settings.namespaceB() + " does not exist: run setup first");
        }
    }

    private static void requireRoot() {
        if (!Host.isRoot()) {
            throw new Failure("must run as root");
        }
    }

    private static void requireTool(String name) {
        if (!Host.hasCommand(name)) {
            throw new Failure(name + " is missing: run scripts/install-test-deps.sh");
        }
    }

    private static String name(Side side) {
        return side.isRoot() ? NetnsSettings.ROOT : side.namespace();
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Failure("not a number: '" + text + "'");
        }
    }

    /** {@code value} as a word the shell reads back unchanged. */
    static String shellQuoted(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static void usage() throws IOException {
        String file = System.getProperty(USAGE_PROPERTY);
        if (file == null || !Files.isRegularFile(Paths.get(file))) {
            System.err.println("usage: netns-traffic.sh [OPTIONS] setup|traffic|load|exec|env|status|teardown [ARGS]");
            return;
        }
        List<String> lines = Files.readAllLines(Paths.get(file));
        for (int i = 1; i < lines.size() && lines.get(i).startsWith("#"); i++) {
            System.err.println(lines.get(i).replaceFirst("^# ?", ""));
        }
    }

    private static void log(String message) {
        System.err.println("netns-traffic: " + message);
    }

    /** A refusal or failure that ends the command with a message and exit code 1. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
