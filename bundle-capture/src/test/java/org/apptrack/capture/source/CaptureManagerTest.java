package org.apptrack.capture.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.capture.api.CaptureSourceStatus.State;
import org.apptrack.capture.onos.CapturePacketService;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.onosproject.net.packet.PacketProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager with the real packet service, real capture files and (as root) live capture on lo. */
class CaptureManagerTest {

    @TempDir
    Path dir;

    private final CapturePacketService packets = new CapturePacketService();
    private final CaptureManager manager = new CaptureManager();

    CaptureManagerTest() {
        manager.bind(packets, new CaptureClock());
    }

    @AfterEach
    void tearDown() {
        manager.deactivate();
    }

    /** A copy of the 12-frame test capture under its own name. */
    static Path capture(Path dir, String name) throws Exception {
        Path original = Path.of(CaptureManagerTest.class.getResource("/org/apptrack/capture/file/lo-sll2.pcap").toURI());
        return Files.copy(original, dir.resolve(name));
    }

    private List<CaptureSourceStatus> replays() {
        return manager.sources().stream().filter(s -> s.kind().equals("file")).collect(Collectors.toList());
    }

    private CaptureSourceStatus live() {
        return manager.sources().stream().filter(s -> s.kind().equals("live")).findFirst()
                .orElseThrow(() -> new AssertionError("no live source in " + manager.sources()));
    }

    @Test
    void theLastReplaysAreListedAndTheOlderOnesCounted() throws Exception {
        manager.apply(Map.of("source", "none"));
        int runs = CaptureService.REPLAYS_LISTED + 2;
        for (int i = 1; i <= runs; i++) {
            manager.replay(capture(dir, String.format("replay-%02d.pcap", i)), false, null);
            assertEquals(Math.min(i, CaptureService.REPLAYS_LISTED), replays().size());
            assertEquals(Math.max(0, i - CaptureService.REPLAYS_LISTED), manager.replaysNotListed());
        }
        List<String> listed = replays().stream().map(CaptureSourceStatus::name).collect(Collectors.toList());
        assertEquals("replay-03.pcap", listed.get(0), "oldest listed first: " + listed);
        assertEquals(String.format("replay-%02d.pcap", runs), listed.get(listed.size() - 1));
        assertTrue(replays().stream().allMatch(s -> s.state() == State.FINISHED && s.frames() == 12));
    }

    @Test
    void aConfigurationAppliedDuringAReplayWaitsForItsEnd() throws Exception {
        manager.apply(Map.of("source", "none"));
        List<State> liveDuringReplay = new ArrayList<>();
        PacketProcessor reconfigure = context -> {
            if (liveDuringReplay.isEmpty()) {
                manager.apply(Map.of("source", "live", "interfaces", "no-such-if9"));
            }
            liveDuringReplay.add(live().state());
        };
        packets.addProcessor(reconfigure, PacketProcessor.observer(1));
        manager.replay(capture(dir, "one.pcap"), false, null);
        assertEquals(12, liveDuringReplay.size());
        assertTrue(liveDuringReplay.stream().allMatch(s -> s == State.PAUSED), liveDuringReplay.toString());
        CaptureSourceStatus after = live();
        assertEquals(State.FAILED, after.state(), "opened once the replay was over");
        assertTrue(after.error().contains("no-such-if9"), after.error());
    }

    @Test
    void aReplayPausesLiveCaptureWithoutResettingItsCounters() throws Exception {
        Prerequisites.require("libpcap (apt-get install libpcap0.8)", Host.hasLibpcap());
        Prerequisites.require("root, for live capture", Host.isRoot());
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket()) {
            int port = receiver.getLocalPort();
            manager.apply(Map.of("source", "live", "interfaces", "lo", "filter", "udp dst port " + port));
            awaitLive(n -> n >= 0, sender, port, 0); // RUNNING
            CaptureSourceStatus before = awaitLive(n -> n >= 5, sender, port, 5);

            List<CaptureSourceStatus> liveDuringReplay = new CopyOnWriteArrayList<>();
            PacketProcessor watcher = context -> {
                if (!context.inPacket().receivedFrom().deviceId().toString().equals("capture:lo")) {
                    liveDuringReplay.add(live());
                }
            };
            packets.addProcessor(watcher, PacketProcessor.observer(1));
            CaptureSourceStatus replay = manager.replay(capture(dir, "during-live.pcap"), false, null);
            packets.removeProcessor(watcher);

            assertEquals(12, replay.frames());
            assertEquals(12, liveDuringReplay.size(), "the replay's frames, and no live frame in between");
            for (CaptureSourceStatus s : liveDuringReplay) {
                assertEquals(State.PAUSED, s.state());
                assertTrue(s.frames() >= before.frames(), "paused with its counters: " + s.frames());
            }
            long atPause = liveDuringReplay.get(0).frames();
            CaptureSourceStatus resumed = awaitLive(n -> n >= atPause + 5, sender, port, 5);
            assertEquals(State.RUNNING, resumed.state());
            assertTrue(resumed.bytes() > before.bytes());
            assertEquals(List.of("lo"), resumed.interfaces());
        }
    }

    /** Sends {@code count} datagrams to the port on lo, then waits until the live source's frames pass {@code until}. */
    private CaptureSourceStatus awaitLive(LongPredicate until, DatagramSocket sender, int port, int count)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean sent = false;
        while (System.nanoTime() < deadline) {
            CaptureSourceStatus s = live();
            if (s.state() == State.RUNNING) {
                if (!sent) {
                    Thread.sleep(200); // the reading thread has started reading
                    for (int i = 0; i < count; i++) {
                        byte[] payload = {(byte) i};
                        sender.send(new DatagramPacket(payload, 1, InetAddress.getLoopbackAddress(), port));
                    }
                    sent = true;
                } else if (until.test(s.frames())) {
                    return s;
                }
            } else if (s.state() == State.FAILED) {
                throw new AssertionError("live capture on lo failed: " + s.error());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("live capture never reached the count: " + live().frames() + " frames, " + live().state());
    }
}
