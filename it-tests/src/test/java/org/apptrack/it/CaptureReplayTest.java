package org.apptrack.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.testsupport.prereq.Host;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.PortNumber;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketService;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The distribution with apptrack-capture: a capture file made by real tools (tcpdump on two
 * interfaces, merged by mergecap into one pcapng) is replayed, and an ONOS PacketProcessor
 * registered by the test sees every frame, in order, from the right ConnectPoint, with the
 * capture's timestamps; tshark reads the same file as the reference.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CaptureReplayTest {

    @Inject
    private PacketService packetService;

    @Inject
    private CaptureService captureService;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private org.osgi.service.cm.ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return KarafDistribution.boot(KarafDistribution.freePort());
    }

    /** One frame as the processor saw it, or as tshark lists it. */
    private static final class Seen {
        final PortNumber from;
        final long timeMillis;
        final int length;

        Seen(PortNumber from, long timeMillis, int length) {
            this.from = from;
            this.timeMillis = timeMillis;
            this.length = length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Seen && ((Seen) o).from.equals(from) && ((Seen) o).timeMillis == timeMillis
                    && ((Seen) o).length == length;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(timeMillis);
        }

        @Override
        public String toString() {
            return from + "@" + timeMillis + "/" + length;
        }
    }

    @Test
    public void aProcessorSeesEveryReplayedFrameInOrderWithItsConnectPoint() throws Exception {
        Prerequisite.require("tshark and mergecap", Host.hasCommand("tshark") && Host.hasCommand("mergecap"));
        Prerequisite.require("tcpdump", Host.hasCommand("tcpdump"));
        Path dir = Files.createTempDirectory("apptrack-replay");
        Path merged = dir.resolve("two-interfaces.pcapng");
        makeTwoInterfaceCapture(dir, merged);

        List<Seen> expected = new ArrayList<>();
        for (String line : run("tshark", "-r", merged.toString(), "-T", "fields",
                "-e", "frame.interface_id", "-e", "frame.time_epoch", "-e", "ip.len").split("\n")) {
            if (line.isBlank() || !Character.isDigit(line.charAt(0))) {
                continue; // tshark's warnings (e.g. about running as root) share the output
            }
            String[] f = line.split("\t");
            // ConnectPoint port = pcapng interface id + 1.
            PortNumber port = PortNumber.portNumber(Long.parseLong(f[0]) + 1);
            long millis = new java.math.BigDecimal(f[1]).movePointRight(3).setScale(0, java.math.RoundingMode.FLOOR)
                    .longValueExact();
            // Every frame is IPv4: what a processor gets is Ethernet (the cooked header rewritten) + IP.
            expected.add(new Seen(port, millis, 14 + Integer.parseInt(f[2])));
        }
        assertTrue("the capture has frames on both interfaces: " + expected,
                expected.stream().map(s -> s.from).distinct().count() == 2);

        List<Seen> seen = new ArrayList<>();
        List<ConnectPoint> points = new ArrayList<>();
        PacketProcessor recorder = context -> {
            points.add(context.inPacket().receivedFrom());
            seen.add(new Seen(context.inPacket().receivedFrom().port(), context.time(),
                    context.inPacket().unparsed().remaining()));
        };
        packetService.addProcessor(recorder, PacketProcessor.observer(1));
        try {
            CaptureSourceStatus done = captureService.replay(merged, false, null);
            assertEquals(CaptureSourceStatus.State.FINISHED, done.state());
            assertEquals(expected.size(), done.frames());
            assertEquals(expected, seen);
            // Each interface has its own device capture:NAME, the same for all of its frames.
            assertEquals(2, points.stream().distinct().count());
            assertTrue(points.toString(), points.stream().allMatch(cp -> cp.deviceId().toString().startsWith("capture:")));
        } finally {
            packetService.removeProcessor(recorder);
        }

        String out = execute("apptrack:replay " + merged);
        assertTrue(out, out.contains("FINISHED, " + String.format("%,d", expected.size()) + " frames"));
        String status = execute("apptrack:capture-status");
        assertTrue(status, status.contains("two-interfaces.pcapng"));
        // AppTrack's processor (a method reference) by its declaring class, bundle and ONOS priority
        assertTrue(status, java.util.regex.Pattern.compile("observer\\(1\\) +\\| org\\.apptrack\\.apptrack\\.impl"
                + "\\.AppTrackManager \\(lambda\\) +\\| org\\.apptrack\\.apptrack +\\|").matcher(status).find());
        assertFalse(status, status.contains("$$Lambda"));
    }

    @Test
    public void liveCaptureFeedsTheProcessorsAndAMissingInterfaceIsNamed() throws Exception {
        Prerequisite.require("ping", Host.hasCommand("ping"));
        List<ConnectPoint> from = new java.util.concurrent.CopyOnWriteArrayList<>();
        PacketProcessor recorder = context -> from.add(context.inPacket().receivedFrom());
        packetService.addProcessor(recorder, PacketProcessor.observer(1));
        org.osgi.service.cm.Configuration config = configAdmin.getConfiguration("org.apptrack.capture", "?");
        try {
            config.update(properties("source", "live", "interfaces", "lo", "filter", "icmp"));
            AppTrackIt.awaitLiveSource(captureService, CaptureSourceStatus.State.RUNNING);
            Thread.sleep(500); // the capture thread is reading
            run("ping", "-c", "3", "-i", "0.2", "127.0.0.1");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (from.size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals("3 echo requests and 3 replies on lo", 6, from.size());
            assertTrue(from.toString(), from.stream().allMatch(cp -> cp.equals(new ConnectPoint(
                    org.onosproject.net.DeviceId.deviceId("capture:lo"), PortNumber.portNumber(1)))));
            String status = execute("apptrack:capture-status");
            assertTrue(status, status.contains("RUNNING"));

            config.update(properties("source", "live", "interfaces", "no-such-if0"));
            CaptureSourceStatus failed = AppTrackIt.awaitLiveSource(captureService, CaptureSourceStatus.State.FAILED);
            assertTrue(failed.error(), failed.error().contains("no-such-if0"));
            assertTrue(execute("apptrack:capture-status").contains("no-such-if0"));
        } finally {
            packetService.removeProcessor(recorder);
            config.update(properties("source", "none"));
        }
    }

    private static java.util.Dictionary<String, Object> properties(String... kv) {
        java.util.Hashtable<String, Object> d = new java.util.Hashtable<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put(kv[i], kv[i + 1]);
        }
        return d;
    }

    /**
     * A file that cannot be replayed fails the command with an exception naming the file and the
     * reason (what Karaf prints as "Error executing command: ..."), not a line on stderr.
     */
    @Test
    public void aFileThatCannotBeReplayedFailsTheCommandNamingItAndWhy() throws Exception {
        Path dir = Files.createTempDirectory("apptrack-replay");
        Path bogus = Files.write(dir.resolve("not-a-capture.pcap"),
                "hello, this is not a capture file\n".getBytes(StandardCharsets.US_ASCII));
        String notCapture = KarafShell.failure(sessionFactory, "apptrack:replay " + bogus).getMessage();
        assertTrue(notCapture, notCapture.startsWith("Replay failed: " + bogus + ": not a pcap or pcapng file"));

        Path missing = dir.resolve("missing.pcap");
        assertEquals("Replay failed: " + missing + ": no such file",
                KarafShell.failure(sessionFactory, "apptrack:replay " + missing).getMessage());
        assertEquals("Replay failed: " + dir + ": is a directory, not a capture file",
                KarafShell.failure(sessionFactory, "apptrack:replay " + dir).getMessage());
    }

    /** Two short captures of real traffic (Ethernet on lo, Linux cooked on any), merged by mergecap. */
    private static void makeTwoInterfaceCapture(Path dir, Path merged) throws Exception {
        Path a = dir.resolve("a.pcap");
        Path b = dir.resolve("b.pcap");
        capture(a, "lo", "ping -c 3 -i 0.2 127.0.0.1", 6);
        // On "any" the link type is Linux cooked capture, so mergecap keeps two interfaces, and the
        // second one's frames go through the SLL-to-Ethernet rewrite.
        capture(b, "any", "ping -c 2 -i 0.2 127.0.0.1", 4);
        run("mergecap", "-w", merged.toString(), a.toString(), b.toString());
    }

    /** Captures exactly {@code frames} ICMP frames with tcpdump while the traffic runs. */
    private static void capture(Path file, String iface, String traffic, int frames) throws Exception {
        Process dump = new ProcessBuilder("tcpdump", "-i", iface, "--immediate-mode", "-U", "-c",
                Integer.toString(frames), "-w", file.toString(), "icmp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(1000); // tcpdump is listening
        run("sh", "-c", traffic);
        if (!dump.waitFor(10, TimeUnit.SECONDS)) {
            dump.destroy();
            throw new IOException("tcpdump did not see " + frames + " frames on " + iface);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private String execute(String command) throws Exception {
        return KarafShell.execute(sessionFactory, command);
    }
}
