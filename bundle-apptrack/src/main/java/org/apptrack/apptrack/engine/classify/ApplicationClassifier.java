package org.apptrack.apptrack.engine.classify;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * Application identification's place in the engine. The engine tells the classifier about each
 * new session and then hands it the session's packets for as long as it asks for them; the
 * classifier records its verdict in the session ({@link SessionTable#setApplicationId},
 * {@link SessionTable#setNestedApplicationId}) and may revise it later. Every log names the
 * session's application as it stands when the log is written, so a change mid-session shows in
 * the next volume update or close. Runs on the packet thread: no blocking, and no allocation
 * per packet.
 */
public interface ApplicationClassifier {

    /**
     * A session was created by its first packet (which {@link #inspect} sees next if this
     * returns true).
     *
     * @return whether the classifier wants to inspect the session's packets
     */
    boolean sessionCreated(SessionTable table, int session);

    /**
     * One packet of a session under inspection; its transport payload is
     * {@code frame[payloadOffset, payloadOffset + payloadLength)} (absolute indices; do not
     * change the buffer's position or limit).
     *
     * @return whether the classifier wants more packets of this session
     */
    boolean inspect(SessionTable table, int session, boolean fromClient, ByteBuffer frame, int payloadOffset,
                    int payloadLength);

    /** Names and categories of the application ids this classifier records. */
    ApplicationCatalog catalog();

    /**
     * Called once by the engine that runs this classifier, before any packet: {@code linker}
     * links a session the classifier recognises as announced by another (FTP data after the
     * control session's PORT or PASV) under that parent, so that it closes with reason "parent
     * closed" when the parent closes. A classifier that links nothing ignores it.
     */
    default void bind(SessionLinker linker) {
    }
}
