package org.apptrack.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.appid.naming.CatalogIdentification;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;
import org.apptrack.apptrack.appid.protocol.DnsDissector;
import org.apptrack.apptrack.appid.protocol.HttpDissector;
import org.apptrack.apptrack.appid.protocol.StandardDissectors;
import org.apptrack.apptrack.engine.classify.ClassificationPool;
import org.apptrack.apptrack.engine.classify.ClassificationState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The HTTP and DNS dissectors on one payload each (nanoseconds per call, the payload read in
 * place from a frame): an HTTP request with its Host among other headers, a DNS answer with a
 * CNAME and two A records. The TLS and QUIC readers have their own benchmarks. And what a new
 * session's first payload costs when no dissector knows it: offered to every dissector of
 * {@link StandardDissectors} that takes its protocol, as the classifier does, 64 random payloads
 * of 20 to 1,200 bytes in turn, on an ephemeral server port.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class DissectorBenchmark {

    private static final int AT = 54;

    private final Payload payload = new Payload();
    private final Identification out = new Identification();
    private ClassificationState state;
    private Dissector http;
    private Dissector dns;
    private ByteBuffer request;
    private int requestLength;
    private ByteBuffer answer;
    private int answerLength;
    private Dissector[] all;
    private ByteBuffer[] unknown;
    private int[] unknownLength;
    private int next;

    @Setup
    public void setUp() {
        CatalogIdentification catalog = CatalogIdentification.bundled();
        http = new HttpDissector(catalog);
        dns = new DnsDissector(catalog);
        ClassificationPool pool = new ClassificationPool(1, 4096);
        state = pool.state(pool.acquire());
        byte[] get = ("GET /watch?v=dQw4w9WgXcQ HTTP/1.1\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0\r\n"
                + "Accept: text/html,application/xhtml+xml\r\nAccept-Language: en-US,en;q=0.5\r\n"
                + "Accept-Encoding: gzip, deflate, br\r\nHost: www.youtube.com\r\nConnection: keep-alive\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        request = frame(get);
        requestLength = get.length;
        ByteBuffer a = ByteBuffer.allocate(512);
        a.putShort((short) 0x1234).putShort((short) 0x8180).putShort((short) 1).putShort((short) 3)
                .putShort((short) 0).putShort((short) 0);
        name(a, "www", "youtube", "com");
        a.putShort((short) 1).putShort((short) 1);
        a.putShort((short) 0xc00c).putShort((short) 5).putShort((short) 1).putInt(300);
        int rdLength = a.position();
        a.putShort((short) 0);
        name(a, "youtube-ui", "l", "google", "com");
        a.putShort(rdLength, (short) (a.position() - rdLength - 2));
        for (int i = 0; i < 2; i++) {
            a.putShort((short) 0xc00c).putShort((short) 1).putShort((short) 1).putInt(300).putShort((short) 4)
                    .putInt(0x8efa0000 | i);
        }
        byte[] bytes = new byte[a.position()];
        a.flip();
        a.get(bytes);
        answer = frame(bytes);
        answerLength = bytes.length;
        List<Dissector> dissectors = StandardDissectors.create(catalog);
        all = dissectors.toArray(new Dissector[0]);
        Random rnd = new Random(7);
        unknown = new ByteBuffer[64];
        unknownLength = new int[64];
        for (int i = 0; i < unknown.length; i++) {
            byte[] b = new byte[20 + rnd.nextInt(1181)];
            rnd.nextBytes(b);
            unknown[i] = frame(b);
            unknownLength[i] = b.length;
        }
    }

    private static void name(ByteBuffer b, String... labels) {
        for (String l : labels) {
            b.put((byte) l.length()).put(l.getBytes(StandardCharsets.US_ASCII));
        }
        b.put((byte) 0);
    }

    private static ByteBuffer frame(byte[] payload) {
        byte[] f = new byte[AT + payload.length];
        System.arraycopy(payload, 0, f, AT, payload.length);
        return ByteBuffer.wrap(f);
    }

    @Benchmark
    public int httpRequest() {
        out.clear();
        state.clearWords(Payload.FIRST_STATE_WORD);
        return http.inspect(payload.set(request, AT, requestLength, true, 6, 50000, 80, 0, state), out)
                + out.nameLength();
    }

    @Benchmark
    public int dnsAnswer() {
        out.clear();
        return dns.inspect(payload.set(answer, AT, answerLength, false, 17, 50000, 53, 0, state), out)
                + out.answers();
    }

    @Benchmark
    public int unknownTcpPayloadThroughEveryDissector() {
        return throughAll(6);
    }

    @Benchmark
    public int unknownUdpPayloadThroughEveryDissector() {
        return throughAll(17);
    }

    private int throughAll(int protocol) {
        int k = next = next + 1 & 63;
        payload.set(unknown[k], AT, unknownLength[k], true, protocol, 50000 + k, 40000 + k, 0, state);
        int verdicts = 0;
        for (Dissector d : all) {
            if (d.accepts(protocol)) {
                out.clear();
                verdicts += d.inspect(payload, out);
                state.clearWords(Payload.FIRST_STATE_WORD);
            }
        }
        return verdicts;
    }
}
