package org.apptrack.apptrack.appid.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.engine.classify.ClassificationPool;
import org.apptrack.apptrack.engine.classify.ClassificationState;

/** Feeds one direction of a captured flow to a reassembler, as a classifier would, segment by segment. */
final class Feed {

    TlsStatus status = TlsStatus.NEED_MORE;
    final ClientHelloInfo client = new ClientHelloInfo();
    final ServerHelloInfo server = new ServerHelloInfo();
    /** Segments offered until the status was final. */
    int segments;

    private Feed() {
    }

    /** A fresh session state with a buffer of {@code bufferBytes}. */
    static ClassificationState state(int bufferBytes) {
        ClassificationPool pool = new ClassificationPool(1, bufferBytes);
        return pool.state(pool.acquire());
    }

    static Feed clientHello(Flow flow, boolean fromClient, int capacity) {
        return run(flow, fromClient, capacity, true);
    }

    static Feed serverFlight(Flow flow, boolean fromClient, int capacity) {
        return run(flow, fromClient, capacity, false);
    }

    private static Feed run(Flow flow, boolean fromClient, int capacity, boolean client) {
        Feed f = new Feed();
        ClassificationState state = state(capacity);
        TlsStreamReassembler r = new TlsStreamReassembler(2, 0, Math.min(capacity, 0xffff));
        for (Flow.Packet p : flow.packets(fromClient)) {
            ByteBuffer frame = p.buffer();
            f.segments++;
            f.status = client
                    ? r.offerClientHello(state, p.seq(), frame, p.payloadOffset(), p.payloadLength(), f.client)
                    : r.offerServerFlight(state, p.seq(), frame, p.payloadOffset(), p.payloadLength(), f.server);
            assertEquals(0, frame.position(), "the frame's position is not moved");
            assertEquals(frame.capacity(), frame.limit(), "the frame's limit is not moved");
            if (f.status != TlsStatus.NEED_MORE) {
                break;
            }
        }
        return f;
    }
}
