package org.apptrack.web.appqoe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathHistory;
import org.apptrack.appqoe.api.PathHistoryService;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.PathSwitch;
import org.apptrack.appqoe.api.PeriodFigures;
import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.api.SlaState;
import org.apptrack.appqoe.api.SlaTargets;
import org.apptrack.web.json.Json;
import org.apptrack.web.resource.ServiceResource;

/** The JSON bodies of {@link AppQoeResource}, from the AppQoE service's snapshots. */
final class AppQoeJson {

    private AppQoeJson() {
    }

    private static AppQoeService service(ServiceResource resource) {
        return resource.get(AppQoeService.class);
    }

    static ObjectNode paths(ServiceResource resource) {
        AppQoeService service = service(resource);
        ObjectNode body = Json.object();
        body.put("enabled", service.enabled());
        body.put("actuator", service.actuator());
        body.put("steering", service.steering());
        text(body, "actuatorError", service.actuatorError());
        text(body, "configurationError", service.configurationError());
        List<ApplicationPath> applications = service.applications();
        ArrayNode array = body.putArray("paths");
        for (PathStatus p : service.paths()) {
            ObjectNode n = array.addObject();
            n.put("group", p.group());
            n.put("path", p.path());
            n.put("interface", p.interfaceName());
            text(n, "linkTag", p.linkTag());
            n.put("priority", p.priority());
            n.put("weight", p.weight());
            period(n.putObject("lastPeriod"), p.lastPeriod());
            ArrayNode sla = n.putArray("sla");
            for (SlaState s : p.sla()) {
                ObjectNode r = sla.addObject();
                r.put("slaRule", s.slaRule());
                r.put("metricsProfile", s.metricsProfile());
                sla(r, s);
            }
            ArrayNode on = n.putArray("applications");
            for (ApplicationPath a : applications) {
                if (a.group().equals(p.group()) && a.activePath().equals(p.path())) {
                    ObjectNode r = on.addObject();
                    r.put("profile", a.profile());
                    r.put("rule", a.rule());
                    r.put("application", a.application());
                }
            }
        }
        return body;
    }

    static ObjectNode sla(ServiceResource resource) {
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("sla");
        for (PathStatus p : service(resource).paths()) {
            for (SlaState s : p.sla()) {
                ObjectNode n = array.addObject();
                n.put("group", p.group());
                n.put("path", p.path());
                n.put("slaRule", s.slaRule());
                n.put("metricsProfile", s.metricsProfile());
                sla(n, s);
            }
        }
        return body;
    }

    static ObjectNode applications(ServiceResource resource) {
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("applications");
        for (ApplicationPath a : service(resource).applications()) {
            ObjectNode n = array.addObject();
            n.put("profile", a.profile());
            n.put("rule", a.rule());
            n.put("application", a.application());
            n.put("group", a.group());
            n.put("slaRule", a.slaRule());
            text(n, "activePath", a.activePath());
            text(n, "activeInterface", a.activeInterface());
            n.put("sessions", a.sessions());
            n.put("steeredSessions", a.steeredSessions());
            text(n, "lastReason", a.lastReason());
            millis(n, "lastSwitchMillis", a.lastSwitchMillis());
        }
        return body;
    }

    static ObjectNode probes(ServiceResource resource) {
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("probes");
        for (ProbeStatus p : service(resource).probes()) {
            ObjectNode n = array.addObject();
            n.put("group", p.group());
            n.put("path", p.path());
            n.put("probeParams", p.probeParams());
            n.put("type", p.type());
            n.put("source", p.source());
            n.put("target", p.target());
            n.put("dscp", p.dscp());
            n.put("sent", p.sent());
            n.put("answered", p.answered());
            n.put("lost", p.lost());
            long resolved = p.answered() + p.lost();
            if (resolved > 0) {
                n.put("lossPercent", 100.0 * p.lost() / resolved);
            } else {
                n.putNull("lossPercent");
            }
            text(n, "error", p.error());
        }
        return body;
    }

    static ObjectNode switches(ServiceResource resource, int limit) {
        ObjectNode body = Json.object();
        body.put("limit", limit);
        ArrayNode array = body.putArray("switches");
        for (PathSwitch s : service(resource).switches(limit)) {
            ObjectNode n = array.addObject();
            n.put("timeMillis", s.timeMillis());
            n.put("profile", s.profile());
            n.put("rule", s.rule());
            n.put("application", s.application());
            n.put("group", s.group());
            text(n, "previousPath", s.previousPath());
            text(n, "path", s.path());
            n.put("reason", s.reason());
            n.put("sessions", s.sessions());
        }
        return body;
    }

    /**
     * The paths' points over the window ({@code 5m} or {@code 1h}): {@code [timeMillis,
     * rttMeanMicros, rttP95Micros, twoWayJitterMicros, ingressJitterMicros, egressJitterMicros,
     * lossPercent, state]}, oldest first, null for what was not measured.
     */
    static ObjectNode history(ServiceResource resource, String group, String window) {
        PathHistoryService.Window w = "1h".equals(window) ? PathHistoryService.Window.ONE_HOUR
                : PathHistoryService.Window.FIVE_MINUTES;
        ObjectNode body = Json.object();
        body.put("window", window);
        ArrayNode array = body.putArray("paths");
        for (PathHistory h : resource.get(PathHistoryService.class).history(group, w)) {
            ObjectNode n = array.addObject();
            n.put("group", h.group());
            n.put("path", h.path());
            n.put("interface", h.interfaceName());
            targets(n, h.targets());
            ArrayNode points = n.putArray("points");
            for (int i = 0; i < h.size(); i++) {
                ArrayNode p = points.addArray();
                p.add(h.timeMillis(i));
                micros(p, h.rttMeanMicros(i));
                micros(p, h.rttP95Micros(i));
                micros(p, h.twoWayJitterMicros(i));
                micros(p, h.ingressJitterMicros(i));
                micros(p, h.egressJitterMicros(i));
                if (h.lossPercent(i) < 0) {
                    p.addNull();
                } else {
                    p.add(h.lossPercent(i));
                }
                if (h.state(i) == null) {
                    p.addNull();
                } else {
                    p.add(h.state(i));
                }
            }
        }
        return body;
    }

    /** state (met, violated, dead), the violated metrics by name and as the logs' bitmask, since when, the targets. */
    private static void sla(ObjectNode n, SlaState s) {
        n.put("state", s.state());
        s.violations().forEach(n.putArray("violations")::add);
        n.put("violationReason", s.violationReason());
        millis(n, "violationSinceMillis", s.met() ? 0 : s.violationSinceMillis());
        targets(n, s.targets());
    }

    /** The metrics profile's targets, each null when the profile leaves it out; null when unknown. */
    private static void targets(ObjectNode n, SlaTargets t) {
        if (t == null) {
            n.putNull("targets");
            return;
        }
        ObjectNode o = n.putObject("targets");
        if (t.rttMicros() > 0) {
            o.put("rttMicros", t.rttMicros());
        } else {
            o.putNull("rttMicros");
        }
        if (t.jitterMicros() > 0) {
            o.put("jitterMicros", t.jitterMicros());
        } else {
            o.putNull("jitterMicros");
        }
        o.put("jitterType", t.jitterType());
        if (t.lossPercent() > 0) {
            o.put("lossPercent", t.lossPercent());
        } else {
            o.putNull("lossPercent");
        }
        o.put("match", t.match());
    }

    private static void period(ObjectNode n, PeriodFigures f) {
        micros(n, "rttMeanMicros", f.rttMeanMicros());
        micros(n, "rttP95Micros", f.rttP95Micros());
        micros(n, "twoWayJitterMicros", f.twoWayJitterMicros());
        micros(n, "ingressJitterMicros", f.ingressJitterMicros());
        micros(n, "egressJitterMicros", f.egressJitterMicros());
        n.put("answered", f.answered());
        n.put("lost", f.lost());
        if (f.lossPercent() < 0) {
            n.putNull("lossPercent");
        } else {
            n.put("lossPercent", f.lossPercent());
        }
    }

    private static void micros(ObjectNode n, String field, long micros) {
        if (micros == PeriodFigures.NOT_MEASURED || micros < 0) {
            n.putNull(field);
        } else {
            n.put(field, micros);
        }
    }

    private static void micros(ArrayNode a, long micros) {
        if (micros == PeriodFigures.NOT_MEASURED || micros < 0) {
            a.addNull();
        } else {
            a.add(micros);
        }
    }

    private static void millis(ObjectNode n, String field, long millis) {
        if (millis <= 0) {
            n.putNull(field);
        } else {
            n.put(field, millis);
        }
    }

    private static void text(ObjectNode n, String field, String text) {
        if (text == null || text.isEmpty()) {
            n.putNull(field);
        } else {
            n.put(field, text);
        }
    }
}
