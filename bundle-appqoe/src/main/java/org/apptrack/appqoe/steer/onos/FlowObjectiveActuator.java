package org.apptrack.appqoe.steer.onos;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apptrack.appqoe.steer.SteeredSession;
import org.apptrack.appqoe.steer.SteeringActuator;
import org.apptrack.appqoe.steer.SteeringException;
import org.apptrack.appqoe.steer.SteeringPath;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IpAddress;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.TpPort;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.flowobjective.DefaultForwardingObjective;
import org.onosproject.net.flowobjective.FlowObjectiveService;
import org.onosproject.net.flowobjective.ForwardingObjective;
import org.onosproject.net.flowobjective.Objective;
import org.onosproject.net.flowobjective.ObjectiveContext;
import org.onosproject.net.flowobjective.ObjectiveError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steering inside ONOS: per steered session a VERSATILE forwarding objective on the device of the
 * path's connect point, matching the session's client-to-server 5-tuple and sending it out of the
 * connect point's port.
 *
 * <p>Objectives are permanent and removed on release (and all of them on close): an idle timeout
 * would silently drop the steering of a session that is idle but alive (an SSH session, a paused
 * call) back to default forwarding, while AppQoE still believes it steered; releases come from
 * session ends, which AppTrack always reports (close or its own timeout).
 *
 * <p>A move is remove-then-add: a flow rule's id is made of device, selector and priority, not the
 * treatment, so adding the new objective first would let the removal of the old one delete the new
 * rule; ONOS queues objectives with the same device, selector and priority, so the two keep their
 * order. Results come back asynchronously; a failed objective is logged.
 */
public final class FlowObjectiveActuator implements SteeringActuator {

    public static final String NAME = "onos-flow-objective";

    private static final Logger log = LoggerFactory.getLogger(FlowObjectiveActuator.class);
    /** device/port with a URI device id (scheme:rest) and a numeric port: "of:0000000000000001/2". */
    private static final Pattern CONNECT_POINT = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*:[^/\\s]+)/(\\d{1,10})");

    private final FlowObjectiveService flowObjectives;
    private final ApplicationId appId;
    private final int priority;
    /** The prepared paths by name, with their egress. */
    private final Map<String, Egress> paths = new HashMap<>();
    /** The objective installed per session id. */
    private final Map<Long, Installed> installed = new HashMap<>();

    /**
     * @param flowObjectives ONOS's flow objective service
     * @param appId          the application the objectives belong to
     * @param priority       the objectives' priority, 0..65535; above the default forwarding's rules
     */
    public FlowObjectiveActuator(FlowObjectiveService flowObjectives, ApplicationId appId, int priority) {
        if (priority < 0 || priority > 0xffff) {
            throw new IllegalArgumentException("flow objective priority must be 0..65535, was " + priority);
        }
        this.flowObjectives = flowObjectives;
        this.appId = appId;
        this.priority = priority;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean steers() {
        return true;
    }

    /**
     * Checks that every path has a connect point of the form device/port and takes the set;
     * sessions on a path that is gone are released, those on a path whose egress changed are moved.
     */
    @Override
    public void preparePaths(List<SteeringPath> newPaths) throws SteeringException {
        Map<String, Egress> byName = new LinkedHashMap<>();
        for (SteeringPath p : newPaths) {
            if (byName.put(p.name(), egressOf(p)) != null) {
                throw new SteeringException(NAME + ": path name " + p.name() + " is used twice");
            }
        }
        for (Map.Entry<Long, Installed> e : List.copyOf(installed.entrySet())) {
            Installed old = e.getValue();
            Egress now = byName.get(old.pathName);
            if (now == null) {
                remove(old);
                installed.remove(e.getKey());
            } else if (!now.equals(old.egress)) {
                remove(old);
                installed.put(e.getKey(), add(old.session, old.pathName, now));
            }
        }
        paths.clear();
        paths.putAll(byName);
    }

    @Override
    public void steer(SteeredSession session, SteeringPath path) throws SteeringException {
        Egress egress = paths.get(path.name());
        if (egress == null) {
            throw new SteeringException(NAME + ": path " + path.name() + " is not prepared (prepared: "
                    + paths.keySet() + ")");
        }
        Installed old = installed.get(session.id());
        if (old != null) {
            if (old.egress.equals(egress) && old.session.equals(session)) {
                return;
            }
            remove(old);
        }
        installed.put(session.id(), add(session, path.name(), egress));
    }

    @Override
    public void release(SteeredSession session) {
        Installed old = installed.remove(session.id());
        if (old != null) {
            remove(old);
        }
    }

    @Override
    public void close() {
        installed.values().forEach(this::remove);
        installed.clear();
        paths.clear();
    }

    /** The number of sessions with an objective (diagnostics). */
    public int steeredSessions() {
        return installed.size();
    }

    /** The selector of a session: Ethernet type, IP protocol, addresses and, for TCP/UDP/SCTP, ports. */
    static TrafficSelector selector(SteeredSession s) {
        TrafficSelector.Builder b = DefaultTrafficSelector.builder();
        IpAddress client = IpAddress.valueOf(s.client());
        IpAddress server = IpAddress.valueOf(s.server());
        if (s.isIpv4()) {
            b.matchEthType(Ethernet.TYPE_IPV4).matchIPSrc(IpPrefix.valueOf(client, 32))
                    .matchIPDst(IpPrefix.valueOf(server, 32));
        } else {
            b.matchEthType(Ethernet.TYPE_IPV6).matchIPv6Src(IpPrefix.valueOf(client, 128))
                    .matchIPv6Dst(IpPrefix.valueOf(server, 128));
        }
        b.matchIPProtocol((byte) s.protocol());
        TpPort src = TpPort.tpPort(s.clientPort());
        TpPort dst = TpPort.tpPort(s.serverPort());
        switch (s.protocol()) {
            case SteeredSession.TCP:
                b.matchTcpSrc(src).matchTcpDst(dst);
                break;
            case SteeredSession.UDP:
                b.matchUdpSrc(src).matchUdpDst(dst);
                break;
            case SteeredSession.SCTP:
                b.matchSctpSrc(src).matchSctpDst(dst);
                break;
            default:
                // no port criteria in ONOS for the others (UDP-Lite): addresses and protocol
                break;
        }
        return b.build();
    }

    private Installed add(SteeredSession session, String pathName, Egress egress) {
        Installed i = new Installed(session, pathName, egress, selector(session),
                DefaultTrafficTreatment.builder().setOutput(egress.port).build());
        flowObjectives.forward(egress.device, builder(i).add(new Outcome("install", session, egress)));
        return i;
    }

    private void remove(Installed i) {
        flowObjectives.forward(i.egress.device, builder(i).remove(new Outcome("remove", i.session, i.egress)));
    }

    private DefaultForwardingObjective.Builder builder(Installed i) {
        return DefaultForwardingObjective.builder().withSelector(i.selector).withTreatment(i.treatment)
                .withFlag(ForwardingObjective.Flag.VERSATILE).fromApp(appId).withPriority(priority)
                .makePermanent();
    }

    private static Egress egressOf(SteeringPath p) throws SteeringException {
        String text = p.connectPoint();
        if (text == null) {
            throw new SteeringException(NAME + ": path " + p.name() + " has no connect point");
        }
        Matcher m = CONNECT_POINT.matcher(text.trim());
        long port = m.matches() ? Long.parseLong(m.group(2)) : -1;
        if (port < 0 || port > 0xffff_ffffL) {
            throw new SteeringException(NAME + ": path " + p.name() + ": connect point '" + text
                    + "' is not of the form device/port, e.g. of:0000000000000001/2");
        }
        ConnectPoint cp = new ConnectPoint(DeviceId.deviceId(m.group(1)), PortNumber.portNumber(port));
        return new Egress(cp.deviceId(), cp.port());
    }

    /** Where a path leaves: device and output port. */
    private static final class Egress {
        final DeviceId device;
        final PortNumber port;

        Egress(DeviceId device, PortNumber port) {
            this.device = device;
            this.port = port;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Egress && ((Egress) o).device.equals(device) && ((Egress) o).port.equals(port);
        }

        @Override
        public int hashCode() {
            return device.hashCode() * 31 + port.hashCode();
        }

        @Override
        public String toString() {
            return device + "/" + port;
        }
    }

    /** What was installed for a session, enough to remove it again. */
    private static final class Installed {
        final SteeredSession session;
        final String pathName;
        final Egress egress;
        final TrafficSelector selector;
        final TrafficTreatment treatment;

        Installed(SteeredSession session, String pathName, Egress egress, TrafficSelector selector,
                TrafficTreatment treatment) {
            this.session = session;
            this.pathName = pathName;
            this.egress = egress;
            this.selector = selector;
            this.treatment = treatment;
        }
    }

    /** Logs an objective that failed; success is the normal case and silent. */
    private static final class Outcome implements ObjectiveContext {
        private final String what;
        private final SteeredSession session;
        private final Egress egress;

        Outcome(String what, SteeredSession session, Egress egress) {
            this.what = what;
            this.session = session;
            this.egress = egress;
        }

        @Override
        public void onError(Objective objective, ObjectiveError error) {
            log.warn("Could not {} the steering of {} at {}: {}", what, session, egress, error);
        }
    }
}
