package org.apptrack.apptrack.appid.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.engine.classify.ClassificationPool;
import org.apptrack.apptrack.engine.classify.ClassificationState;

/** Feeds a flow's datagrams of one direction to a reader, as a classifier would, until a final status. */
final class QuicFeed {

    /** One reader for all feeds of a test class, as one classifier serves all sessions. */
    static final QuicInitialReader READER = new QuicInitialReader(3, 512, 4096);

    QuicStatus status = QuicStatus.NEED_MORE;
    final QuicHello hello = new QuicHello();
    int datagrams;

    private QuicFeed() {
    }

    static ClassificationState state() {
        ClassificationPool pool = new ClassificationPool(1, 512 + 4096);
        return pool.state(pool.acquire());
    }

    static QuicFeed of(List<Flow.Packet> packets) {
        return of(packets, state());
    }

    static QuicFeed of(List<Flow.Packet> packets, ClassificationState state) {
        QuicFeed f = new QuicFeed();
        for (Flow.Packet p : packets) {
            ByteBuffer frame = p.buffer();
            f.datagrams++;
            f.status = READER.read(state, frame, p.payloadOffset(), p.payloadLength(), f.hello);
            assertEquals(0, frame.position(), "the frame's position is not moved");
            assertEquals(frame.capacity(), frame.limit(), "the frame's limit is not moved");
            if (f.status != QuicStatus.NEED_MORE) {
                break;
            }
        }
        return f;
    }
}
