package org.apptrack.appqoe.lab;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.apptrack.embed.EmbeddedAppTrack;
import org.apptrack.appqoe.embed.EmbeddedAppQoe;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.capture.onos.CapturePacketService;
import org.apptrack.capture.source.CaptureClock;
import org.apptrack.capture.source.CaptureManager;
import org.apptrack.syslog.testing.RecordingSecurityLog;
import org.onosproject.net.packet.PacketProcessor;

/**
 * The product's chain in the lab's branch, as the distribution wires it but without OSGi: a live
 * capture of the LAN interface (libpcap) feeds AppTrack, whose session events go to AppQoE,
 * whose route changes go back to AppTrack; AppQoE probes the three uplinks with STAMP through the
 * site's delaying forwarders and steers with the Linux actuator (nft marks + ip rules in the
 * branch). A long-running HTTP session from the LAN client to the site's server is the
 * application; {@link NetnsLab#applicationTraffic} shows which uplink it really takes.
 */
final class AppQoeLab implements AutoCloseable {

    static final long SPACING_MILLIS = 100;
    static final int VIOLATION_COUNT = 3;
    static final long LOSS_TIMEOUT_MILLIS = 1000;
    static final long RTT_TARGET_MICROS = 50_000;
    static final int SAMPLING_PERIOD_SECONDS = 5;

    /** Site: an HTTP server on 10.62.0.1:80 that answers a GET with a response that never ends, a line every 50 ms. */
    private static final String SERVER = String.join("\n",
            "import socket, threading, time",
            "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
            "s.bind(('" + NetnsLab.APP_SERVER + "', 80)); s.listen(16)",
            "def drain(c):",
            "    try:",
            "        while c.recv(65536): pass",
            "    except OSError: pass",
            "def serve(c):",
            "    try:",
            "        c.recv(65536)",
            "        c.sendall(b'HTTP/1.1 200 OK\\r\\nServer: lab\\r\\nContent-Type: text/plain\\r\\n\\r\\n')",
            "        threading.Thread(target=drain, args=(c,), daemon=True).start()",
            "        while True:",
            "            c.sendall(b'tick\\n'); time.sleep(0.05)",
            "    except OSError: c.close()",
            "while True:",
            "    c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()");
    /** LAN: one HTTP GET, then reads the endless response and sends a line every 50 ms (so both directions flow). */
    private static final String CLIENT = String.join("\n",
            "import socket, time",
            "c = socket.create_connection(('" + NetnsLab.APP_SERVER + "', 80))",
            "c.sendall(b'GET /stream HTTP/1.1\\r\\nHost: " + NetnsLab.APP_SERVER
                    + "\\r\\nUser-Agent: curl/7.88.1\\r\\nAccept: */*\\r\\n\\r\\n')",
            "c.settimeout(0.05)",
            "while True:",
            "    try:",
            "        c.recv(65536)",
            "    except socket.timeout: pass",
            "    c.sendall(b'x\\n')");

    final NetnsLab lab;
    /** What the product logs, as a SIEM would receive it, with arrival times. */
    final TimedLogRecords log = new TimedLogRecords();
    private final RecordingSecurityLog securityLog = new RecordingSecurityLog();
    final List<AppTrackSessionEvent> sessionEvents = new CopyOnWriteArrayList<>();
    private final CapturePacketService packets = new CapturePacketService();
    private final CaptureManager capture = new CaptureManager();
    private final EmbeddedAppTrack appTrack;
    private EmbeddedAppQoe appQoe;
    private Process flow;

    private AppQoeLab(NetnsLab lab) {
        this.lab = lab;
        securityLog.addListener(log);
        appTrack = EmbeddedAppTrack.create(securityLog, appTrackConfiguration(), Clock.SYSTEM);
        appTrack.addListener(sessionEvents::add);
    }

    /** Builds the lab, the server and the chain (AppQoE disabled until {@link #configure}). */
    static AppQoeLab start() throws IOException {
        NetnsLab.requirePrerequisites();
        NetnsLab lab = NetnsLab.create();
        AppQoeLab a = null;
        try {
            for (int k = 1; k <= NetnsLab.UPLINK_COUNT; k++) {
                lab.delay(k, 1_000);
            }
            a = new AppQoeLab(lab);
            a.startChain();
            lab.startInSite("python3", "-c", SERVER);
            return a;
        } catch (IOException | RuntimeException e) {
            if (a != null) {
                a.close();
            } else {
                lab.close();
            }
            throw e;
        }
    }

    private void startChain() throws IOException {
        appQoe = EmbeddedAppQoe.create(securityLog, appTrack::updateRoute, Map.of("enabled", "false"));
        appTrack.addListener(appQoe.sessionListener());
        capture.bind(packets, new CaptureClock());
        packets.addProcessor(appTrack.processor(), PacketProcessor.observer(1));
        capture.apply(Map.of("source", "live", "interfaces", NetnsLab.LAN_INTERFACE, "filter", "tcp port 80"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<CaptureSourceStatus> sources = capture.sources();
            CaptureSourceStatus live = sources.isEmpty() ? null : sources.get(0);
            if (live != null && live.state() == CaptureSourceStatus.State.RUNNING) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("live capture of " + NetnsLab.LAN_INTERFACE + " did not start: "
                        + (live == null ? "no source" : live.state() + " " + live.error()));
            }
            org.apptrack.testsupport.process.Commands.sleep(100);
        }
    }

    /**
     * Applies an AppQoE configuration (the previous one's steering removed) and starts a new HTTP
     * session from the LAN, which AppTrack identifies and AppQoE then places.
     */
    void configure(Map<String, Object> properties) throws IOException {
        stopFlow();
        String error = appQoe.apply(properties);
        if (!error.isEmpty()) {
            throw new IllegalArgumentException(error);
        }
        flow = lab.startInLan("python3", "-c", CLIENT);
    }

    void stopFlow() {
        if (flow != null) {
            flow.destroyForcibly();
            flow = null;
        }
    }

    EmbeddedAppQoe appQoe() {
        return appQoe;
    }

    /**
     * AppQoE's configuration: group {@code wan} with ISP1..ISP3 on up1..up3 (priorities 10, 20,
     * 30), STAMP every 100 ms with a 1 s loss timeout, an RTT target of 50 ms judged with a
     * violation count of 3 in 5 s periods, rule {@code web} steering HTTP from zone trust, the
     * Linux actuator moving existing sessions.
     */
    static Map<String, Object> configuration(String preferredLinkTag, String affinity, Duration switchIdleTime,
            int recoveryPeriods) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("enabled", "true");
        p.put("pathGroup.wan.routingInstance", "default");
        for (int k = 1; k <= NetnsLab.UPLINK_COUNT; k++) {
            String path = "pathGroup.wan.path.ISP" + k + ".";
            p.put(path + "interface", "up" + k);
            p.put(path + "linkTag", "ISP" + k);
            p.put(path + "priority", Integer.toString(10 * k));
            p.put(path + "sourceAddress", "10.61." + k + ".1");
            p.put(path + "reflector", "10.61." + k + ".2:" + Uplink.STAMP_PORT);
            p.put(path + "gateway", "10.61." + k + ".2");
        }
        p.put("activeProbe.lab.type", "stamp");
        p.put("activeProbe.lab.interval", SPACING_MILLIS + "ms");
        p.put("activeProbe.lab.dscp", "ef");
        p.put("activeProbe.lab.lossTimeout", LOSS_TIMEOUT_MILLIS + "ms");
        p.put("activeProbe.lab.slaExportInterval", "1s");
        p.put("metricsProfile.lab.rtt", Long.toString(RTT_TARGET_MICROS));
        p.put("slaRule.lab.metricsProfile", "lab");
        p.put("slaRule.lab.activeProbeParams", "lab");
        p.put("slaRule.lab.passive.samplingPeriod", SAMPLING_PERIOD_SECONDS + "s");
        p.put("slaRule.lab.passive.violationCount", Integer.toString(VIOLATION_COUNT));
        p.put("slaRule.lab.switchIdleTime", switchIdleTime.toMillis() + "ms");
        p.put("slaRule.lab.recoveryPeriods", Integer.toString(recoveryPeriods));
        p.put("apbrProfile.lan.zone", "trust");
        p.put("apbrProfile.lan.rule.web.application", "HTTP");
        p.put("apbrProfile.lan.rule.web.destinationGroup", "wan");
        p.put("apbrProfile.lan.rule.web.slaRule", "lab");
        if (preferredLinkTag != null) {
            p.put("apbrProfile.lan.rule.web.preferredLinkTag", preferredLinkTag);
            p.put("apbrProfile.lan.rule.web.affinity", affinity);
        }
        p.put("steering.actuator", "linux");
        p.put("steering.existingSessions", "move");
        return p;
    }

    /** AppTrack: the LAN is zone trust, the rest untrust; application identification on. */
    private static Map<String, Object> appTrackConfiguration() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("zone.trust.prefixes", "10.60.0.0/24");
        p.put("zone.trust.applicationTracking", "true");
        p.put("zone.untrust.prefixes", "0.0.0.0/0");
        p.put("zone.untrust.applicationTracking", "true");
        p.put("policy.trust.untrust", "apptrack-observe");
        p.put("applicationIdentification", "true");
        return p;
    }

    /** Application packets that reached the site over each uplink (index 1..3) since the lab was built. */
    long[] applicationPacketsToSite() throws IOException {
        long[] n = new long[NetnsLab.UPLINK_COUNT + 1];
        for (int k = 1; k <= NetnsLab.UPLINK_COUNT; k++) {
            n[k] = lab.applicationTraffic(k).toSitePackets();
        }
        return n;
    }

    /** Application packets per uplink during the next {@code window}. */
    long[] applicationPacketsDuring(Duration window) throws IOException {
        long[] before = applicationPacketsToSite();
        org.apptrack.testsupport.process.Commands.sleep(window.toMillis());
        long[] after = applicationPacketsToSite();
        for (int k = 1; k < after.length; k++) {
            after[k] -= before[k];
        }
        return after;
    }

    @Override
    public void close() {
        stopFlow();
        try {
            capture.apply(Map.of("source", "none"));
        } catch (RuntimeException e) {
            // closing anyway
        }
        if (appQoe != null) {
            appQoe.close();
        }
        lab.close();
    }
}
