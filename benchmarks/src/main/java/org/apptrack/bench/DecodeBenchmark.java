package org.apptrack.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
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
 * {@link FrameDecoder#decode} of a realistic mix of frames, one frame per operation, cycling
 * through: TCP/IPv4 (SYN and a 1448-byte data segment), UDP/IPv4 DNS query, TCP/IPv6 with a
 * 1200-byte payload, 802.1Q-tagged TCP/IPv4 ACK, QinQ-tagged UDP/IPv4. {@code heap} decodes heap
 * buffers, {@code direct} direct buffers (as a capture ring would hand them). Expect
 * {@code gc.alloc.rate.norm} ~0 B/op.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DecodeBenchmark -f 1 -wi 3 -i 5 -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class DecodeBenchmark {

    private final FrameDecoder decoder = new FrameDecoder();
    private ByteBuffer[] heap;
    private ByteBuffer[] direct;
    private int next;

    @Setup
    public void setup() {
        byte[][] frames = {
            ether(0x0800, ipv4(6, tcp(51514, 443, 0x02, 20, 0))),
            ether(0x0800, ipv4(6, tcp(51514, 443, 0x18, 12, 1448))),
            ether(0x0800, ipv4(17, udp(40001, 53, 33))),
            ether(0x86dd, ipv6(6, tcp(443, 50000, 0x10, 12, 1200))),
            vlan(new int[] {0x8100}, ipv4(6, tcp(22, 60000, 0x10, 12, 0))),
            vlan(new int[] {0x88a8, 0x8100}, ipv4(17, udp(5060, 5060, 400))),
        };
        heap = new ByteBuffer[frames.length];
        direct = new ByteBuffer[frames.length];
        for (int i = 0; i < frames.length; i++) {
            heap[i] = ByteBuffer.wrap(frames[i]);
            direct[i] = ByteBuffer.allocateDirect(frames[i].length);
            direct[i].put(frames[i]).flip();
            if (!decoder.decode(heap[i]) || !decoder.decode(direct[i])) {
                throw new IllegalStateException("benchmark frame " + i + " does not decode");
            }
        }
    }

    @Benchmark
    public long heap() {
        return decodeOne(heap);
    }

    @Benchmark
    public long direct() {
        return decodeOne(direct);
    }

    private long decodeOne(ByteBuffer[] frames) {
        int i = next;
        next = i + 1 == frames.length ? 0 : i + 1;
        FrameDecoder d = decoder;
        if (!d.decode(frames[i])) {
            return -1;
        }
        // consume what a flow lookup would: the 5-tuple, VLAN and byte count
        return d.srcLow() ^ d.dstLow() ^ d.srcHigh() ^ d.dstHigh()
                ^ ((long) d.srcPort() << 16 | d.dstPort()) ^ d.protocol() ^ d.outerVlan() ^ d.l3Length();
    }

    // ---- frame construction (setup only)

    static byte[] ether(int type, byte[] l3) {
        return concat(new byte[] {0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0x66, 0x77, 0x78, 0x79, 0x7a,
            (byte) (type >>> 8), (byte) type}, l3);
    }

    private static byte[] vlan(int[] tpids, byte[] l3) {
        byte[] f = new byte[12 + 4 * tpids.length + 2];
        int o = 12;
        int vid = 100;
        for (int tpid : tpids) {
            f[o] = (byte) (tpid >>> 8);
            f[o + 1] = (byte) tpid;
            f[o + 3] = (byte) vid++;
            o += 4;
        }
        f[o] = 0x08;
        return concat(f, l3);
    }

    static byte[] ipv4(int proto, byte[] l4) {
        byte[] h = new byte[20];
        int total = 20 + l4.length;
        h[0] = 0x45;
        h[2] = (byte) (total >>> 8);
        h[3] = (byte) total;
        h[4] = 0x12;
        h[6] = 0x40;
        h[8] = 64;
        h[9] = (byte) proto;
        h[12] = 10;
        h[15] = 7;
        h[16] = (byte) 192;
        h[17] = (byte) 168;
        h[18] = 1;
        h[19] = 1;
        return concat(h, l4);
    }

    private static byte[] ipv6(int nh, byte[] l4) {
        byte[] h = new byte[40];
        h[0] = 0x60;
        h[4] = (byte) (l4.length >>> 8);
        h[5] = (byte) l4.length;
        h[6] = (byte) nh;
        h[7] = 64;
        h[8] = 0x20;
        h[9] = 0x01;
        h[10] = 0x0d;
        h[11] = (byte) 0xb8;
        h[23] = 1;
        h[24] = 0x26;
        h[25] = 0x06;
        h[26] = 0x47;
        h[39] = 0x11;
        return concat(h, l4);
    }

    static byte[] tcp(int sp, int dp, int flags, int optionBytes, int payload) {
        byte[] t = new byte[20 + optionBytes + payload];
        t[0] = (byte) (sp >>> 8);
        t[1] = (byte) sp;
        t[2] = (byte) (dp >>> 8);
        t[3] = (byte) dp;
        t[12] = (byte) (((20 + optionBytes) / 4) << 4);
        t[13] = (byte) flags;
        return t;
    }

    private static byte[] udp(int sp, int dp, int payload) {
        byte[] u = new byte[8 + payload];
        u[0] = (byte) (sp >>> 8);
        u[1] = (byte) sp;
        u[2] = (byte) (dp >>> 8);
        u[3] = (byte) dp;
        u[4] = (byte) (u.length >>> 8);
        u[5] = (byte) u.length;
        return u;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
