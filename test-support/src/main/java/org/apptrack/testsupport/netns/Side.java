package org.apptrack.testsupport.netns;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;

/**
 * One end of a {@link NetnsBench}: a network namespace (or the root namespace), its end of the
 * veth pair and its addresses, and commands run there.
 */
public final class Side {

    /** How long a setup step or {@link #must} may take. */
    static final Duration STEP = Duration.ofSeconds(60);

    private final String namespace;
    private final String iface;
    private final String v4;
    private final String v6;

    Side(String namespace, String iface, String v4, String v6) {
        this.namespace = namespace;
        this.iface = iface;
        this.v4 = v4;
        this.v6 = v6;
    }

    /** The namespace's name; null for the root namespace. */
    public String namespace() {
        return namespace;
    }

    public boolean isRoot() {
        return namespace == null;
    }

    /** This side's end of the veth pair. */
    public String iface() {
        return iface;
    }

    /** The IPv4 address (a /24). */
    public String v4() {
        return v4;
    }

    /** The IPv6 address (a /64, without duplicate address detection). */
    public String v6() {
        return v6;
    }

    /** {@code command} as run on this side ({@code ip netns exec NS ...} in a namespace). */
    public List<String> command(String... command) {
        List<String> full = new ArrayList<>();
        if (namespace != null) {
            full.addAll(List.of("ip", "netns", "exec", namespace));
        }
        full.addAll(Arrays.asList(command));
        return full;
    }

    /** {@code ip ARGS} for this side's namespace ({@code ip -n NS ARGS}). */
    List<String> ip(String... args) {
        List<String> full = new ArrayList<>(List.of("ip"));
        if (namespace != null) {
            full.addAll(List.of("-n", namespace));
        }
        full.addAll(Arrays.asList(args));
        return full;
    }

    /** Runs a command on this side (stdout and stderr merged), killed after {@code timeout}. */
    public CommandResult run(Duration timeout, String... command) throws IOException {
        return Commands.run(timeout, command(command));
    }

    /** Runs a command on this side; an exit code other than 0 is an {@link IOException} with the output. */
    public CommandResult must(String... command) throws IOException {
        CommandResult r = run(STEP, command);
        if (r.exit() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + r.exit() + "): " + r.output());
        }
        return r;
    }

    /** The MAC address of this side's veth end. */
    public byte[] mac() throws IOException {
        String[] parts = must("cat", "/sys/class/net/" + iface + "/address").output().trim().split(":");
        byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++) {
            mac[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return mac;
    }

    @Override
    public String toString() {
        return (namespace == null ? "root" : namespace) + " " + iface + " " + v4 + "/24 " + v6 + "/64";
    }
}
