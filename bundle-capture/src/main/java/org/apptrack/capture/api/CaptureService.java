package org.apptrack.capture.api;

import java.nio.file.Path;
import java.util.List;

/**
 * The packet sources that feed ONOS's {@code PacketService} outside ONOS: a live capture (from
 * its configuration, {@code etc/org.apptrack.capture.cfg}) and capture-file replays.
 */
public interface CaptureService {

    /** How many replays {@link #sources()} lists: the most recent ones. */
    int REPLAYS_LISTED = 10;

    /**
     * Every source: the live one (running, paused, stopped or failed) and the last
     * {@value #REPLAYS_LISTED} replays, oldest first.
     */
    List<CaptureSourceStatus> sources();

    /** Replays run before the last {@value #REPLAYS_LISTED}, which {@link #sources()} no longer lists. */
    long replaysNotListed();

    /**
     * Replays a capture file through the packet processors and returns when it is done. While it
     * runs the live source is paused, and session time follows the capture's timestamps.
     *
     * @param file a pcap or pcapng file
     * @param originalPace true to deliver frames at the pace they were captured, false for full speed
     * @param progress called about once a second with the status so far; may be null
     * @return the final status of the replay
     * @throws java.io.IOException when the file cannot be read or is not a capture file (the
     *     message names the file and says what is wrong)
     */
    CaptureSourceStatus replay(Path file, boolean originalPace, java.util.function.Consumer<CaptureSourceStatus> progress)
            throws java.io.IOException;
}
