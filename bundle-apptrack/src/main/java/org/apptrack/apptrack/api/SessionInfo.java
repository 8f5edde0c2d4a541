package org.apptrack.apptrack.api;

/** A snapshot of one tracked session, as {@code apptrack:sessions} shows it. */
public final class SessionInfo {

    private final long sessionId;
    private final String clientAddress;
    private final int clientPort;
    private final String serverAddress;
    private final int serverPort;
    private final int protocol;
    private final String serviceName;
    private final String application;
    private final String sourceZone;
    private final String destinationZone;
    private final long packetsFromClient;
    private final long bytesFromClient;
    private final long packetsFromServer;
    private final long bytesFromServer;
    private final long startMillis;
    private final long lastSeenMillis;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public SessionInfo(long sessionId, String clientAddress, int clientPort, String serverAddress, int serverPort,
                       int protocol, String serviceName, String application, String sourceZone,
                       String destinationZone, long packetsFromClient, long bytesFromClient,
                       long packetsFromServer, long bytesFromServer, long startMillis, long lastSeenMillis) {
        this.sessionId = sessionId;
        this.clientAddress = clientAddress;
        this.clientPort = clientPort;
        this.serverAddress = serverAddress;
        this.serverPort = serverPort;
        this.protocol = protocol;
        this.serviceName = serviceName;
        this.application = application;
        this.sourceZone = sourceZone;
        this.destinationZone = destinationZone;
        this.packetsFromClient = packetsFromClient;
        this.bytesFromClient = bytesFromClient;
        this.packetsFromServer = packetsFromServer;
        this.bytesFromServer = bytesFromServer;
        this.startMillis = startMillis;
        this.lastSeenMillis = lastSeenMillis;
    }

    /** session-id-32 of the logs. */
    public long sessionId() {
        return sessionId;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public int clientPort() {
        return clientPort;
    }

    public String serverAddress() {
        return serverAddress;
    }

    public int serverPort() {
        return serverPort;
    }

    public int protocol() {
        return protocol;
    }

    public String serviceName() {
        return serviceName;
    }

    public String application() {
        return application;
    }

    public String sourceZone() {
        return sourceZone;
    }

    public String destinationZone() {
        return destinationZone;
    }

    public long packetsFromClient() {
        return packetsFromClient;
    }

    public long bytesFromClient() {
        return bytesFromClient;
    }

    public long packetsFromServer() {
        return packetsFromServer;
    }

    public long bytesFromServer() {
        return bytesFromServer;
    }

    public long startMillis() {
        return startMillis;
    }

    public long lastSeenMillis() {
        return lastSeenMillis;
    }
}
