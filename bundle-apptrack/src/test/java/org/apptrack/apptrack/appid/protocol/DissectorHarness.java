package org.apptrack.apptrack.appid.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;
import org.apptrack.apptrack.engine.classify.ClassificationPool;
import org.apptrack.apptrack.engine.classify.ClassificationState;

/**
 * Feeds one dissector the payloads of one session, as the classifier would (the payload placed
 * at an offset inside a larger buffer, so that absolute indexing is exercised).
 */
final class DissectorHarness {

    final Dissector dissector;
    final Identification out = new Identification();
    private final Payload payload = new Payload();
    private final ClassificationState state;
    private final int protocol;
    private final int clientPort;
    private final int serverPort;
    private int clientIndex;
    private int serverIndex;

    DissectorHarness(Dissector dissector, int protocol, int clientPort, int serverPort) {
        this.dissector = dissector;
        this.protocol = protocol;
        this.clientPort = clientPort;
        this.serverPort = serverPort;
        ClassificationPool pool = new ClassificationPool(1, 4096);
        this.state = pool.state(pool.acquire());
    }

    static DissectorHarness tcp(Dissector d, int serverPort) {
        return new DissectorHarness(d, 6, 50000, serverPort);
    }

    static DissectorHarness udp(Dissector d, int serverPort) {
        return new DissectorHarness(d, 17, 50000, serverPort);
    }

    int client(String ascii) {
        return client(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    int server(String ascii) {
        return server(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    int client(byte[] bytes) {
        return feed(bytes, true, clientIndex++);
    }

    int server(byte[] bytes) {
        return feed(bytes, false, serverIndex++);
    }

    private int feed(byte[] bytes, boolean fromClient, int index) {
        byte[] frame = new byte[bytes.length + 61];
        System.arraycopy(bytes, 0, frame, 54, bytes.length);
        frame[frame.length - 1] = (byte) 0xee; // trailer bytes after the payload must not be read
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        out.clear();
        return dissector.inspect(payload.set(buffer, 54, bytes.length, fromClient, protocol, clientPort, serverPort,
                index, state), out);
    }

    static String name(IdentificationCatalog catalog, int id) {
        return catalog.application(id);
    }
}
