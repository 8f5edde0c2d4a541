package org.apptrack.apptrack.engine;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.classify.ApplicationCatalog;
import org.apptrack.apptrack.engine.classify.ApplicationClassifier;
import org.apptrack.apptrack.engine.classify.ClassificationState;
import org.apptrack.apptrack.engine.classify.ClassifierContext;
import org.apptrack.apptrack.engine.session.SessionSideTable;
import org.apptrack.apptrack.engine.zone.SecurityZones;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.testing.RecordingSecurityLog;
import org.apptrack.testsupport.packets.Frames;
import org.junit.jupiter.api.Test;

/** The classifier seam: packets reach the classifier while it asks, and its verdicts show in the next log. */
class ApplicationClassifierSeamTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * S;

    /** Looks at payloads until it has seen 2 from the client; says HTTP, then revises to HTTP/FACEBOOK. */
    private static final class TwoPacketClassifier implements ApplicationClassifier, ApplicationCatalog {
        final List<Integer> payloadLengths = new ArrayList<>();
        private int clientPayloads;
        private ClassifierContext context;

        @Override
        public void bind(ClassifierContext engine) {
            context = engine;
        }

        @Override
        public boolean sessionCreated(int session) {
            return true;
        }

        @Override
        public boolean inspect(int session, ClassificationState state, boolean fromClient, ByteBuffer frame,
                               int offset, int length) {
            payloadLengths.add(length);
            if (fromClient && length > 0 && ++clientPayloads == 1) {
                context.side().setApplicationId(session, 1);
            } else if (fromClient && length > 0) {
                context.side().setNestedApplicationId(session, 2);
                context.side().setEncrypted(session, SessionSideTable.ENCRYPTED_YES);
                return false;
            }
            return true;
        }

        @Override
        public ApplicationCatalog catalog() {
            return this;
        }

        @Override
        public String application(int id) {
            return new String[] {"UNKNOWN", "HTTP", "FACEBOOK-SOCIALRSS"}[id];
        }

        @Override
        public String category(int id) {
            return id == 0 ? "N/A" : "Web";
        }

        @Override
        public String subCategory(int id) {
            return id == 0 ? "N/A" : "Social-Networking";
        }
    }

    @Test
    void verdictsReachTheLogsAndInspectionStopsWhenAsked() {
        RecordingSecurityLog log = new RecordingSecurityLog();
        SecurityZones zones = AppTrackSettings.parse(Map.of()).zones();
        TwoPacketClassifier classifier = new TwoPacketClassifier();
        EngineSettings settings = EngineSettings.builder().sessionUpdateInterval(Duration.ofSeconds(1)).build();
        AppTrackEngine engine = new LoggedEngine(settings, zones, classifier, log, true, true).engine;
        engine.onFrame(ByteBuffer.wrap(Frames.tcp(A, 40000, B, 80, SYN)), 0, T0);
        engine.onFrame(ByteBuffer.wrap(Frames.tcp(B, 80, A, 40000, SYN | ACK)), 0, T0 + 1);
        engine.onFrame(ByteBuffer.wrap(Frames.tcp(A, 40000, B, 80, PSH | ACK, 100)), 0, T0 + 2);
        engine.onFrame(ByteBuffer.wrap(Frames.tcp(A, 40000, B, 80, ACK, 0)), 0, T0 + 2 * S);  // update 1
        engine.onFrame(ByteBuffer.wrap(Frames.tcp(A, 40000, B, 80, PSH | ACK, 50)), 0, T0 + 2 * S + 1);
        engine.onFrame(ByteBuffer.wrap(Frames.tcp(B, 80, A, 40000, PSH | ACK, 70)), 0, T0 + 4 * S); // update 2
        engine.closeAll(CloseReason.CLI, T0 + 5 * S);

        assertEquals(List.of(0, 0, 100, 0, 50), classifier.payloadLengths, "no packets after it said done");
        List<LogRecord> r = log.records();
        assertEquals(List.of("APPTRACK_SESSION_CREATE", "APPTRACK_SESSION_VOL_UPDATE", "APPTRACK_SESSION_VOL_UPDATE",
                "APPTRACK_SESSION_CLOSE"), List.of(r.get(0).tag(), r.get(1).tag(), r.get(2).tag(), r.get(3).tag()));
        assertEquals("UNKNOWN", r.get(0).value("application"), "identification has not run at creation");
        assertEquals("N/A", r.get(0).value("category"));
        assertEquals("HTTP", r.get(1).value("application"));
        assertEquals("UNKNOWN", r.get(1).value("nested-application"));
        assertEquals("Web", r.get(1).value("category"));
        assertEquals("FACEBOOK-SOCIALRSS", r.get(2).value("nested-application"), "a revision shows in the next log");
        assertEquals(List.of("UNKNOWN", "UNKNOWN", "Yes", "Yes"), List.of(r.get(0).value("encrypted"),
                r.get(1).value("encrypted"), r.get(2).value("encrypted"), r.get(3).value("encrypted")));
        assertEquals("FACEBOOK-SOCIALRSS", r.get(3).value("nested-application"));
        assertEquals("junos-http", r.get(3).value("service-name"), "the service stays the port's");
    }

    /** Inspects every session until its client has sent a payload of 7 bytes, remembering what it saw in its state. */
    private static final class UntilSeven implements ApplicationClassifier {
        final List<Long> seenBefore = new ArrayList<>();

        @Override
        public void bind(ClassifierContext engine) {
        }

        @Override
        public boolean sessionCreated(int session) {
            return true;
        }

        @Override
        public boolean inspect(int session, ClassificationState state, boolean fromClient, ByteBuffer frame,
                               int offset, int length) {
            seenBefore.add(state.word(0));
            state.word(0, state.word(0) + 1);
            return length != 7;
        }

        @Override
        public ApplicationCatalog catalog() {
            return UnknownApplications.CATALOG;
        }
    }

    @Test
    void sessionsBeyondThePoolAreNotInspectedAndASlotFreesWhenInspectionEndsOrTheSessionCloses() {
        UntilSeven classifier = new UntilSeven();
        EngineSettings settings = EngineSettings.builder().classificationSlots(1).build();
        Recorder rec = new Recorder();
        AppTrackEngine engine = new AppTrackEngine(settings, rec, PolicyResolver.TRACK_ALL, classifier);
        rec.engine = engine;
        engine.onFrame(ByteBuffer.wrap(Frames.udp(A, 1000, B, 53, 3)), 0, T0);     // first: takes the slot
        engine.onFrame(ByteBuffer.wrap(Frames.udp(A, 1001, B, 53, 3)), 0, T0 + 1); // second: the pool is full
        assertEquals(1, engine.counters().get(EngineCounter.NOT_CLASSIFIED_POOL_FULL));
        assertEquals(1, engine.classificationPool().inUse());
        engine.onFrame(ByteBuffer.wrap(Frames.udp(A, 1000, B, 53, 5)), 0, T0 + 2);
        engine.onFrame(ByteBuffer.wrap(Frames.udp(A, 1001, B, 53, 5)), 0, T0 + 3); // not inspected
        assertEquals(List.of(0L, 1L), classifier.seenBefore, "one session's packets, its state kept between them");
        engine.onFrame(ByteBuffer.wrap(Frames.udp(A, 1000, B, 53, 7)), 0, T0 + 4); // done
        assertEquals(0, engine.classificationPool().inUse());
        engine.onFrame(ByteBuffer.wrap(Frames.udp(A, 1002, B, 53, 3)), 0, T0 + 5); // a third takes the slot
        assertEquals(1, engine.classificationPool().inUse());
        assertEquals(List.of(0L, 1L, 2L, 0L), classifier.seenBefore, "a cleared state for the new session");
        engine.closeAll(CloseReason.CLI, T0 + 6);
        assertEquals(0, engine.classificationPool().inUse(), "a closing session gives its slot back");
        assertEquals(1, engine.counters().get(EngineCounter.NOT_CLASSIFIED_POOL_FULL));
    }
}
