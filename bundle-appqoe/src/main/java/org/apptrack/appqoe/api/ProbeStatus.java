package org.apptrack.appqoe.api;

import java.util.Objects;

/** One probe session: a path probed with one set of active probe parameters. */
public final class ProbeStatus {

    private final String group;
    private final String path;
    private final String probeParams;
    private final String type;
    private final String source;
    private final String target;
    private final int dscp;
    private final long sent;
    private final long answered;
    private final long lost;
    private final String error;

    public ProbeStatus(String group, String path, String probeParams, String type, String source, String target,
            int dscp, long sent, long answered, long lost, String error) {
        this.group = Objects.requireNonNull(group);
        this.path = Objects.requireNonNull(path);
        this.probeParams = Objects.requireNonNull(probeParams);
        this.type = Objects.requireNonNull(type);
        this.source = Objects.requireNonNull(source);
        this.target = Objects.requireNonNull(target);
        this.dscp = dscp;
        this.sent = sent;
        this.answered = answered;
        this.lost = lost;
        this.error = Objects.requireNonNull(error);
    }

    public String group() {
        return group;
    }

    public String path() {
        return path;
    }

    public String probeParams() {
        return probeParams;
    }

    /** {@code stamp} or {@code http head}. */
    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    /** The reflector (host:port) or URL probed. */
    public String target() {
        return target;
    }

    public int dscp() {
        return dscp;
    }

    public long sent() {
        return sent;
    }

    public long answered() {
        return answered;
    }

    public long lost() {
        return lost;
    }

    /** Why the probe does not run (e.g. the source address is not local), "" when it runs. */
    public String error() {
        return error;
    }
}
