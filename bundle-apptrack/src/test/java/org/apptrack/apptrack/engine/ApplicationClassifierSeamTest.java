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
import org.apptrack.apptrack.engine.log.SessionLogEmitter;
import org.apptrack.apptrack.engine.session.SessionTable;
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

        @Override
        public boolean sessionCreated(SessionTable table, int session) {
            return true;
        }

        @Override
        public boolean inspect(SessionTable table, int session, boolean fromClient, ByteBuffer frame, int offset,
                               int length) {
            payloadLengths.add(length);
            if (fromClient && length > 0 && ++clientPayloads == 1) {
                table.setApplicationId(session, 1);
            } else if (fromClient && length > 0) {
                table.setNestedApplicationId(session, 2);
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
        SessionLogEmitter emitter = new SessionLogEmitter(log, zones, true, true);
        TwoPacketClassifier classifier = new TwoPacketClassifier();
        EngineSettings settings = EngineSettings.builder().sessionUpdateInterval(Duration.ofSeconds(1)).build();
        AppTrackEngine engine = new AppTrackEngine(settings, emitter, zones, classifier);
        emitter.engine(engine);
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
        assertEquals("FACEBOOK-SOCIALRSS", r.get(3).value("nested-application"));
        assertEquals("junos-http", r.get(3).value("service-name"), "the service stays the port's");
    }
}
