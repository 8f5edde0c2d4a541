package org.apptrack.capture.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.capture.onos.CapturePacketService;
import org.apptrack.capture.onos.ProcessorEntry;
import org.apptrack.capture.onos.ProcessorName;

/**
 * Shows the packet sources (frames, bytes, drops, rate) and the packet processors they feed,
 * each named by the class that wrote it and the bundle it came from (see {@link ProcessorName}).
 */
@Service
@Command(scope = "apptrack", name = "capture-status",
        description = "Shows the packet sources (live capture, recent replays) and the packet processors they feed")
public class CaptureStatusCommand implements Action {

    @Reference
    CaptureService capture;

    @Reference
    CapturePacketService packets;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        List<CaptureSourceStatus> sources = capture.sources();
        long notListed = capture.replaysNotListed();
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
        for (CaptureSourceStatus s : sources) {
            long skipped = s.skipped().values().stream().mapToLong(Long::longValue).sum();
            table.addRow().addContent(s.name(), String.join(",", s.interfaces()), s.state(), s.frames(), s.bytes(),
                    s.kind().equals("live") ? s.kernelDrops() : "-", s.kind().equals("live") ? s.interfaceDrops() : "-",
                    skipped, String.format("%.0f", s.framesPerSecond()),
                    s.progress() < 0 ? "-" : String.format("%.0f%%", s.progress() * 100));
        }
        table.print(out);
        if (notListed > 0) {
            out.println(notListed + (notListed == 1 ? " older replay" : " older replays") + " not shown (the last "
                    + CaptureService.REPLAYS_LISTED + " are kept)");
        }
        for (CaptureSourceStatus s : sources) {
            if (!s.filter().isEmpty()) {
                out.println(s.name() + ": filter: " + s.filter());
            }
            if (s.error() != null) {
                out.println(s.name() + ": error: " + s.error());
            }
            if (s.warning() != null) {
                out.println(s.name() + ": warning: " + s.warning());
            }
            for (Map.Entry<String, Long> e : s.skipped().entrySet()) {
                out.println(s.name() + ": skipped " + e.getValue() + " frame(s): " + e.getKey());
            }
        }
        out.println();
        out.println("Packet processors (frames delivered: " + packets.frames() + ", processor exceptions: "
                + packets.processorFailures() + "):");
        ShellTable processors = new ShellTable();
        processors.column("Priority");
        processors.column("Processor");
        processors.column("Bundle");
        processors.column("Invocations").alignRight();
        processors.column("Average ns").alignRight();
        processors.column("Exceptions").alignRight();
        for (ProcessorEntry e : packets.processorEntries()) {
            processors.addRow().addContent(ProcessorName.priority(e.priority()), e.name(),
                    e.bundle() != null ? e.bundle() : "-", e.invocations(), e.averageNanos(), e.failures());
        }
        processors.print(out);
    }
}
