package org.apptrack.appqoe.cli;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apptrack.appqoe.api.ProbeStatus;

/** Each probe session (a path probed with one set of active probe parameters) and its counters. */
@Service
@Command(scope = "appqoe", name = "probes", description = "Shows each probe session: target, DSCP, probes sent, answered, lost, error")
public class ProbesCommand extends AppQoeCommand {

    @Override
    public Object execute() {
        printEnabled(System.out);
        ShellTable table = new ShellTable();
        table.column("Group");
        table.column("Path");
        table.column("Probe params");
        table.column("Type");
        table.column("Source");
        table.column("Target");
        table.column("DSCP");
        table.column("Sent").alignRight();
        table.column("Answered").alignRight();
        table.column("Lost").alignRight();
        table.column("Loss %").alignRight();
        table.column("Error");
        for (ProbeStatus p : appQoe.probes()) {
            table.addRow().addContent(p.group(), p.path(), p.probeParams(), p.type(), p.source(), p.target(),
                    DscpName.of(p.dscp()), p.sent(), p.answered(), p.lost(),
                    ConsoleFigures.lossPercent(p.answered(), p.lost()), ConsoleFigures.text(p.error()));
        }
        table.print(System.out);
        return null;
    }
}
