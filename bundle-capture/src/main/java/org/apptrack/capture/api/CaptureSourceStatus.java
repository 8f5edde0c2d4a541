package org.apptrack.capture.api;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of one packet source (live capture or capture-file replay), as
 * {@code apptrack:capture-status} shows it.
 */
public final class CaptureSourceStatus {

    /** Life cycle of a source. */
    public enum State {
        /** Reading frames. */
        RUNNING,
        /** Live capture set aside while a replay runs; it resumes with its counters when the replay ends. */
        PAUSED,
        /** A replay reached the end of its file. */
        FINISHED,
        /** Stopped by configuration or command. */
        STOPPED,
        /** Could not start or failed while reading; see the error. */
        FAILED
    }

    private final String name;
    private final String kind;
    private final List<String> interfaces;
    private final State state;
    private final String error;
    private final String warning;
    private final long frames;
    private final long bytes;
    private final long kernelDrops;
    private final long interfaceDrops;
    private final Map<String, Long> skipped;
    private final double framesPerSecond;
    private final double progress;
    private final String filter;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public CaptureSourceStatus(String name, String kind, List<String> interfaces, State state, String error,
                               String warning, long frames, long bytes, long kernelDrops, long interfaceDrops,
                               Map<String, Long> skipped, double framesPerSecond, double progress, String filter) {
        this.name = name;
        this.kind = kind;
        this.interfaces = List.copyOf(interfaces);
        this.state = state;
        this.error = error;
        this.warning = warning;
        this.frames = frames;
        this.bytes = bytes;
        this.kernelDrops = kernelDrops;
        this.interfaceDrops = interfaceDrops;
        this.skipped = Map.copyOf(skipped);
        this.framesPerSecond = framesPerSecond;
        this.progress = progress;
        this.filter = filter == null ? "" : filter;
    }

    /** {@code live} or the file name of a replay. */
    public String name() {
        return name;
    }

    /** {@code live} or {@code file}. */
    public String kind() {
        return kind;
    }

    public List<String> interfaces() {
        return interfaces;
    }

    public State state() {
        return state;
    }

    /** Why the source failed, naming the interface or file; null otherwise. */
    public String error() {
        return error;
    }

    /** A condition worth knowing that does not stop the source (e.g. a short snap length). */
    public String warning() {
        return warning;
    }

    /**
     * Frames delivered to the packet processors; for the live source, since its configuration was
     * applied (replays pause it without resetting its counters).
     */
    public long frames() {
        return frames;
    }

    /** Captured bytes delivered. */
    public long bytes() {
        return bytes;
    }

    /** Frames the kernel dropped because the capture did not keep up (live only). */
    public long kernelDrops() {
        return kernelDrops;
    }

    /** Frames the interface or its driver dropped (live only). */
    public long interfaceDrops() {
        return interfaceDrops;
    }

    /** Frames read but not delivered, by cause (unsupported link type, shorter than the header, ...). */
    public Map<String, Long> skipped() {
        return skipped;
    }

    /** Recent delivery rate. */
    public double framesPerSecond() {
        return framesPerSecond;
    }

    /** Fraction of a capture file read, 0..1; -1 for live capture. */
    public double progress() {
        return progress;
    }

    /**
     * The kernel (BPF) filter in force on a live capture: the operator's filter and the
     * exclusion of the product's own traffic; empty for none (and for replays).
     */
    public String filter() {
        return filter;
    }
}
