package org.apptrack.apptrack.api;

/** A snapshot of one tracked session, as {@code apptrack:sessions} shows it; build with {@link #builder()}. */
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
    private final String policyName;
    private final String logicalSystem;
    private final String username;
    private final String roles;
    private final long packetsFromClient;
    private final long bytesFromClient;
    private final long packetsFromServer;
    private final long bytesFromServer;
    private final long startMillis;
    private final long lastSeenMillis;
    private final long parentSessionId;

    private SessionInfo(Builder b) {
        this.sessionId = b.sessionId;
        this.clientAddress = b.clientAddress;
        this.clientPort = b.clientPort;
        this.serverAddress = b.serverAddress;
        this.serverPort = b.serverPort;
        this.protocol = b.protocol;
        this.serviceName = b.serviceName;
        this.application = b.application;
        this.sourceZone = b.sourceZone;
        this.destinationZone = b.destinationZone;
        this.policyName = b.policyName;
        this.logicalSystem = b.logicalSystem;
        this.username = b.username;
        this.roles = b.roles;
        this.packetsFromClient = b.packetsFromClient;
        this.bytesFromClient = b.bytesFromClient;
        this.packetsFromServer = b.packetsFromServer;
        this.bytesFromServer = b.bytesFromServer;
        this.startMillis = b.startMillis;
        this.lastSeenMillis = b.lastSeenMillis;
        this.parentSessionId = b.parentSessionId;
    }

    public static Builder builder() {
        return new Builder();
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

    public String policyName() {
        return policyName;
    }

    /** {@code root-logical-system} for the root. */
    public String logicalSystem() {
        return logicalSystem;
    }

    /** As logged: a name, {@code N/A} or {@code unauthenticated user}. */
    public String username() {
        return username;
    }

    /** As logged: comma-separated roles or {@code N/A}. */
    public String roles() {
        return roles;
    }

    public long packetsFromClient() {
        return packetsFromClient;
    }

    /** Layer-3 bytes. */
    public long bytesFromClient() {
        return bytesFromClient;
    }

    public long packetsFromServer() {
        return packetsFromServer;
    }

    /** Layer-3 bytes. */
    public long bytesFromServer() {
        return bytesFromServer;
    }

    public long startMillis() {
        return startMillis;
    }

    public long lastSeenMillis() {
        return lastSeenMillis;
    }

    /** Session id of the session this one was linked under (FTP data under FTP control), 0 when none. */
    public long parentSessionId() {
        return parentSessionId;
    }

    /** Collects the fields of a {@link SessionInfo}. */
    public static final class Builder {
        private long sessionId;
        private String clientAddress;
        private int clientPort;
        private String serverAddress;
        private int serverPort;
        private int protocol;
        private String serviceName;
        private String application;
        private String sourceZone;
        private String destinationZone;
        private String policyName;
        private String logicalSystem;
        private String username;
        private String roles;
        private long packetsFromClient;
        private long bytesFromClient;
        private long packetsFromServer;
        private long bytesFromServer;
        private long startMillis;
        private long lastSeenMillis;
        private long parentSessionId;

        public Builder sessionId(long value) {
            this.sessionId = value;
            return this;
        }

        public Builder clientAddress(String value) {
            this.clientAddress = value;
            return this;
        }

        public Builder clientPort(int value) {
            this.clientPort = value;
            return this;
        }

        public Builder serverAddress(String value) {
            this.serverAddress = value;
            return this;
        }

        public Builder serverPort(int value) {
            this.serverPort = value;
            return this;
        }

        public Builder protocol(int value) {
            this.protocol = value;
            return this;
        }

        public Builder serviceName(String value) {
            this.serviceName = value;
            return this;
        }

        public Builder application(String value) {
            this.application = value;
            return this;
        }

        public Builder sourceZone(String value) {
            this.sourceZone = value;
            return this;
        }

        public Builder destinationZone(String value) {
            this.destinationZone = value;
            return this;
        }

        public Builder policyName(String value) {
            this.policyName = value;
            return this;
        }

        public Builder logicalSystem(String value) {
            this.logicalSystem = value;
            return this;
        }

        public Builder username(String value) {
            this.username = value;
            return this;
        }

        public Builder roles(String value) {
            this.roles = value;
            return this;
        }

        public Builder packetsFromClient(long value) {
            this.packetsFromClient = value;
            return this;
        }

        public Builder bytesFromClient(long value) {
            this.bytesFromClient = value;
            return this;
        }

        public Builder packetsFromServer(long value) {
            this.packetsFromServer = value;
            return this;
        }

        public Builder bytesFromServer(long value) {
            this.bytesFromServer = value;
            return this;
        }

        public Builder startMillis(long value) {
            this.startMillis = value;
            return this;
        }

        public Builder lastSeenMillis(long value) {
            this.lastSeenMillis = value;
            return this;
        }

        public Builder parentSessionId(long value) {
            this.parentSessionId = value;
            return this;
        }

        public SessionInfo build() {
            return new SessionInfo(this);
        }
    }
}
