package org.apptrack.apptrack.engine.classify;

import org.apptrack.apptrack.engine.session.SessionSideTable;
import org.apptrack.apptrack.engine.session.SessionTable;

/** What an engine gives the classifier it runs (see {@link ApplicationClassifier#bind}). */
public interface ClassifierContext {

    /** The sessions' keys and counters, to read. */
    SessionTable table();

    /** Where the classifier records its verdict: application ids, whether the payload is encrypted. */
    SessionSideTable side();

    /** The time of the packet or tick being processed (nanoseconds, the engine's clock). */
    long nowNanos();

    /**
     * The sequence number of the TCP segment being inspected (valid during
     * {@link ApplicationClassifier#inspect} of a TCP session's packet): where its payload lies in
     * its direction's byte stream, so that a classifier can place retransmitted and reordered
     * segments.
     */
    int tcpSequence();

    /**
     * Links session {@code child} under {@code parent} (FTP data under the control session that
     * announced it), so that it closes with reason "parent closed" when the parent closes.
     *
     * @return whether the link was made (false: a session is not open, the child already has a
     *     parent, or the link would make a cycle or too deep a family)
     */
    boolean linkToParent(int child, int parent);
}
