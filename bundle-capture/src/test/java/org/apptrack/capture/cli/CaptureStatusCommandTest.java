package org.apptrack.capture.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.capture.onos.CapturePacketService;
import org.apptrack.capture.source.CaptureClock;
import org.apptrack.capture.source.CaptureManager;
import org.onosproject.net.packet.PacketProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code apptrack:capture-status} prints, from the real manager and packet service after real replays. */
class CaptureStatusCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsRecentReplaysSaysHowManyOlderOnesAreNotShownAndNamesTheProcessors() throws Exception {
        CapturePacketService packets = new CapturePacketService();
        CaptureManager manager = new CaptureManager();
        manager.bind(packets, new CaptureClock());
        manager.apply(Map.of("source", "none"));
        packets.addProcessor(context -> { }, PacketProcessor.observer(1));
        Path original = Path.of(getClass().getResource("/org/apptrack/capture/file/lo-sll2.pcap").toURI());
        for (int i = 1; i <= CaptureService.REPLAYS_LISTED + 3; i++) {
            manager.replay(Files.copy(original, dir.resolve("r" + i + ".pcap")), false, null);
        }
        CaptureStatusCommand command = new CaptureStatusCommand();
        command.capture = manager;
        command.packets = packets;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(out.contains("3 older replays not shown (the last 10 are kept)"), out);
        assertFalse(out.contains("r3.pcap "), out);
        assertTrue(out.contains("r4.pcap ") && out.contains("r13.pcap "), out);
        assertTrue(out.contains("observer(1)"), out);
        assertTrue(out.contains("org.apptrack.capture.cli.CaptureStatusCommandTest (lambda)"), out);
        assertTrue(out.contains(" 156 "), "12 frames x 13 replays reached the processor: " + out);
        assertFalse(out.contains("$$Lambda"), out);
    }
}
