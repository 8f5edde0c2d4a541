package org.apptrack.apptrack.engine.classify;

import java.nio.ByteBuffer;

/**
 * Application identification's place in the engine. The engine tells the classifier about each
 * new session (after its create log: an SRX logs the application as not yet known there) and,
 * if the classifier asks, hands it the session's packets with a {@link ClassificationState} from
 * a bounded pool until it has its answer. The classifier records its verdict in the side table
 * ({@link ClassifierContext#side()}) and may revise it later: every log names the application
 * as it stands when the log is written. Runs on the packet thread: no blocking, and no
 * allocation per packet.
 */
public interface ApplicationClassifier {

    /** Called once by the engine that runs this classifier, before any packet. */
    void bind(ClassifierContext context);

    /**
     * A session was created by its first packet (which {@link #inspect} sees next if this
     * returns true and a pool slot is free).
     *
     * @return whether the classifier wants to inspect the session's packets
     */
    boolean sessionCreated(int session);

    /**
     * One packet of a session under inspection; its transport payload is
     * {@code frame[payloadOffset, payloadOffset + payloadLength)} (absolute indices; do not
     * change the buffer's position or limit). {@code state} is the session's until this returns
     * false or the session closes.
     *
     * @return whether the classifier wants more packets of this session
     */
    boolean inspect(int session, ClassificationState state, boolean fromClient, ByteBuffer frame, int payloadOffset,
                    int payloadLength);

    /**
     * Session {@code session} closes while the classifier still inspects it (before its close is
     * logged): the last chance to settle on an answer. {@code state} is given back to the pool
     * after this.
     */
    default void sessionClosing(int session, ClassificationState state) {
    }

    /** Names and categories of the application ids this classifier records. */
    ApplicationCatalog catalog();
}
