package org.apptrack.apptrack.appid;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.appid.protocol.StandardDissectors;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.EngineSettings;
import org.apptrack.apptrack.engine.PolicyResolver;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * The real engine with the standard dissectors over a test catalog, recording each session as it
 * closes as {@code APPLICATION/NESTED}: for tests that feed frames and read the names given.
 */
final class NamingEngine {

    private static final long S = 1_000_000_000L;

    private final List<String> closed = new ArrayList<>();
    private final AppTrackEngine engine;
    private long now = 1_700_000_000L * S;

    /** {@code bufferBytes}: the classification buffer, also the budget's bytes per direction. */
    NamingEngine(TestCatalog catalog, int bufferBytes) {
        DpiClassifier classifier = new DpiClassifier(catalog, StandardDissectors.create(catalog),
                new AppIdSettings(16, bufferBytes, 1024, 3600));
        AppTrackEngine[] self = new AppTrackEngine[1];
        SessionEventListener recorder = new SessionEventListener() {
            @Override
            public void sessionCreated(SessionTable table, int session) {
            }

            @Override
            public void sessionUpdated(SessionTable table, int session) {
            }

            @Override
            public void sessionClosed(SessionTable table, int session, CloseReason reason) {
                closed.add(catalog.application(self[0].side().applicationId(session)) + "/"
                        + catalog.application(self[0].side().nestedApplicationId(session)));
            }
        };
        engine = new AppTrackEngine(EngineSettings.builder().classificationBufferBytes(bufferBytes).build(), recorder,
                PolicyResolver.TRACK_ALL, classifier);
        self[0] = engine;
    }

    /** One frame, a microsecond after the one before. */
    void frame(byte[] frame) {
        engine.onFrame(ByteBuffer.wrap(frame), 0, now += 1000);
    }

    /** Closes every session and gives the names of all closed so far, in closing order. */
    List<String> closeAll() {
        engine.closeAll(CloseReason.CLI, now + S);
        return closed;
    }
}
