package org.apptrack.appqoe.steer;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A session as the actuators see it: the AppTrack session id, the IP protocol and the
 * client-to-server 5-tuple as seen on the LAN side (before any NAT), IPv4 or IPv6, and the
 * application it was identified as. Ports are 0 for protocols without ports.
 */
public final class SteeredSession {

    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int SCTP = 132;
    public static final int UDPLITE = 136;

    private final long id;
    private final int protocol;
    private final InetAddress client;
    private final int clientPort;
    private final InetAddress server;
    private final int serverPort;
    private final String application;

    public SteeredSession(long id, int protocol, InetAddress client, int clientPort, InetAddress server,
            int serverPort, String application) {
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("session " + id + ": IP protocol must be 0..255, was " + protocol);
        }
        if (client == null || server == null) {
            throw new IllegalArgumentException("session " + id + ": client and server address are required");
        }
        if ((client instanceof Inet4Address) != (server instanceof Inet4Address)) {
            throw new IllegalArgumentException("session " + id + ": client " + client.getHostAddress()
                    + " and server " + server.getHostAddress() + " are not of the same IP version");
        }
        checkPort(id, "client port", clientPort);
        checkPort(id, "server port", serverPort);
        if (!hasPorts(protocol) && (clientPort != 0 || serverPort != 0)) {
            throw new IllegalArgumentException("session " + id + ": IP protocol " + protocol
                    + " has no ports, ports must be 0");
        }
        this.id = id;
        this.protocol = protocol;
        this.client = client;
        this.clientPort = clientPort;
        this.server = server;
        this.serverPort = serverPort;
        this.application = application == null ? "" : application;
    }

    private static void checkPort(long id, String field, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("session " + id + ": " + field + " must be 0..65535, was " + port);
        }
    }

    /** Whether the protocol carries ports that identify the session (TCP, UDP, SCTP, UDP-Lite). */
    public static boolean hasPorts(int protocol) {
        return protocol == TCP || protocol == UDP || protocol == SCTP || protocol == UDPLITE;
    }

    public long id() {
        return id;
    }

    public int protocol() {
        return protocol;
    }

    public boolean hasPorts() {
        return hasPorts(protocol);
    }

    public boolean isIpv4() {
        return client instanceof Inet4Address;
    }

    public InetAddress client() {
        return client;
    }

    public int clientPort() {
        return clientPort;
    }

    public InetAddress server() {
        return server;
    }

    public int serverPort() {
        return serverPort;
    }

    /** The application name, "" when not known. */
    public String application() {
        return application;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SteeredSession)) {
            return false;
        }
        SteeredSession s = (SteeredSession) o;
        return id == s.id && protocol == s.protocol && clientPort == s.clientPort && serverPort == s.serverPort
                && client.equals(s.client) && server.equals(s.server) && application.equals(s.application);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, protocol, client, clientPort, server, serverPort, application);
    }

    @Override
    public String toString() {
        return "session " + id + " " + protocol + " " + client.getHostAddress() + " " + clientPort + " -> "
                + server.getHostAddress() + " " + serverPort + (application.isEmpty() ? "" : " " + application);
    }
}
