package org.apptrack.appqoe.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;

/**
 * The AppQoE lab: this JVM runs in the branch namespace (surefire starts it through
 * {@code src/test/branch-jvm/bin/java}), so the product's sockets and the ip / nft
 * commands it runs act on the branch. {@link #create()} adds around it:
 * <pre>
 *   lan ns                branch ns (this JVM)                    site ns
 *   eth0 10.60.0.2 ---- lan0 10.60.0.1
 *                         up1 10.61.1.1 ------------------ wan1 10.61.1.2   STAMP :862 -> delaying forwarder 1 -+
 *                         up2 10.61.2.1 ------------------ wan2 10.61.2.2   STAMP :862 -> delaying forwarder 2 -+-> reflector 127.0.0.1
 *                         up3 10.61.3.1 ------------------ wan3 10.61.3.2   STAMP :862 -> delaying forwarder 3 -+
 *                                                          lo 10.62.0.1 (application server)
 * </pre>
 * The branch forwards between the LAN and the uplinks (route to 10.62.0.0/24 over uplink 1 by
 * default); the site answers over the uplink a connection came in on. Impairments act at the
 * site end of each uplink: {@link #loss} and {@link #blackout} (nftables, both directions),
 * {@link #rate} (tc tbf, towards the branch), {@link #delay} and {@link #jitter} (the STAMP
 * forwarder, as the kernel has no netem: they apply to probes, not to application traffic).
 *
 * <p>{@link #close()} removes everything the lab added, also when a test failed; a JVM killed
 * before that leaves namespaces that the next run removes (their owner process is gone).
 */
public final class NetnsLab implements AutoCloseable {

    public static final int UPLINK_COUNT = 3;
    public static final String LAN_CLIENT = "10.60.0.2";
    public static final String LAN_GATEWAY = "10.60.0.1";
    public static final String APP_SERVER = "10.62.0.1";
    public static final String LAN_INTERFACE = "lan0";

    /** Set by the surefire wrapper: the branch namespace this JVM runs in, and the prefix of the lab's names. */
    static final String BRANCH_VARIABLE = "APPTRACK_LAB_BRANCH";
    static final String PREFIX_VARIABLE = "APPTRACK_LAB_PREFIX";
    private static final Pattern OWNED = Pattern.compile("^aqlab(\\d+)-.*");
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final AtomicInteger LABS = new AtomicInteger();

    private final String branch;
    private final String site;
    private final String lan;
    private final List<Uplink> uplinks = new ArrayList<>();
    private final boolean[] blackout = new boolean[UPLINK_COUNT + 1];
    private final int[] lossPercent = new int[UPLINK_COUNT + 1];
    private final List<Process> background = Collections.synchronizedList(new ArrayList<>());
    private final Thread shutdownHook;
    private SiteNodeProcess siteNode;
    private boolean closed;

    private NetnsLab(String branch, String prefix) {
        this.branch = branch;
        int n = LABS.incrementAndGet();
        this.site = prefix + "-site" + n;
        this.lan = prefix + "-lan" + n;
        for (int k = 1; k <= UPLINK_COUNT; k++) {
            uplinks.add(Uplink.of(k));
        }
        shutdownHook = new Thread(this::close, "netns-lab-cleanup");
    }

    /**
     * The prerequisites of the lab (root, ip, nft, tc, this JVM in the branch namespace); skips
     * or fails the calling JUnit 5 test per {@link Prerequisites}.
     */
    public static void requirePrerequisites() {
        Prerequisites.require("root, for network namespaces", Host.isRoot());
        Prerequisites.requireCommands("ip", "nft", "tc", "sysctl", "python3", "curl");
        Prerequisites.require("the branch namespace around this JVM (" + BRANCH_VARIABLE
                + ", set by appqoe-lab/src/test/branch-jvm/bin/java, surefire's jvm)", insideBranch());
    }

    /** Whether this JVM runs in the branch namespace the wrapper made for it. */
    public static boolean insideBranch() {
        String branch = System.getenv(BRANCH_VARIABLE);
        if (branch == null || branch.isBlank()) {
            return false;
        }
        try {
            return Commands.run(STEP, "ip", "netns", "identify").output().trim().equals(branch);
        } catch (IOException e) {
            return false;
        }
    }

    /** Builds the lab (a few seconds); {@link #requirePrerequisites()} first. */
    public static NetnsLab create() throws IOException {
        if (!insideBranch()) {
            throw new IllegalStateException("not inside the branch namespace; see requirePrerequisites()");
        }
        removeLeftovers();
        NetnsLab lab = new NetnsLab(System.getenv(BRANCH_VARIABLE), System.getenv(PREFIX_VARIABLE));
        Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
        boolean ok = false;
        try {
            lab.build();
            ok = true;
        } finally {
            if (!ok) {
                lab.close();
            }
        }
        return lab;
    }

    // --- topology ---

    public String branchNamespace() {
        return branch;
    }

    public String siteNamespace() {
        return site;
    }

    public String lanNamespace() {
        return lan;
    }

    /** Uplink 1..3. */
    public Uplink uplink(int number) {
        check(number);
        return uplinks.get(number - 1);
    }

    public List<Uplink> uplinks() {
        return List.copyOf(uplinks);
    }

    // --- impairments ---

    /**
     * Sets the delay the uplink's forwarder adds to each STAMP probe (microseconds); returns
     * when the forwarder took it, with the time of the first probe under it to come.
     */
    public SettingChange delay(int uplink, long micros) {
        check(uplink);
        return siteNode.change("delay", uplink, micros);
    }

    /** Sets the jitter of the uplink's forwarder: each probe's delay varies uniformly by up to +/- {@code micros}. */
    public SettingChange jitter(int uplink, long micros) {
        check(uplink);
        return siteNode.change("jitter", uplink, micros);
    }

    /** Drops {@code percent} % of the packets crossing the uplink, each direction on its own (nft numgen). */
    public synchronized void loss(int uplink, int percent) throws IOException {
        check(uplink);
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("loss must be 0..100 %: " + percent);
        }
        lossPercent[uplink] = percent;
        applyImpairments(uplink);
    }

    /** Drops everything crossing the uplink (both directions) while {@code on}. */
    public synchronized void blackout(int uplink, boolean on) throws IOException {
        check(uplink);
        blackout[uplink] = on;
        applyImpairments(uplink);
    }

    /** Limits what the site sends to the branch on the uplink to {@code kbit} kbit/s (tc tbf); 0 removes the limit. */
    public void rate(int uplink, long kbit) throws IOException {
        check(uplink);
        String iface = uplink(uplink).siteInterface();
        if (kbit <= 0) {
            CommandResult r = Commands.run(STEP, "tc", "-n", site, "qdisc", "del", "dev", iface, "root");
            if (r.exit() != 0 && !r.output().contains("No such file") && !r.output().contains("Cannot delete")) {
                throw new IOException("tc qdisc del on " + iface + ": " + r.output());
            }
            return;
        }
        Commands.must(STEP, "tc", "-n", site, "qdisc", "replace", "dev", iface, "root", "tbf", "rate", kbit + "kbit",
                "burst", Math.max(1600, kbit * 1000 / 8 / 100) + "", "latency", "50ms");
    }

    /** Back to clean uplinks: no delay, jitter, loss, blackout or rate limit on any. */
    public void clearImpairments() throws IOException {
        for (int k = 1; k <= UPLINK_COUNT; k++) {
            delay(k, 0);
            jitter(k, 0);
            synchronized (this) {
                blackout[k] = false;
                lossPercent[k] = 0;
                applyImpairments(k);
            }
            rate(k, 0);
        }
    }

    /**
     * Routes the branch's traffic to the site's 10.62.0.0/24 over the uplink (the main table's
     * route; uplink 1 when the lab is built). The product's actuator steers with rules of its own.
     */
    public void routeApplicationServerVia(int uplink) throws IOException {
        Commands.must(STEP, "ip", "route", "replace", "10.62.0.0/24", "via", uplink(uplink).siteAddress());
    }

    // --- measurements ---

    /** What crossed the uplink at the site after the impairments, since the lab was built. */
    public TrafficCount traffic(int uplink) throws IOException {
        String w = uplink(uplink).siteInterface();
        long[] toSite = counter(w + "_to_site");
        long[] toBranch = counter(w + "_to_branch");
        return new TrafficCount(toSite[0], toSite[1], toBranch[0], toBranch[1]);
    }

    /**
     * The application server's traffic (to and from 10.62.0.0/24) that crossed the uplink at the
     * site after the impairments: the LAN's sessions, without the probes.
     */
    public TrafficCount applicationTraffic(int uplink) throws IOException {
        String w = uplink(uplink).siteInterface();
        long[] toSite = counter(w + "_app_to_site");
        long[] toBranch = counter(w + "_app_to_branch");
        return new TrafficCount(toSite[0], toSite[1], toBranch[0], toBranch[1]);
    }

    /** Packets that arrived at the site over the uplink and were not dropped by an impairment. */
    public long txPackets(int uplink) throws IOException {
        return traffic(uplink).toSitePackets();
    }

    /** STAMP packets (to UDP 862) on the wire at the site's end of the uplink, by DSCP. */
    public DscpCounts dscpCounts(int uplink) throws IOException {
        String w = uplink(uplink).siteInterface();
        return new DscpCounts(counter(w + "_ef")[0], counter(w + "_other")[0]);
    }

    /** The forwarder's own figures of the uplink (forwarded / relayed / dropped, current delay and jitter). */
    public String forwarderStats(int uplink) {
        check(uplink);
        return siteNode.stats(uplink);
    }

    // --- processes in the namespaces ---

    /** Runs a command in the LAN namespace (the client at 10.60.0.2), e.g. ping or curl towards {@link #APP_SERVER}. */
    public CommandResult runInLan(Duration timeout, String... command) throws IOException {
        return Commands.run(timeout, in(lan, command));
    }

    /** Starts a command in the LAN namespace (the client); it is killed by {@link #close()}. */
    public Process startInLan(String... command) throws IOException {
        Process p = new ProcessBuilder(in(lan, command)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        Commands.drain(p.getInputStream(), new ByteArrayOutputStream(), "lan-" + command[0]);
        background.add(p);
        return p;
    }

    /** Runs a command in the site namespace. */
    public CommandResult runInSite(Duration timeout, String... command) throws IOException {
        return Commands.run(timeout, in(site, command));
    }

    /** Starts a command in the site namespace (e.g. a server on {@link #APP_SERVER}); it is killed by {@link #close()}. */
    public Process startInSite(String... command) throws IOException {
        Process p = new ProcessBuilder(in(site, command)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        Commands.drain(p.getInputStream(), new ByteArrayOutputStream(), "site-" + command[0]);
        background.add(p);
        return p;
    }

    /**
     * Starts {@code python3 -m http.server} on {@link #APP_SERVER}:{@code port} in the site and
     * waits until the LAN client gets an answer from it.
     */
    public Process startHttpServer(int port) throws IOException {
        Process p = startInSite("python3", "-m", "http.server", "--bind", APP_SERVER, Integer.toString(port),
                "--directory", "/usr/share/doc");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (runInLan(Duration.ofSeconds(5), "curl", "-s", "-o", "/dev/null", "-m", "2",
                    "http://" + APP_SERVER + ":" + port + "/").exit() == 0) {
                return p;
            }
            Commands.sleep(100);
        }
        throw new IOException("http.server on " + APP_SERVER + ":" + port + " did not answer the LAN client");
    }

    // --- teardown ---

    /**
     * What the lab left behind: its namespaces, its interfaces in the branch, an nft table
     * there; empty after {@link #close()}.
     */
    public List<String> leftovers() throws IOException {
        List<String> found = new ArrayList<>();
        for (String ns : namespaces()) {
            if (ns.equals(site) || ns.equals(lan)) {
                found.add("namespace " + ns);
            }
        }
        for (String iface : branchInterfaces()) {
            found.add("branch interface " + iface);
        }
        String tables = Commands.run(STEP, "nft", "list", "tables").output().trim();
        if (tables.contains(SiteFirewall.TABLE)) {
            found.add("branch nft: " + tables);
        }
        return found;
    }

    /** Interfaces of the lab in the branch namespace (the uplinks and the LAN link). */
    List<String> branchInterfaces() throws IOException {
        List<String> found = new ArrayList<>();
        for (String line : Commands.run(STEP, "ip", "-br", "link").output().split("\n")) {
            String name = line.trim().split("[\\s@]+")[0];
            if (name.matches("up\\d+") || name.equals(LAN_INTERFACE)) {
                found.add(name);
            }
        }
        return found;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (siteNode != null) {
                siteNode.close();
            }
            for (Process p : background) {
                p.destroyForcibly();
            }
            for (String ns : List.of(site, lan)) {
                removeNamespace(ns);
            }
            // the veth ends in the branch went with their peers; the LAN route and forwarding with them
            for (String iface : branchInterfaces()) {
                Commands.run(STEP, "ip", "link", "del", iface);
            }
            Commands.run(STEP, "sysctl", "-q", "-w", "net.ipv4.ip_forward=0");
        } catch (IOException e) {
            System.err.println("lab cleanup failed: " + e);
        } finally {
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway and finds closed == true
                }
            }
        }
    }

    // --- building ---

    private void build() throws IOException {
        for (String ns : List.of(site, lan)) {
            Commands.must(STEP, "ip", "netns", "add", ns);
            ip(ns, "link", "set", "lo", "up");
        }
        // no reverse-path filter: the site answers over the uplink a connection came in on
        for (String ns : List.of(branch, site)) {
            mustIn(ns, "sysctl", "-q", "-w", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0");
        }
        for (String stale : branchInterfaces()) {
            Commands.run(STEP, "ip", "link", "del", stale);
        }
        for (Uplink u : uplinks) {
            Commands.must(STEP, "ip", "link", "add", u.branchInterface(), "type", "veth", "peer", "name",
                    u.siteInterface(), "netns", site);
            Commands.must(STEP, "ip", "addr", "add", u.branchAddress() + "/24", "dev", u.branchInterface());
            ip(site, "addr", "add", u.siteAddress() + "/24", "dev", u.siteInterface());
            Commands.must(STEP, "ip", "link", "set", u.branchInterface(), "up");
            ip(site, "link", "set", u.siteInterface(), "up");
            ip(site, "rule", "add", "fwmark", Integer.toString(u.number()), "table",
                    Integer.toString(SiteFirewall.ROUTE_TABLE_BASE + u.number()));
            ip(site, "route", "add", "10.60.0.0/24", "via", u.branchAddress(), "dev", u.siteInterface(), "table",
                    Integer.toString(SiteFirewall.ROUTE_TABLE_BASE + u.number()));
        }
        Commands.must(STEP, "ip", "link", "add", LAN_INTERFACE, "type", "veth", "peer", "name", "eth0", "netns", lan);
        Commands.must(STEP, "ip", "addr", "add", LAN_GATEWAY + "/24", "dev", LAN_INTERFACE);
        ip(lan, "addr", "add", LAN_CLIENT + "/24", "dev", "eth0");
        Commands.must(STEP, "ip", "link", "set", LAN_INTERFACE, "up");
        ip(lan, "link", "set", "eth0", "up");
        ip(lan, "route", "add", "default", "via", LAN_GATEWAY);
        ip(site, "addr", "add", APP_SERVER + "/32", "dev", "lo");
        ip(site, "route", "add", "10.60.0.0/24", "via", uplink(1).branchAddress());
        Commands.must(STEP, "ip", "route", "add", "10.62.0.0/24", "via", uplink(1).siteAddress());
        Commands.must(STEP, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        nft(SiteFirewall.table(uplinks));
        awaitLinks();
        siteNode = SiteNodeProcess.start(site, Uplink.STAMP_PORT, uplinks);
    }

    private void awaitLinks() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (String iface : branchInterfaces()) {
            // ip, not /sys/class/net: this JVM shares the host's mount namespace and so its sysfs
            while (!Commands.run(STEP, "ip", "-br", "link", "show", iface).output().contains(" UP ")) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(iface + " did not come up");
                }
                Commands.sleep(50);
            }
        }
    }

    private void applyImpairments(int uplink) throws IOException {
        nft(SiteFirewall.impairments(uplink(uplink), blackout[uplink], lossPercent[uplink]));
    }

    private void nft(String script) throws IOException {
        Process p = new ProcessBuilder(in(site, "nft", "-f", "-")).redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(STEP.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("nft -f failed: " + output + "\n" + script);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static final Pattern PACKETS_BYTES = Pattern.compile("packets (\\d+) bytes (\\d+)");

    private long[] counter(String name) throws IOException {
        CommandResult r = Commands.run(STEP, in(site, "nft", "list", "counter", "ip", SiteFirewall.TABLE, name));
        Matcher m = PACKETS_BYTES.matcher(r.output());
        if (r.exit() != 0 || !m.find()) {
            throw new IOException("nft counter " + name + ": " + r.output());
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    private static void ip(String ns, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "-n", ns));
        command.addAll(List.of(args));
        Commands.must(STEP, command.toArray(new String[0]));
    }

    private void mustIn(String ns, String... command) throws IOException {
        Commands.must(STEP, ns.equals(branch) ? command : in(ns, command).toArray(new String[0]));
    }

    private static List<String> in(String ns, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(command));
        return full;
    }

    private void check(int uplink) {
        if (uplink < 1 || uplink > UPLINK_COUNT) {
            throw new IllegalArgumentException("uplink must be 1.." + UPLINK_COUNT + ": " + uplink);
        }
    }

    static List<String> namespaces() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Commands.run(STEP, "ip", "netns", "list").output().split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** Namespaces of labs whose JVM wrapper is gone (a killed run). */
    private static void removeLeftovers() throws IOException {
        for (String ns : namespaces()) {
            Matcher m = OWNED.matcher(ns);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                removeNamespace(ns);
            }
        }
    }

    private static void removeNamespace(String ns) throws IOException {
        if (!namespaces().contains(ns)) {
            return;
        }
        for (String pid : Commands.run(STEP, "ip", "netns", "pids", ns).output().split("\\s+")) {
            if (pid.matches("\\d+")) {
                Commands.run(Duration.ofSeconds(5), "kill", "-9", pid);
            }
        }
        Commands.run(STEP, "ip", "netns", "del", ns);
    }

    @Override
    public String toString() {
        return "lab branch " + branch + ", site " + site + ", lan " + lan;
    }
}
