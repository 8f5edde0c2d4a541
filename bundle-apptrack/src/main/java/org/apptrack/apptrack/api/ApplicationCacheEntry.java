package org.apptrack.apptrack.api;

/**
 * One entry of the application system cache ({@code show services application-identification
 * application-system-cache}): a server and the application identified there.
 */
public final class ApplicationCacheEntry {

    private final String serverAddress;
    private final int serverPort;
    private final int protocol;
    private final String application;
    private final String nestedApplication;
    private final long secondsLeft;

    public ApplicationCacheEntry(String serverAddress, int serverPort, int protocol, String application,
                                 String nestedApplication, long secondsLeft) {
        this.serverAddress = serverAddress;
        this.serverPort = serverPort;
        this.protocol = protocol;
        this.application = application;
        this.nestedApplication = nestedApplication;
        this.secondsLeft = secondsLeft;
    }

    public String serverAddress() {
        return serverAddress;
    }

    public int serverPort() {
        return serverPort;
    }

    /** The IP protocol number. */
    public int protocol() {
        return protocol;
    }

    public String application() {
        return application;
    }

    public String nestedApplication() {
        return nestedApplication;
    }

    /** Seconds until the entry stops naming new sessions. */
    public long secondsLeft() {
        return secondsLeft;
    }
}
