package org.apptrack.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.appid.quic.QuicHello;
import org.apptrack.apptrack.appid.quic.QuicInitialReader;
import org.apptrack.apptrack.appid.quic.QuicStatus;
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
 * Reading a QUIC client's hello from its first datagrams: header, header protection, AES-128-GCM,
 * frames, CRYPTO assembly in the session's classification state, ClientHello. One session per
 * operation (a pool slot taken and given back).
 * <ul>
 *   <li>{@code sameConnectionId}: the client Initial of RFC 9001 Appendix A.2, again and again:
 *       its keys stay derived, so this is the per-datagram cost;</li>
 *   <li>{@code capturedSessions}: the first client datagrams of the QUIC sessions of
 *       {@code sites.pcapng} and {@code quic-29.pcap}, {@code quic_frags_ch_in_multiple_packets.pcapng}
 *       (whose hello spans two datagrams), cycled: each session derives its keys (HKDF) first;</li>
 * </ul>
 * The JDK's GCM allocates about 1.1 KiB per datagram (see {@link QuicInitialReader}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar QuicInitialBenchmark -f 1 -wi 3 -i 5 -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class QuicInitialBenchmark {

    /** RFC 9001 Appendix A.2: the protected client Initial (DCID 8394c8f03e515708, SNI example.com). */
    private static final String RFC_9001_CLIENT_INITIAL =
            "c000000001088394c8f03e5157080000449e7b9aec34d1b1c98dd7689fb8ec11"
            + "d242b123dc9bd8bab936b47d92ec356c0bab7df5976d27cd449f63300099f399"
            + "1c260ec4c60d17b31f8429157bb35a1282a643a8d2262cad67500cadb8e7378c"
            + "8eb7539ec4d4905fed1bee1fc8aafba17c750e2c7ace01e6005f80fcb7df6212"
            + "30c83711b39343fa028cea7f7fb5ff89eac2308249a02252155e2347b63d58c5"
            + "457afd84d05dfffdb20392844ae812154682e9cf012f9021a6f0be17ddd0c208"
            + "4dce25ff9b06cde535d0f920a2db1bf362c23e596d11a4f5a6cf3948838a3aec"
            + "4e15daf8500a6ef69ec4e3feb6b1d98e610ac8b7ec3faf6ad760b7bad1db4ba3"
            + "485e8a94dc250ae3fdb41ed15fb6a8e5eba0fc3dd60bc8e30c5c4287e53805db"
            + "059ae0648db2f64264ed5e39be2e20d82df566da8dd5998ccabdae053060ae6c"
            + "7b4378e846d29f37ed7b4ea9ec5d82e7961b7f25a9323851f681d582363aa5f8"
            + "9937f5a67258bf63ad6f1a0b1d96dbd4faddfcefc5266ba6611722395c906556"
            + "be52afe3f565636ad1b17d508b73d8743eeb524be22b3dcbc2c7468d54119c74"
            + "68449a13d8e3b95811a198f3491de3e7fe942b330407abf82a4ed7c1b311663a"
            + "c69890f4157015853d91e923037c227a33cdd5ec281ca3f79c44546b9d90ca00"
            + "f064c99e3dd97911d39fe9c5d0b23a229a234cb36186c4819e8b9c5927726632"
            + "291d6a418211cc2962e20fe47feb3edf330f2c603a9d48c0fcb5699dbfe58964"
            + "25c5bac4aee82e57a85aaf4e2513e4f05796b07ba2ee47d80506f8d2c25e50fd"
            + "14de71e6c418559302f939b0e1abd576f279c4b2e0feb85c1f28ff18f58891ff"
            + "ef132eef2fa09346aee33c28eb130ff28f5b766953334113211996d20011a198"
            + "e3fc433f9f2541010ae17c1bf202580f6047472fb36857fe843b19f5984009dd"
            + "c324044e847a4f4a0ab34f719595de37252d6235365e9b84392b061085349d73"
            + "203a4a13e96f5432ec0fd4a1ee65accdd5e3904df54c1da510b0ff20dcc0c77f"
            + "cb2c0e0eb605cb0504db87632cf3d8b4dae6e705769d1de354270123cb11450e"
            + "fc60ac47683d7b8d0f811365565fd98c4c8eb936bcab8d069fc33bd801b03ade"
            + "a2e1fbc5aa463d08ca19896d2bf59a071b851e6c239052172f296bfb5e724047"
            + "90a2181014f3b94a4e97d117b438130368cc39dbb2d198065ae3986547926cd2"
            + "162f40a29f0c3c8745c0f50fba3852e566d44575c29d39a03f0cda721984b6f4"
            + "40591f355e12d439ff150aab7613499dbd49adabc8676eef023b15b65bfc5ca0"
            + "6948109f23f350db82123535eb8a7433bdabcb909271a6ecbcb58b936a88cd4e"
            + "8f2e6ff5800175f113253d8fa9ca8885c2f552e657dc603f252e1a8e308f76f0"
            + "be79e2fb8f5d5fbbe2e30ecadd220723c8c0aea8078cdfcb3868263ff8f09400"
            + "54da48781893a7e49ad5aff4af300cd804a6b6279ab3ff3afb64491c85194aab"
            + "760d58a606654f9f4400e8b38591356fbf6425aca26dc85244259ff2b19c41b9"
            + "f96f3ca9ec1dde434da7d2d392b905ddf3d1f9af93d1af5950bd493f5aa731b4"
            + "056df31bd267b6b90a079831aaf579be0a39013137aac6d404f518cfd4684064"
            + "7e78bfe706ca4cf5e9c5453e9f7cfd2b8b4c8d169a44e55c88d4a9a7f9474241"
            + "e221af44860018ab0856972e194cd934";

    private final ClassificationPool pool = new ClassificationPool(1, 4096);
    private final QuicInitialReader reader = new QuicInitialReader(0, 0, 4096);
    private final QuicHello out = new QuicHello();
    private ByteBuffer rfc;
    private ByteBuffer[][] sessions;
    private int next;

    @Setup
    public void setup() throws IOException {
        byte[] packet = new byte[RFC_9001_CLIENT_INITIAL.length() / 2];
        for (int i = 0; i < packet.length; i++) {
            packet[i] = (byte) Integer.parseInt(RFC_9001_CLIENT_INITIAL.substring(2 * i, 2 * i + 2), 16);
        }
        rfc = ByteBuffer.wrap(packet);
        List<ByteBuffer[]> s = new ArrayList<>();
        String[][] captures = {{"ndpi", "sites.pcapng"}, {"ndpi", "quic-29.pcap"},
            {"ndpi-extended", "quic_frags_ch_in_multiple_packets.pcapng"}};
        for (String[] c : captures) {
            for (List<byte[]> direction : CapturedPayloads.read(c[0], c[1]).values()) {
                ByteBuffer[] datagrams = direction.stream().limit(4).map(ByteBuffer::wrap).toArray(ByteBuffer[]::new);
                if (read(datagrams) == QuicStatus.COMPLETE) {
                    s.add(datagrams);
                }
            }
        }
        sessions = s.toArray(new ByteBuffer[0][]);
        if (sessions.length < 3 || sameConnectionId() != "example.com".length()) {
            throw new IllegalStateException("QUIC hellos do not read: " + sessions.length);
        }
    }

    @Benchmark
    public int sameConnectionId() {
        int slot = pool.acquire();
        QuicStatus st = reader.read(pool.state(slot), rfc, 0, rfc.limit(), out);
        pool.release(slot);
        return st == QuicStatus.COMPLETE ? out.hello().serverName().length() : -1;
    }

    @Benchmark
    public int capturedSessions() {
        ByteBuffer[] datagrams = sessions[next];
        next = next + 1 == sessions.length ? 0 : next + 1;
        return read(datagrams) == QuicStatus.COMPLETE ? out.hello().serverName().length() : -1;
    }

    private QuicStatus read(ByteBuffer[] datagrams) {
        int slot = pool.acquire();
        QuicStatus st = QuicStatus.NEED_MORE;
        for (int i = 0; i < datagrams.length && st == QuicStatus.NEED_MORE; i++) {
            st = reader.read(pool.state(slot), datagrams[i], 0, datagrams[i].limit(), out);
        }
        pool.release(slot);
        return st;
    }
}
