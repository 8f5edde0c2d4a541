package org.apptrack.testsupport.netns;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;

/**
 * Two network endpoints joined by a veth pair, for tests and benchmarks that need real traffic on
 * a real interface: side A (a namespace, or the root namespace, where a process under test can
 * capture on A's interface directly) and side B (always a namespace), each with an IPv4 /24 and
 * an IPv6 /64 address, on a quiet link (no router solicitations, no address autoconfiguration,
 * no duplicate address detection). Needs root and iproute2.
 *
 * <p>Tests take fresh names ({@link #rootAndNamespace()}, {@link #create(NetnsSettings)} with
 * {@link NetnsSettings#unique()}) and {@link #close()} the bench, which a shutdown hook also does,
 * so a killed test run leaves nothing behind. {@code scripts/netns-traffic.sh} sets a bench up
 * with the names it is given and leaves it until its {@code teardown} ({@link NetnsTraffic}).
 */
public final class NetnsBench implements AutoCloseable {

    private final NetnsSettings settings;
    private final Side a;
    private final Side b;
    private final Thread shutdownHook;
    private boolean segmentsPerFrame = true;
    private boolean closed;

    private NetnsBench(NetnsSettings settings, boolean removeOnExit) {
        this.settings = settings;
        this.a = new Side(settings.namespaceA(), settings.vethA(), settings.v4A(), settings.v6A());
        this.b = new Side(settings.namespaceB(), settings.vethB(), settings.v4B(), settings.v6B());
        this.shutdownHook = removeOnExit ? new Thread(this::close, "netns-cleanup-" + settings.namespaceB()) : null;
    }

    /**
     * Side A in the root namespace, side B in a fresh namespace; fresh interface names and a
     * {@code 10.99.N.0/24} (and {@code fd00:99:N::/64}) that no route of the root namespace uses.
     */
    public static NetnsBench rootAndNamespace() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            int n = random.nextInt(10, 250);
            if (Commands.run(Duration.ofSeconds(10), "ip", "-4", "route", "show", "10.99." + n + ".0/24")
                    .output().isBlank()) {
                String v6 = "fd00:99:" + Integer.toHexString(n) + "::";
                return create(NetnsSettings.unique().rootA().v4("10.99." + n + ".1", "10.99." + n + ".2")
                        .v6(v6 + "1", v6 + "2"));
            }
        }
        throw new IOException("no free 10.99.N.0/24 subnet");
    }

    /** Creates the bench of {@code settings}; {@link #close()} (or the end of the JVM) removes it. */
    public static NetnsBench create(NetnsSettings settings) throws IOException {
        NetnsBench bench = new NetnsBench(settings, true);
        Runtime.getRuntime().addShutdownHook(bench.shutdownHook);
        bench.setUp();
        return bench;
    }

    /** Creates the bench of {@code settings} and leaves it when the JVM ends (remove it with {@link #teardown}). */
    public static NetnsBench createToKeep(NetnsSettings settings) throws IOException {
        NetnsBench bench = new NetnsBench(settings, false);
        bench.setUp();
        return bench;
    }

    /** Kills what runs in the namespaces of {@code settings}, deletes them and the veth pair. Idempotent. */
    public static void teardown(NetnsSettings settings) throws IOException {
        new NetnsBench(settings, false).removeAll();
    }

    /** The namespaces of {@code settings} that exist. */
    public static List<String> existingNamespaces(NetnsSettings settings) throws IOException {
        CommandResult list = Commands.run(Duration.ofSeconds(10), "ip", "netns", "list");
        List<String> existing = new ArrayList<>();
        for (String line : list.output().split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (name.equals(settings.namespaceB()) || name.equals(settings.namespaceA())) {
                existing.add(name);
            }
        }
        return existing;
    }

    public Side a() {
        return a;
    }

    public Side b() {
        return b;
    }

    /**
     * Whether both ends hand the kernel's taps one TCP segment per frame ({@link
     * NetnsSettings#oneSegmentPerFrame()} and a kernel that allows it), rather than GSO super-frames.
     */
    public boolean segmentsPerFrame() {
        return segmentsPerFrame;
    }

    private void setUp() throws IOException {
        boolean ok = false;
        try {
            if (!a.isRoot()) {
                Commands.must(Side.STEP, "ip", "netns", "add", a.namespace());
            }
            Commands.must(Side.STEP, "ip", "netns", "add", b.namespace());
            List<String> link = new ArrayList<>(List.of("ip", "link", "add", a.iface()));
            if (!a.isRoot()) {
                link.addAll(List.of("netns", a.namespace()));
            }
            link.addAll(List.of("type", "veth", "peer", "name", b.iface(), "netns", b.namespace()));
            Commands.must(Side.STEP, link.toArray(new String[0]));
            for (Side side : List.of(a, b)) {
                // a quiet link: no router solicitations, no autoconfiguration (best effort)
                side.run(Side.STEP, "sysctl", "-q", "-w", "net.ipv6.conf." + side.iface() + ".accept_ra=0",
                        "net.ipv6.conf." + side.iface() + ".autoconf=0");
                mustIp(side, "addr", "add", side.v4() + "/24", "dev", side.iface());
                mustIp(side, "-6", "addr", "add", side.v6() + "/64", "dev", side.iface(), "nodad");
                if (settings.wantsOneSegmentPerFrame()) {
                    // no GSO super-frames (veth would hand a capture 64 KiB segments); older kernels refuse
                    segmentsPerFrame &= Commands.run(Side.STEP, side.ip("link", "set", side.iface(), "gso_max_segs",
                            "1")).exit() == 0;
                }
                mustIp(side, "link", "set", "lo", "up");
                mustIp(side, "link", "set", side.iface(), "up");
            }
            segmentsPerFrame &= settings.wantsOneSegmentPerFrame();
            awaitCarrier();
            ok = true;
        } finally {
            if (!ok) {
                close();
            }
        }
    }

    private static void mustIp(Side side, String... args) throws IOException {
        List<String> command = side.ip(args);
        Commands.must(Side.STEP, command.toArray(new String[0]));
    }

    private void awaitCarrier() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!a.run(Duration.ofSeconds(5), "cat", "/sys/class/net/" + a.iface() + "/operstate").output().trim()
                .equals("up")) {
            if (System.nanoTime() > deadline) {
                throw new IOException(a.iface() + " did not come up");
            }
            Commands.sleep(50);
        }
    }

    /** Kills what runs in the namespaces, deletes them and the veth pair. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            removeAll();
        } catch (IOException e) {
            System.err.println("cleanup of " + a + " / " + b + " failed: " + e);
        } finally {
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway and finds closed == true
                }
            }
        }
    }

    private void removeAll() throws IOException {
        Duration step = Duration.ofSeconds(10);
        for (String ns : existingNamespaces(settings)) {
            for (String pid : Commands.run(step, "ip", "netns", "pids", ns).output().split("\\s+")) {
                if (pid.matches("\\d+")) {
                    Commands.run(Duration.ofSeconds(5), "kill", "-9", pid);
                }
            }
            Commands.run(step, "ip", "netns", "del", ns);
        }
        // deleting a namespace deletes its veth end and so the pair; a root-side end may linger briefly
        if (Commands.run(step, "ip", "link", "show", a.iface()).exit() == 0) {
            Commands.run(step, "ip", "link", "del", a.iface());
        }
    }

    @Override
    public String toString() {
        return "A: " + a + "  <->  B: " + b;
    }
}
