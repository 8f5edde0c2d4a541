package org.apptrack.apptrack.cli;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apptrack.apptrack.api.OffloadCounters;
import org.apptrack.apptrack.api.OffloadService;

/** Offload mode's state (what it offloads) and counters, as {@code apptrack:counters} shows AppTrack's. */
@Service
@Command(scope = "apptrack", name = "offload",
        description = "Shows offload mode (sessions counted by flow rules on the switches): what it offloads and its"
                + " counters")
public class OffloadCommand implements Action {

    // Optional: without the offload component the command still answers, and says so.
    @Reference(optional = true)
    OffloadService offload;

    @Override
    public Object execute() {
        if (offload == null || !offload.available()) {
            System.out.println("Offload mode: unavailable (needs ONOS's flow rule, mastership and storage services);"
                    + " every session is counted in packet-in mode");
            return null;
        }
        System.out.println("Offload mode: " + (offload.enabled() ? "on" : "off (no offload.devices or offload.zones)"));
        line("Devices", offload.devices().isEmpty() ? "-" : String.join(", ", offload.devices()));
        line("Zones", offload.zones().isEmpty() ? "-" : String.join(", ", offload.zones()));
        line("Poll interval", offload.pollIntervalSeconds() + " s");
        OffloadCounters c = offload.counters();
        row("Sessions offloaded now", c.offloadedSessions());
        row("Rules read now", c.trackedRules());
        row("Directions offloaded", c.requests());
        row("Rules installed", c.rulesInstalled());
        row("Forwarding rules used", c.forwardingRulesUsed());
        row("Rules removed", c.rulesRemoved());
        row("Rules failed", c.rulesFailed());
        row("Directions without forwarding rule", c.noForwardingDecision());
        row("FIN/RST punts of offloaded sessions", c.endPunts());
        row("Polls", c.polls());
        row("Poll failures", c.pollFailures());
        row("Sessions taken over (mastership)", c.sessionsAdopted());
        row("Sessions handed over (mastership)", c.sessionsHandedOver());
        row("Work dropped (queue full)", c.workDropped());
        return null;
    }

    private static void line(String name, String value) {
        System.out.printf("%-36s %s%n", name, value);
    }

    private static void row(String name, long value) {
        System.out.printf("%-36s %,d%n", name, value);
    }
}
