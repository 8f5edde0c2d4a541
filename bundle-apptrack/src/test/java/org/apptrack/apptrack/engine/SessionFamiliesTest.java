package org.apptrack.apptrack.engine;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.C;
import static org.apptrack.testsupport.packets.Packets.FIN;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.engine.classify.ApplicationCatalog;
import org.apptrack.apptrack.engine.classify.ApplicationClassifier;
import org.apptrack.apptrack.engine.classify.ClassificationState;
import org.apptrack.apptrack.engine.classify.ClassifierContext;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.testsupport.packets.Frames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parent and child sessions: a classifier links active-mode FTP data (server port 20) under the
 * FTP control session of the same two hosts, as application identification will; the child
 * closes "parent closed" when its parent closes, for whatever reason.
 */
class SessionFamiliesTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * S;

    /** Links a session from server port 20 under the client's FTP control session with it. */
    private static final class FtpDataLinker implements ApplicationClassifier {
        ClassifierContext engine;
        final List<Boolean> links = new ArrayList<>();

        @Override
        public void bind(ClassifierContext context) {
            this.engine = context;
        }

        @Override
        public boolean sessionCreated(int s) {
            SessionTable t = engine.table();
            if (t.protocol(s) == 6 && t.clientPort(s) == 20) {
                // Active FTP: the server connects from port 20 to the client; the control session
                // is the client's (the data session's server) connection to port 21.
                for (int p = 0; p < t.size(); p++) {
                    int c = t.sessionAt(p);
                    if (t.serverPort(c) == 21 && t.clientAddrLo(c) == t.serverAddrLo(s)
                            && t.serverAddrLo(c) == t.clientAddrLo(s)) {
                        links.add(engine.linkToParent(s, c));
                    }
                }
            }
            return false;
        }

        @Override
        public boolean inspect(int s, ClassificationState state, boolean fromClient, ByteBuffer frame, int offset,
                               int length) {
            return false;
        }

        @Override
        public ApplicationCatalog catalog() {
            return UnknownApplications.CATALOG;
        }
    }

    private Recorder rec;
    private FtpDataLinker classifier;
    private AppTrackEngine engine;

    @BeforeEach
    void start() {
        rec = new Recorder();
        classifier = new FtpDataLinker();
        engine = new AppTrackEngine(EngineSettings.builder().tcpTimeout(Duration.ofSeconds(60))
                .tcpClosingTimeout(Duration.ofSeconds(2)).build(), rec,
                PolicyResolver.TRACK_ALL, classifier);
        rec.engine = engine;
    }

    private void frame(byte[] f, long at) {
        engine.onFrame(ByteBuffer.wrap(f), 0, at);
    }

    /** Control A:40000 -> B:21 and active data B:20 -> A:40001, both established. */
    private void controlAndData() {
        frame(Frames.tcp(A, 40000, B, 21, SYN), T0);
        frame(Frames.tcp(B, 21, A, 40000, SYN | ACK), T0 + 1);
        frame(Frames.tcp(A, 40000, B, 21, PSH | ACK, 30), T0 + 2); // PORT
        frame(Frames.tcp(B, 20, A, 40001, SYN), T0 + S);
        frame(Frames.tcp(A, 40001, B, 20, SYN | ACK), T0 + S + 1);
        frame(Frames.tcp(B, 20, A, 40001, PSH | ACK, 1000), T0 + S + 2);
        assertEquals(List.of(true), classifier.links);
    }

    private List<String> closes() {
        List<String> r = new ArrayList<>();
        for (Recorder.Event e : rec.of("closed")) {
            r.add(e.serverPort + ":" + e.reason.wireName() + "@" + (e.atNanos - T0));
        }
        return r;
    }

    @Test
    void theChildClosesParentClosedRightAfterItsParentsFins() {
        controlAndData();
        frame(Frames.tcp(A, 40000, B, 21, FIN | ACK), T0 + 2 * S);
        frame(Frames.tcp(B, 21, A, 40000, FIN | ACK), T0 + 2 * S + 5);
        engine.advanceTime(T0 + 10 * S); // both FINs seen: closes after the closing timeout
        assertEquals(List.of("21:TCP FIN@" + (4 * S + 5), "40001:parent closed@" + (4 * S + 5)), closes());
        assertEquals(1, engine.counters().closedBy(CloseReason.PARENT_CLOSED));
        assertEquals(0, engine.active());
        // The child's counts are those it had: closing it takes nothing from the parent's packet.
        Recorder.Event child = rec.of("closed").get(1);
        assertEquals(2, child.cPkts);
        assertEquals(1, child.sPkts);
    }

    @Test
    void aChildThatClosesFirstLeavesItsParentAlone() {
        controlAndData();
        frame(Frames.tcp(B, 20, A, 40001, FIN | ACK), T0 + 2 * S);
        frame(Frames.tcp(A, 40001, B, 20, FIN | ACK), T0 + 2 * S + 1);
        SessionTable t = engine.table();
        int control = t.find(0, SessionTable.ipv4Lo(A), 40000, 0, SessionTable.ipv4Lo(B), 21, 6, 0);
        assertEquals(1, engine.childrenOf(control).length);
        engine.advanceTime(T0 + 5 * S);
        assertArrayEquals(new int[0], engine.childrenOf(control), "the parent no longer lists it");
        frame(Frames.tcp(A, 40000, B, 21, PSH | ACK, 10), T0 + 6 * S);
        engine.closeAll(CloseReason.CLI, T0 + 7 * S);
        assertEquals(List.of("40001:TCP FIN@" + (4 * S + 1), "21:CLI@" + 7 * S), closes());
    }

    @Test
    void aParentThatAgesOutTakesItsStillActiveChildWithIt() {
        controlAndData();
        // The data session keeps sending after the control session's last packet (T0 + 2 ns).
        frame(Frames.tcp(B, 20, A, 40001, PSH | ACK, 1000), T0 + 50 * S);
        engine.advanceTime(T0 + 61 * S);
        assertEquals(List.of("21:idle Timeout@" + (60 * S + 2), "40001:parent closed@" + (60 * S + 2)), closes());
    }

    @Test
    void theEndOfAReplayClosesTheFamilyOnceInDeadlineOrder() {
        controlAndData();
        frame(Frames.tcp(B, 20, A, 40001, PSH | ACK, 1000), T0 + 30 * S);
        engine.expireAll(T0 + 40 * S);
        assertEquals(List.of("21:idle Timeout@" + (60 * S + 2), "40001:parent closed@" + (60 * S + 2)), closes());
        assertEquals(2, engine.counters().closed());
    }

    @Test
    void grandchildrenCloseToo() {
        controlAndData();
        SessionTable t = engine.table();
        frame(Frames.udp(C, 5000, A, 5001, 20), T0 + 3 * S);
        int control = t.find(0, SessionTable.ipv4Lo(A), 40000, 0, SessionTable.ipv4Lo(B), 21, 6, 0);
        int data = t.find(0, SessionTable.ipv4Lo(B), 20, 0, SessionTable.ipv4Lo(A), 40001, 6, 0);
        int third = t.find(0, SessionTable.ipv4Lo(C), 5000, 0, SessionTable.ipv4Lo(A), 5001, 17, 0);
        assertTrue(engine.linkToParent(third, data));
        assertEquals(data, engine.side().parent(third));
        frame(Frames.tcp(A, 40000, B, 21, PSH | ACK, 10), T0 + 4 * S);
        engine.reassignPolicies(PolicyResolver.TRACK_ALL, (tb, s) -> s == control ? -1 : 0, T0 + 5 * S);
        assertEquals(List.of("21:policy delete@" + 5 * S, "40001:parent closed@" + 5 * S,
                "5001:parent closed@" + 5 * S), closes());
        assertEquals(0, engine.active());
    }

    @Test
    void linksThatMakeNoFamilyAreRefused() {
        controlAndData();
        SessionTable t = engine.table();
        int control = t.find(0, SessionTable.ipv4Lo(A), 40000, 0, SessionTable.ipv4Lo(B), 21, 6, 0);
        int data = t.find(0, SessionTable.ipv4Lo(B), 20, 0, SessionTable.ipv4Lo(A), 40001, 6, 0);
        assertFalse(engine.linkToParent(data, data), "itself");
        assertFalse(engine.linkToParent(control, data), "a cycle");
        assertFalse(engine.linkToParent(data, control), "a second parent");
        int free = t.maxSessions() - 1;
        assertFalse(engine.linkToParent(free, control), "a session that is not open");
        // A chain of generations: the ninth is refused.
        int parent = data;
        int generations = 2;
        for (int i = 0; i < 10; i++) {
            frame(Frames.udp(C, 6000 + i, A, 7000, 20), T0 + 3 * S + i);
            int s = t.find(0, SessionTable.ipv4Lo(C), 6000 + i, 0, SessionTable.ipv4Lo(A), 7000, 17, 0);
            boolean linked = engine.linkToParent(s, parent);
            assertEquals(generations < AppTrackEngine.MAX_FAMILY_DEPTH, linked, "generation " + (generations + 1));
            if (linked) {
                generations++;
                parent = s;
            }
        }
        assertEquals(AppTrackEngine.MAX_FAMILY_DEPTH, generations);
        engine.closeAll(CloseReason.CLI, T0 + 9 * S);
        assertEquals(0, engine.active());
        assertEquals(12, engine.counters().closed());
    }
}
