package org.apptrack.bench;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-packet path of an existing session, one core: decode the frame (Ethernet, IPv4 or
 * IPv6, TCP or UDP) and look the session up and count the packet in its direction. Frames of
 * {@code live} sessions (a quarter IPv6, half TCP) in both directions, streamed in memory order
 * while the sessions they belong to come in random order (every packet a random table access).
 * Reported per packet; the targets are 20 Mpps at 10,000 sessions and 4 Mpps at
 * 1,000,000, with no allocation.
 *
 * <p>The frames lie back to back in one array and one reused {@link ByteBuffer} view is moved
 * over them, as the capture sources hand frames to the engine (bundle-capture's file reader
 * moves one view over the mapped file, live capture reuses one buffer). One buffer object per
 * frame would instead add a pointer chase per packet through objects that the garbage
 * collector, copying them during setup, leaves in no particular memory order.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Threads(1)
@State(Scope.Thread)
public class DecodeLookupBenchmark {

    private static final int BATCH = 1024;

    @Param({"10000", "1000000"})
    public int live;

    /** All frames, back to back in stream order. */
    private byte[] stream;
    /** Frame k is {@code stream[frameStart[k] .. frameStart[k + 1])}. */
    private int[] frameStart;
    private int frameCount;
    /** The view moved over {@link #stream}, one frame at a time. */
    private ByteBuffer view;
    private final FrameDecoder decoder = new FrameDecoder();
    private SessionTable table;
    private int cursor;
    private long now = 1_000_000_000L;

    @Setup
    public void setup() {
        Random rnd = new Random(7);
        table = new SessionTable(live, 7);
        // Packet k of the measured stream is direction (perm[k] & 1) of session perm[k] / 2. Frames
        // are allocated in stream order, so reading them streams through memory as packets
        // arriving from a NIC would; the sessions they hit are in random order.
        int[] perm = new int[2 * live];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        for (int i = perm.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        byte[][] clients = new byte[live][];
        byte[][] servers = new byte[live][];
        int[] clientPorts = new int[live];
        for (int i = 0; i < live; i++) {
            boolean v6 = (i & 3) == 0;
            clients[i] = v6 ? randomBytes(rnd, 16) : randomBytes(rnd, 4);
            servers[i] = v6 ? randomBytes(rnd, 16) : randomBytes(rnd, 4);
            clientPorts[i] = 1024 + rnd.nextInt(60000);
        }
        ByteBuffer[] frames = new ByteBuffer[2 * live];
        int[] clientFrame = new int[live];
        for (int k = 0; k < frames.length; k++) {
            int session = perm[k] >> 1;
            boolean fromClient = (perm[k] & 1) == 0;
            boolean v6 = (session & 3) == 0;
            boolean tcp = (session & 1) == 0;
            int serverPort = tcp ? 443 : 53;
            frames[k] = fromClient
                    ? frame(v6, tcp, clients[session], clientPorts[session], servers[session], serverPort)
                    : frame(v6, tcp, servers[session], serverPort, clients[session], clientPorts[session]);
            if (fromClient) {
                clientFrame[session] = k;
            }
        }
        frameCount = frames.length;
        frameStart = new int[frameCount + 1];
        for (int k = 0; k < frameCount; k++) {
            frameStart[k + 1] = frameStart[k] + frames[k].remaining();
        }
        stream = new byte[frameStart[frameCount]];
        for (int k = 0; k < frameCount; k++) {
            frames[k].get(stream, frameStart[k], frames[k].remaining());
        }
        view = ByteBuffer.wrap(stream);
        // Every session exists before measuring: this is the path of established sessions.
        for (int i = 0; i < live; i++) {
            packet(frame(clientFrame[i]));
        }
        if (table.size() != live) {
            throw new IllegalStateException("expected " + live + " sessions, table has " + table.size());
        }
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        b[0] = (byte) (10 + (b[0] & 0x3f)); // unicast-looking first byte
        return b;
    }

    /** Ethernet + IPv4/IPv6 + TCP/UDP, 100 bytes of payload. */
    private static ByteBuffer frame(boolean v6, boolean tcp, byte[] src, int sport, byte[] dst, int dport) {
        int l4 = tcp ? 20 : 8;
        int payload = 100;
        int ipHeader = v6 ? 40 : 20;
        ByteBuffer b = ByteBuffer.allocate(14 + ipHeader + l4 + payload);
        b.position(12);
        b.putShort((short) (v6 ? 0x86dd : 0x0800));
        if (v6) {
            b.putInt(0x60000000);
            b.putShort((short) (l4 + payload));
            b.put((byte) (tcp ? 6 : 17));
            b.put((byte) 64);
            b.put(src);
            b.put(dst);
        } else {
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + l4 + payload));
            b.putInt(0).put((byte) 64).put((byte) (tcp ? 6 : 17)).putShort((short) 0);
            b.put(src);
            b.put(dst);
        }
        b.putShort((short) sport).putShort((short) dport);
        if (tcp) {
            b.putInt(1).putInt(1).put((byte) 0x50).put((byte) 0x18).putShort((short) 65535).putInt(0);
        } else {
            b.putShort((short) (8 + payload)).putShort((short) 0);
        }
        b.clear();
        return b;
    }

    /** The view over frame k. */
    private ByteBuffer frame(int k) {
        ByteBuffer v = view;
        v.limit(frameStart[k + 1]);
        v.position(frameStart[k]);
        return v;
    }

    private int packet(ByteBuffer frame) {
        FrameDecoder d = decoder;
        if (!d.decode(frame)) {
            return -1;
        }
        int s = table.findOrCreate(d.srcHigh(), d.srcLow(), d.srcPort(), d.dstHigh(), d.dstLow(), d.dstPort(),
                d.protocol(), 0, now);
        if (s >= 0) {
            table.addPacket(s, table.lastLookupFromClient(), d.l3Length(), now);
        }
        return s;
    }

    /** Packets the batched variant holds at a time. */
    private static final int GROUP = 16;
    // The batched variant's decoded tuples, one group at a time.
    private final long[] groupSrcHi = new long[GROUP];
    private final long[] groupSrcLo = new long[GROUP];
    private final long[] groupDstHi = new long[GROUP];
    private final long[] groupDstLo = new long[GROUP];
    private final int[] groupPorts = new int[GROUP];
    private final int[] groupProtocol = new int[GROUP];
    private final int[] groupLength = new int[GROUP];

    /**
     * The same packets, as a batched packet path would handle them (the engine does not, yet):
     * decode {@value #GROUP} frames, touch their sessions ({@link SessionTable#prefetch}), then
     * look each up and count it, so that the cache misses of the group overlap.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int decodeAndLookupBatched() {
        FrameDecoder d = decoder;
        SessionTable t = table;
        int acc = 0;
        int c = cursor;
        for (int g = 0; g < BATCH; g += GROUP) {
            int n = 0;
            for (int i = 0; i < GROUP; i++) {
                if (d.decode(frame(c))) {
                    groupSrcHi[n] = d.srcHigh();
                    groupSrcLo[n] = d.srcLow();
                    groupDstHi[n] = d.dstHigh();
                    groupDstLo[n] = d.dstLow();
                    groupPorts[n] = d.srcPort() << 16 | d.dstPort();
                    groupProtocol[n] = d.protocol();
                    groupLength[n] = d.l3Length();
                    n++;
                }
                if (++c == frameCount) {
                    c = 0;
                }
            }
            for (int i = 0; i < n; i++) {
                acc += t.prefetch(groupSrcHi[i], groupSrcLo[i], groupPorts[i] >>> 16, groupDstHi[i], groupDstLo[i],
                        groupPorts[i] & 0xFFFF, groupProtocol[i], 0);
            }
            for (int i = 0; i < n; i++) {
                int s = t.findOrCreate(groupSrcHi[i], groupSrcLo[i], groupPorts[i] >>> 16, groupDstHi[i],
                        groupDstLo[i], groupPorts[i] & 0xFFFF, groupProtocol[i], 0, now);
                if (s >= 0) {
                    t.addPacket(s, t.lastLookupFromClient(), groupLength[i], now);
                }
                acc += s;
            }
        }
        cursor = c;
        now += 1000;
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int decodeAndLookup() {
        int acc = 0;
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            acc += packet(frame(c));
            if (++c == frameCount) {
                c = 0;
            }
        }
        cursor = c;
        now += 1000;
        return acc;
    }
}
