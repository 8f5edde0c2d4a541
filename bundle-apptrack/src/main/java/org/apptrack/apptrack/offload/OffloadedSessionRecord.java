package org.apptrack.apptrack.offload;

import java.util.Objects;

/**
 * What another node needs to go on with an offloaded session when its device's mastership moves
 * there ({@link OffloadManager}): the session's key, identity, the counts seen before its rule
 * counted, zones, application, TCP state. Kept in a cluster-wide map by flow rule id, one per
 * rule, written when the rule is installed and removed when the session closes.
 *
 * <p>Not in the rule's cookie: 64 bits cannot hold the start time, the id, the counts seen before
 * offload, and the names of zones and applications; the map also survives the node that wrote it.
 */
public final class OffloadedSessionRecord {

    private String device;
    private long inPort;
    private int priority;
    private boolean clientToServer;
    private boolean ours;
    private int sessionId;
    private long startNanos;
    private long clientHi;
    private long clientLo;
    private int clientPort;
    private long serverHi;
    private long serverLo;
    private int serverPort;
    private int protocol;
    private int context;
    private String sourceZone;
    private String destinationZone;
    private String application;
    private String nestedApplication;
    private int tcpState;
    private int dscp;
    private long clientPackets;
    private long clientBytes;
    private long serverPackets;
    private long serverBytes;

    /** For the cluster's serializer. */
    private OffloadedSessionRecord() {
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    OffloadedSessionRecord(String device, long inPort, int priority, boolean clientToServer, boolean ours, int sessionId, long startNanos,
                           long[] tuple, int context, String sourceZone, String destinationZone, String application,
                           String nestedApplication, int tcpState, int dscp, long[] counts) {
        this.device = device;
        this.inPort = inPort;
        this.priority = priority;
        this.clientToServer = clientToServer;
        this.ours = ours;
        this.sessionId = sessionId;
        this.startNanos = startNanos;
        this.clientHi = tuple[0];
        this.clientLo = tuple[1];
        this.clientPort = (int) tuple[2];
        this.serverHi = tuple[3];
        this.serverLo = tuple[4];
        this.serverPort = (int) tuple[5];
        this.protocol = (int) tuple[6];
        this.context = context;
        this.sourceZone = sourceZone;
        this.destinationZone = destinationZone;
        this.application = application;
        this.nestedApplication = nestedApplication;
        this.tcpState = tcpState;
        this.dscp = dscp;
        this.clientPackets = counts[0];
        this.clientBytes = counts[1];
        this.serverPackets = counts[2];
        this.serverBytes = counts[3];
    }

    public String device() {
        return device;
    }

    /** The port the direction's packets come in on (its rule's in_port). */
    public long inPort() {
        return inPort;
    }

    /** The rule's priority. */
    public int priority() {
        return priority;
    }

    public boolean clientToServer() {
        return clientToServer;
    }

    /** Whether AppTrack installed the rule (else it is the forwarding's own 5-tuple rule). */
    public boolean ours() {
        return ours;
    }

    public int sessionId() {
        return sessionId;
    }

    public long startNanos() {
        return startNanos;
    }

    public long clientHi() {
        return clientHi;
    }

    public long clientLo() {
        return clientLo;
    }

    public int clientPort() {
        return clientPort;
    }

    public long serverHi() {
        return serverHi;
    }

    public long serverLo() {
        return serverLo;
    }

    public int serverPort() {
        return serverPort;
    }

    public int protocol() {
        return protocol;
    }

    public int context() {
        return context;
    }

    public String sourceZone() {
        return sourceZone;
    }

    public String destinationZone() {
        return destinationZone;
    }

    public String application() {
        return application;
    }

    public String nestedApplication() {
        return nestedApplication;
    }

    public int tcpState() {
        return tcpState;
    }

    public int dscp() {
        return dscp;
    }

    public long clientPackets() {
        return clientPackets;
    }

    public long clientBytes() {
        return clientBytes;
    }

    public long serverPackets() {
        return serverPackets;
    }

    public long serverBytes() {
        return serverBytes;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OffloadedSessionRecord)) {
            return false;
        }
        OffloadedSessionRecord r = (OffloadedSessionRecord) o;
        return sessionId == r.sessionId && startNanos == r.startNanos && clientToServer == r.clientToServer
                && clientLo == r.clientLo && serverLo == r.serverLo && clientPort == r.clientPort
                && serverPort == r.serverPort && Objects.equals(device, r.device);
    }

    @Override
    public int hashCode() {
        return Objects.hash(device, sessionId, startNanos, clientToServer);
    }

    @Override
    public String toString() {
        return "session " + sessionId + " on " + device + (clientToServer ? " c2s" : " s2c") + " " + application;
    }
}
