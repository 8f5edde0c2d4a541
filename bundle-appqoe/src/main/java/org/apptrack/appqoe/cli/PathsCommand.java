package org.apptrack.appqoe.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.PeriodFigures;
import org.apptrack.appqoe.api.SlaState;

/**
 * The paths of each destination group with the figures of their last sampling period, their SLA
 * state per rule and the applications on them, as {@code show security advance-policy-based-routing
 * destination-path-group}.
 */
@Service
@Command(scope = "appqoe", name = "paths", description = "Shows each path of the destination groups: metrics, SLA state, applications on it")
public class PathsCommand extends AppQoeCommand {

    @Argument(index = 0, name = "group", description = "Only this destination path group", required = false)
    @Completion(GroupNameCompleter.class)
    String group;

    @Override
    public Object execute() {
        List<PathStatus> paths = appQoe.paths();
        Map<String, List<PathStatus>> byGroup = new LinkedHashMap<>();
        for (PathStatus p : paths) {
            if (group == null || group.equals(p.group())) {
                byGroup.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
            }
        }
        if (group != null && byGroup.isEmpty()) {
            throw new IllegalArgumentException("No destination path group " + group + " (groups: "
                    + paths.stream().map(PathStatus::group).distinct().collect(Collectors.joining(", ")) + ")");
        }
        printState(System.out);
        List<ApplicationPath> applications = appQoe.applications();
        for (Map.Entry<String, List<PathStatus>> g : byGroup.entrySet()) {
            System.out.println("Destination path group " + g.getKey());
            ShellTable table = new ShellTable();
            table.column("Path");
            table.column("Interface");
            table.column("Link tag");
            table.column("Priority").alignRight();
            table.column("Weight").alignRight();
            table.column("RTT ms").alignRight();
            table.column("RTT p95 ms").alignRight();
            table.column("Jitter ms 2-way/in/out").alignRight();
            table.column("Loss %").alignRight();
            table.column("SLA");
            table.column("Applications");
            for (PathStatus p : g.getValue()) {
                PeriodFigures f = p.lastPeriod();
                table.addRow().addContent(p.path(), p.interfaceName(), ConsoleFigures.text(p.linkTag()), p.priority(),
                        p.weight(), ConsoleFigures.millis(f.rttMeanMicros()), ConsoleFigures.millis(f.rttP95Micros()),
                        ConsoleFigures.millis(f.twoWayJitterMicros()) + "/" + ConsoleFigures.millis(f.ingressJitterMicros())
                                + "/" + ConsoleFigures.millis(f.egressJitterMicros()),
                        ConsoleFigures.percent(f.lossPercent()), sla(p.sla()), applicationsOn(p, applications));
            }
            table.print(System.out);
        }
        return null;
    }

    /** "rule1: met, rule2: violated(rtt,loss)". */
    private static String sla(List<SlaState> states) {
        if (states.isEmpty()) {
            return ConsoleFigures.NONE;
        }
        return states.stream().map(s -> s.slaRule() + ": " + state(s)).collect(Collectors.joining(", "));
    }

    /** met, dead, or violated with the metrics that violate it. */
    static String state(SlaState s) {
        return s.met() || s.dead() || s.violations().isEmpty() ? s.state()
                : s.state() + "(" + String.join(",", s.violations()) + ")";
    }

    private static String applicationsOn(PathStatus p, List<ApplicationPath> applications) {
        String names = applications.stream()
                .filter(a -> a.group().equals(p.group()) && a.activePath().equals(p.path()))
                .map(ApplicationPath::application).distinct().collect(Collectors.joining(", "));
        return ConsoleFigures.text(names);
    }
}
