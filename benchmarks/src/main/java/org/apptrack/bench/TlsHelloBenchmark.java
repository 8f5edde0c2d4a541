package org.apptrack.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.appid.tls.ClientHelloInfo;
import org.apptrack.apptrack.appid.tls.ClientHelloParser;
import org.apptrack.apptrack.appid.tls.ServerHelloInfo;
import org.apptrack.apptrack.appid.tls.TlsStatus;
import org.apptrack.apptrack.appid.tls.TlsStreamReassembler;
import org.apptrack.apptrack.engine.classify.ClassificationPool;
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
 * TLS hello parsing on real hellos, one hello per operation, cycling through them: the
 * ClientHellos of {@code sites.pcapng} (55 sessions, hellos of 372 to 1,947 bytes)
 * and the TLS 1.2 server flights (ServerHello and certificate) of
 * {@code tls_certificate_too_long.pcap} and {@code KakaoTalk_chat.pcap}, from the shared test
 * data. A session's classification state is taken from a pool and given back each time, as a
 * classifier does.
 * <ul>
 *   <li>{@code clientHelloInPlace}: the first segment holds the hello; read where it lies;</li>
 *   <li>{@code clientHelloParser}: the parser alone on the handshake message;</li>
 *   <li>{@code clientHelloInTwoSegments}: the same hellos cut in two segments, copied into the
 *       session's buffer and read there;</li>
 *   <li>{@code serverFlight}: ServerHello and the first certificate's names, from 1,448-byte
 *       segments.</li>
 * </ul>
 * Expect {@code gc.alloc.rate.norm} ~0 B/op.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TlsHelloBenchmark -f 1 -wi 3 -i 5 -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class TlsHelloBenchmark {

    private static final int SEGMENT = 1448;

    private final ClassificationPool pool = new ClassificationPool(1, 8192);
    private final TlsStreamReassembler client = new TlsStreamReassembler(0, 0, 4096);
    private final TlsStreamReassembler server = new TlsStreamReassembler(2, 0, 8192);
    private final ClientHelloInfo clientOut = new ClientHelloInfo();
    private final ServerHelloInfo serverOut = new ServerHelloInfo();
    private ByteBuffer[] hellos;
    private ByteBuffer[] flights;
    private int nextHello;
    private int nextFlight;

    @Setup
    public void setup() throws IOException {
        List<ByteBuffer> h = new ArrayList<>();
        for (List<byte[]> direction : CapturedPayloads.read("ndpi", "sites.pcapng").values()) {
            byte[] p = direction.get(0);
            if (p.length > 9 && p[0] == 0x16 && p[5] == 1
                    && 9 + ((p[6] & 0xff) << 16 | (p[7] & 0xff) << 8 | p[8] & 0xff) <= p.length) {
                h.add(ByteBuffer.wrap(p));
            }
        }
        List<ByteBuffer> f = new ArrayList<>();
        for (String file : new String[] {"tls_certificate_too_long.pcap", "KakaoTalk_chat.pcap"}) {
            for (List<byte[]> direction : CapturedPayloads.read("ndpi", file).values()) {
                byte[] p = direction.get(0);
                if (p.length > 5 && p[0] == 0x16 && p[5] == 2) {
                    ByteArrayOutputStream s = new ByteArrayOutputStream();
                    direction.forEach(b -> s.write(b, 0, b.length));
                    f.add(ByteBuffer.wrap(s.toByteArray()));
                }
            }
        }
        hellos = h.toArray(new ByteBuffer[0]);
        flights = f.toArray(new ByteBuffer[0]);
        for (int i = 0; i < hellos.length; i++) {
            if (clientHelloInPlace() < 1 || clientHelloInTwoSegments() < 1) {
                throw new IllegalStateException("a hello of sites.pcapng does not read with its server name");
            }
        }
        for (int i = 0; i < flights.length; i++) {
            if (serverFlight() < 0) {
                throw new IllegalStateException("a server flight does not read");
            }
        }
    }

    @Benchmark
    public int clientHelloInPlace() {
        ByteBuffer b = hellos[nextHello];
        nextHello = nextHello + 1 == hellos.length ? 0 : nextHello + 1;
        int slot = pool.acquire();
        TlsStatus st = client.offerClientHello(pool.state(slot), 1, b, 0, b.limit(), clientOut);
        pool.release(slot);
        return st == TlsStatus.COMPLETE ? clientOut.serverName().length() : -1;
    }

    @Benchmark
    public int clientHelloParser() {
        ByteBuffer b = hellos[nextHello];
        nextHello = nextHello + 1 == hellos.length ? 0 : nextHello + 1;
        return ClientHelloParser.parse(b, 5, b.limit() - 5, clientOut).ordinal() + clientOut.serverName().length();
    }

    @Benchmark
    public int clientHelloInTwoSegments() {
        ByteBuffer b = hellos[nextHello];
        nextHello = nextHello + 1 == hellos.length ? 0 : nextHello + 1;
        int half = b.limit() / 2;
        int slot = pool.acquire();
        client.offerClientHello(pool.state(slot), 1, b, 0, half, clientOut);
        TlsStatus st = client.offerClientHello(pool.state(slot), 1 + half, b, half, b.limit() - half, clientOut);
        pool.release(slot);
        return st == TlsStatus.COMPLETE ? clientOut.serverName().length() : -1;
    }

    @Benchmark
    public int serverFlight() {
        ByteBuffer b = flights[nextFlight];
        nextFlight = nextFlight + 1 == flights.length ? 0 : nextFlight + 1;
        int slot = pool.acquire();
        TlsStatus st = TlsStatus.NEED_MORE;
        for (int p = 0; p < b.limit() && st == TlsStatus.NEED_MORE; p += SEGMENT) {
            st = server.offerServerFlight(pool.state(slot), 1 + p, b, p, Math.min(SEGMENT, b.limit() - p), serverOut);
        }
        pool.release(slot);
        return st == TlsStatus.COMPLETE ? serverOut.subjectCommonName().length() + serverOut.dnsNames().count() : -1;
    }
}
