package org.apptrack.capture.cli;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.capture.onos.CapturePacketService;
import org.onosproject.net.packet.PacketProcessorEntry;

/** Shows the packet sources: frames, bytes, drops and rate, and the packet processors fed. */
@Service
@Command(scope = "apptrack", name = "capture-status",
        description = "Shows the packet sources (live capture, replays): frames, bytes, drops, rate")
public class CaptureStatusCommand implements Action {

    @Reference
    CaptureService capture;

    @Reference
    CapturePacketService packets;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Source");
        table.column("Interfaces");
        table.column("State");
        table.column("Frames").alignRight();
        table.column("Bytes").alignRight();
        table.column("Kernel drops").alignRight();
        table.column("If drops").alignRight();
        table.column("Skipped").alignRight();
        table.column("Frames/s").alignRight();
        table.column("Done").alignRight();
        for (CaptureSourceStatus s : capture.sources()) {
            long skipped = s.skipped().values().stream().mapToLong(Long::longValue).sum();
            table.addRow().addContent(s.name(), String.join(",", s.interfaces()), s.state(), s.frames(), s.bytes(),
                    s.kind().equals("live") ? s.kernelDrops() : "-", s.kind().equals("live") ? s.interfaceDrops() : "-",
                    skipped, String.format("%.0f", s.framesPerSecond()),
                    s.progress() < 0 ? "-" : String.format("%.0f%%", s.progress() * 100));
        }
        table.print(System.out);
        for (CaptureSourceStatus s : capture.sources()) {
            if (!s.filter().isEmpty()) {
                System.out.println(s.name() + ": filter: " + s.filter());
            }
            if (s.error() != null) {
                System.out.println(s.name() + ": error: " + s.error());
            }
            if (s.warning() != null) {
                System.out.println(s.name() + ": warning: " + s.warning());
            }
            for (Map.Entry<String, Long> e : s.skipped().entrySet()) {
                System.out.println(s.name() + ": skipped " + e.getValue() + " frame(s): " + e.getKey());
            }
        }
        System.out.println("Packet processors (frames delivered: " + packets.frames() + ", processor exceptions: "
                + packets.processorFailures() + "):");
        for (PacketProcessorEntry e : packets.getProcessors()) {
            System.out.println(String.format("  priority %-11d %-60s %12d invocations, %6d ns average",
                    e.priority(), e.processor().getClass().getName(), e.invocations(), e.averageNanos()));
        }
        return null;
    }
}
