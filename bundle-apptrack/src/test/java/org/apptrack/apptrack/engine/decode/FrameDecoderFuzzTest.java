package org.apptrack.apptrack.engine.decode;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.cat;
import static org.apptrack.testsupport.packets.Packets.ether;
import static org.apptrack.testsupport.packets.Packets.ext;
import static org.apptrack.testsupport.packets.Packets.frag6;
import static org.apptrack.testsupport.packets.Packets.icmp;
import static org.apptrack.testsupport.packets.Packets.ip6;
import static org.apptrack.testsupport.packets.Packets.ipv4;
import static org.apptrack.testsupport.packets.Packets.ipv6;
import static org.apptrack.testsupport.packets.Packets.payload;
import static org.apptrack.testsupport.packets.Packets.tagged;
import static org.apptrack.testsupport.packets.Packets.tcp;
import static org.apptrack.testsupport.packets.Packets.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;

/** Seeded mutation fuzzing: no exception may escape and every frame is counted exactly once. */
class FrameDecoderFuzzTest {

    private static final long SEED = 0x5eed_a99_7acL;
    private static final int ITERATIONS = 200_000;

    static List<byte[]> handBuilt() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(ether(0x0800, ipv4(6, A, B, tcp(40000, 443, 0x18, payload(40)))));
        seeds.add(ether(0x0800, ipv4(17, A, B, udp(5353, 53, payload(30)))));
        seeds.add(ether(0x0800, ipv4(7, new byte[] {(byte) 0x94, 4, 0, 0, 1, 1, 1, 0}, -1, 1, 0, 6, A, B,
                tcp(1, 2, 2, payload(8)))));
        seeds.add(ether(0x0800, ipv4(5, new byte[0], -1, 9, 0x2000, 17, A, B, udp(1, 2, payload(24)))));
        seeds.add(ether(0x0800, ipv4(5, new byte[0], -1, 9, 0x0003, 17, A, B, payload(24))));
        seeds.add(ether(0x0800, ipv4(1, A, B, icmp(8, 0, 7, 1, payload(16)))));
        seeds.add(ether(0x0800, ipv4(1, A, B, icmp(3, 3, 0, 0, Arrays.copyOf(ipv4(17, B, A, udp(1, 2, payload(8))), 28)))));
        seeds.add(tagged(0x0800, ipv4(6, A, B, tcp(1, 2, 2, payload(4))), 0x88a8, 10, 0x8100, 20));
        seeds.add(ether(0x86dd, ipv6(6, ip6(1), ip6(2), tcp(1, 2, 2, payload(10)))));
        seeds.add(ether(0x86dd, ipv6(0, ip6(1), ip6(2), cat(ext(43, 0), ext(60, 1), ext(51, 0), Packets.ah(17, 4),
                udp(3, 4, payload(8))))));
        seeds.add(ether(0x86dd, ipv6(44, ip6(1), ip6(2), cat(frag6(6, 0, true, 5), tcp(1, 2, 2, payload(16))))));
        seeds.add(ether(0x86dd, ipv6(44, ip6(1), ip6(2), cat(frag6(6, 64, false, 5), payload(16)))));
        seeds.add(ether(0x86dd, ipv6(58, ip6(1), ip6(2), icmp(128, 0, 5, 1, payload(8)))));
        seeds.add(ether(0x86dd, ipv6(58, ip6(1), ip6(2), icmp(1, 4, 0, 0,
                ipv6(60, ip6(2), ip6(1), cat(ext(17, 0), udp(1, 2, payload(8))))))));
        seeds.add(ether(0x0806, payload(28)));
        return seeds;
    }

    static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = handBuilt();
        int fromPcaps = 0;
        for (Path f : PcapFrames.files()) {
            List<byte[]> frames = PcapFrames.read(f);
            if (frames == null) {
                continue;
            }
            for (int i = 0; i < frames.size() && i < 20; i++) {
                seeds.add(frames.get(i));
                fromPcaps++;
            }
        }
        System.out.println("fuzz seeds: " + seeds.size() + " (" + fromPcaps + " from pcaps)");
        return seeds;
    }

    @Test
    void mutatedFramesNeverThrowAndAreAlwaysCounted() throws Exception {
        List<byte[]> seeds = seeds();
        SplittableRandom rnd = new SplittableRandom(SEED);
        FrameDecoder d = new FrameDecoder();
        long ok = 0;
        for (int it = 0; it < ITERATIONS; it++) {
            byte[] f = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            ByteBuffer buf = wrap(f, rnd);
            int pos = buf.position();
            int lim = buf.limit();
            boolean r;
            try {
                r = d.decode(buf);
            } catch (RuntimeException e) {
                fail("iteration " + it + " threw on " + hex(f), e);
                return;
            }
            assertEquals(pos, buf.position());
            assertEquals(lim, buf.limit());
            if (r) {
                ok++;
                assertTrue(d.payloadOffset() >= pos && d.payloadOffset() + d.payloadLength() <= lim,
                        "payload out of bounds at iteration " + it);
                assertTrue(d.ipVersion() == 4 || d.ipVersion() == 6);
            }
        }
        assertEquals(ITERATIONS, d.frames());
        assertEquals(ok, d.decoded());
        assertEquals(d.frames(), ok + d.notIp() + d.malformedTotal());
        long sum = 0;
        for (MalformedCause c : MalformedCause.values()) {
            sum += d.malformed(c);
        }
        assertEquals(d.malformedTotal(), sum);
        System.out.printf("fuzz: %d frames, decoded %d, notIp %d, malformed %d%n", d.frames(), ok, d.notIp(),
                d.malformedTotal());
    }

    private static ByteBuffer wrap(byte[] f, SplittableRandom rnd) {
        int pad = rnd.nextInt(4);
        ByteBuffer b = rnd.nextBoolean() ? ByteBuffer.allocate(f.length + 2 * pad)
                : ByteBuffer.allocateDirect(f.length + 2 * pad);
        b.order(rnd.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) 0xa5); // garbage outside the window must never be read
        }
        for (int i = 0; i < f.length; i++) {
            b.put(pad + i, f[i]);
        }
        b.limit(pad + f.length).position(pad);
        return b;
    }

    static byte[] mutate(byte[] seed, SplittableRandom rnd) {
        byte[] f = seed.clone();
        int n = 1 + rnd.nextInt(4);
        for (int m = 0; m < n; m++) {
            int len = f.length;
            switch (rnd.nextInt(6)) {
                case 0: // flip a bit
                    if (len > 0) {
                        int i = rnd.nextInt(len);
                        f[i] ^= (byte) (1 << rnd.nextInt(8));
                    }
                    break;
                case 1: // random byte, biased to headers
                    if (len > 0) {
                        f[rnd.nextInt(Math.min(len, 80))] = (byte) rnd.nextInt(256);
                    }
                    break;
                case 2: { // insert bytes
                    int at = rnd.nextInt(len + 1);
                    int k = 1 + rnd.nextInt(8);
                    byte[] g = new byte[len + k];
                    System.arraycopy(f, 0, g, 0, at);
                    for (int i = 0; i < k; i++) {
                        g[at + i] = (byte) rnd.nextInt(256);
                    }
                    System.arraycopy(f, at, g, at + k, len - at);
                    f = g;
                    break;
                }
                case 3: { // delete bytes
                    if (len > 0) {
                        int at = rnd.nextInt(len);
                        int k = Math.min(len - at, 1 + rnd.nextInt(8));
                        byte[] g = new byte[len - k];
                        System.arraycopy(f, 0, g, 0, at);
                        System.arraycopy(f, at + k, g, at, len - at - k);
                        f = g;
                    }
                    break;
                }
                case 4: // truncate
                    f = Arrays.copyOf(f, rnd.nextInt(len + 1));
                    break;
                default: { // interesting values into a 16-bit field
                    if (len > 1) {
                        int i = rnd.nextInt(Math.min(len - 1, 80));
                        int[] vals = {0, 1, 0xffff, 0x8000, 0x7fff, 20, 40, 0x8100, 0x0800, 0x86dd};
                        int v = vals[rnd.nextInt(vals.length)];
                        f[i] = (byte) (v >>> 8);
                        f[i + 1] = (byte) v;
                    }
                    break;
                }
            }
        }
        return f;
    }

    private static String hex(byte[] f) {
        StringBuilder sb = new StringBuilder();
        for (byte x : f) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }
}
