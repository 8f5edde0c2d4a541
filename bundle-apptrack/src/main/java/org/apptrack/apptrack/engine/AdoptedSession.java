package org.apptrack.apptrack.engine;

/**
 * What an engine needs to go on with a session that another engine created and logged
 * ({@link AppTrackEngine#adopt}): its key, identity, counts so far, zone pair, application and
 * TCP state. Built once per session taken over.
 */
public final class AdoptedSession {

    long clientHi;
    long clientLo;
    int clientPort;
    long serverHi;
    long serverLo;
    int serverPort;
    int protocol;
    int context;
    int sessionId;
    long startNanos;
    long clientPackets;
    long clientBytes;
    long serverPackets;
    long serverBytes;
    int policy;
    int application;
    int nestedApplication;
    int tcpState;
    int dscp;
    boolean clientToServerOutside;
    boolean serverToClientOutside;

    public AdoptedSession tuple(long cHi, long cLo, int cPort, long sHi, long sLo, int sPort, int ipProtocol,
                                int keyContext) {
        clientHi = cHi;
        clientLo = cLo;
        clientPort = cPort;
        serverHi = sHi;
        serverLo = sLo;
        serverPort = sPort;
        protocol = ipProtocol;
        context = keyContext;
        return this;
    }

    /** The session id (not 0) and start time it had. */
    public AdoptedSession identity(int id, long start) {
        sessionId = id;
        startNanos = start;
        return this;
    }

    /** Packets and bytes counted so far (not by the outside source that goes on counting). */
    public AdoptedSession counts(long cPackets, long cBytes, long sPackets, long sBytes) {
        clientPackets = cPackets;
        clientBytes = cBytes;
        serverPackets = sPackets;
        serverBytes = sBytes;
        return this;
    }

    /** Policy index under this engine's configuration, application ids in its catalog, TCP state, DSCP. */
    public AdoptedSession state(int policyIndex, int applicationId, int nestedApplicationId, int tcp, int dscpValue) {
        policy = policyIndex;
        application = applicationId;
        nestedApplication = nestedApplicationId;
        tcpState = tcp;
        dscp = dscpValue;
        return this;
    }

    /** The directions whose packets an outside source counts from now on. */
    public AdoptedSession countedOutside(boolean clientToServer, boolean serverToClient) {
        clientToServerOutside = clientToServer;
        serverToClientOutside = serverToClient;
        return this;
    }
}
