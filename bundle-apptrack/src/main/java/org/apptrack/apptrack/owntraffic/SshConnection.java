package org.apptrack.apptrack.owntraffic;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The SSH login the container was started from: OpenSSH's {@code SSH_CONNECTION} environment
 * variable, "CLIENT_ADDRESS CLIENT_PORT SERVER_ADDRESS SERVER_PORT". Every keystroke and every
 * line of console output of that login crosses the captured interfaces.
 */
final class SshConnection {

    final InetAddress client;
    final int clientPort;
    final InetAddress server;
    final int serverPort;

    private SshConnection(InetAddress client, int clientPort, InetAddress server, int serverPort) {
        this.client = client;
        this.clientPort = clientPort;
        this.server = server;
        this.serverPort = serverPort;
    }

    /** The connection the variable names; empty when it is unset or not in OpenSSH's form. */
    static Optional<SshConnection> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] f = value.trim().split("\\s+");
        if (f.length != 4) {
            return Optional.empty();
        }
        try {
            InetAddress client = literal(f[0]);
            InetAddress server = literal(f[2]);
            int clientPort = Integer.parseInt(f[1]);
            int serverPort = Integer.parseInt(f[3]);
            if (client == null || server == null || clientPort < 1 || clientPort > 65535 || serverPort < 1
                    || serverPort > 65535) {
                return Optional.empty();
            }
            return Optional.of(new SshConnection(client, clientPort, server, serverPort));
        } catch (NumberFormatException | UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An IP literal (never a name lookup), or null. */
    private static InetAddress literal(String text) throws UnknownHostException {
        int percent = text.indexOf('%');
        String bare = percent >= 0 ? text.substring(0, percent) : text;
        boolean v4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = bare.indexOf(':') >= 0 && bare.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        return InetAddress.getByName(bare);
    }

    @Override
    public String toString() {
        return client.getHostAddress() + " " + clientPort + " " + server.getHostAddress() + " " + serverPort;
    }
}
