package org.apptrack.apptrack.appid.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.GroundTruth;
import org.apptrack.apptrack.appid.flows.SeededMutator;
import org.apptrack.apptrack.appid.tls.TlsName;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.api.Test;

/**
 * Damaged real datagrams, damaged plaintexts sealed as valid Initials (so that the frame walk,
 * the stream assembler and the hello parser meet the damage), and random bytes: nothing throws;
 * a damaged protected datagram gives either nothing or the name its undamaged original gives;
 * a name from a damaged plaintext or a clear-text CHLO is in that input; random bytes never read
 * as a hello.
 */
class QuicFuzzTest {

    private static final int ROUNDS = 2000;

    @Test
    void damagedCapturedDatagramsGiveTheOriginalNameOrNone() throws IOException {
        List<byte[]> datagrams = new ArrayList<>();
        for (String[] c : new String[][] {{"ndpi", "quic-29.pcap"}, {"ndpi", "quic-33.pcapng"}, {"ndpi", "quic_q39.pcap"},
            {"ndpi", "gquic.pcap"}, {"ndpi-extended", "quic_q46.pcap"}, {"ndpi-extended", "quic_t51.pcap"},
            {"ndpi-extended", "quic_crypto_aes_auth_size.pcap"}, {"ndpi-extended", "quic_0RTT.pcap"}}) {
            Path capture = GroundTruth.capture(c[0], c[1]);
            Prerequisites.optional(TestData.missing(capture), Files.isRegularFile(capture));
            for (Flow f : CaptureFlows.read(capture)) {
                if (f.protocol() == 17 && !f.packets(true).isEmpty()) {
                    datagrams.add(f.packets(true).get(0).payload());
                }
            }
        }
        SeededMutator m = new SeededMutator(90);
        int names = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] original = datagrams.get(round % datagrams.size());
            QuicHello before = new QuicHello();
            QuicStatus was = read(original, before, round);
            byte[] damaged = m.mutate(original);
            QuicHello after = new QuicHello();
            if (read(damaged, after, round) != QuicStatus.COMPLETE || !after.hello().serverName().isPresent()) {
                continue;
            }
            names++;
            boolean clear = QuicVersion.isGoogle(after.version()) && after.version() != QuicVersion.Q050
                    && after.version() >>> 24 == 'Q';
            if (clear) {
                fromInput(damaged, after.hello().serverName(), round);
            } else if (was != QuicStatus.COMPLETE
                    || !before.hello().serverName().toString().equals(after.hello().serverName().toString())) {
                fail("round " + round + ": a damaged protected datagram gave " + after + ", the original " + before);
            }
        }
        assertTrue(names > 0, "some damage (after the packets, in padding) is harmless");
    }

    @Test
    void damagedPlaintextsSealedAsInitialsNeverThrowNorInventNames() throws Exception {
        byte[] hello = QuicReassemblyTest.browserHello();
        byte[] plaintext = InitialSealer.payload(1200, new byte[] {0x02, 0x00, 0x00, 0x00, 0x00},
                InitialSealer.crypto(0, hello, 0, hello.length / 3),
                InitialSealer.crypto(hello.length / 3, hello, hello.length / 3, hello.length - hello.length / 3),
                new byte[] {0x01});
        byte[] dcid = {1, 2, 3, 4, 5, 6, 7, 8};
        SeededMutator m = new SeededMutator(91);
        int complete = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] damaged = m.mutate(plaintext);
            if (damaged.length < 24) {
                continue;
            }
            byte[] packet = InitialSealer.seal(round % 2 == 0 ? QuicVersion.V1 : QuicVersion.V2, dcid, round, damaged);
            QuicHello out = new QuicHello();
            QuicStatus st = read(packet, out, round);
            if (st == QuicStatus.COMPLETE) {
                complete++;
                fromInput(damaged, out.hello().serverName(), round);
                for (int i = 0; i < out.hello().alpn().count(); i++) {
                    fromInput(damaged, out.hello().alpn().get(i), round);
                }
            }
        }
        assertTrue(complete > 0 && complete < ROUNDS, "some damage is harmless, most is not: " + complete);
    }

    @Test
    void randomBytesNeverReadAsAHello() {
        SeededMutator m = new SeededMutator(92);
        byte[][] starts = {{}, {(byte) 0xc3, 0, 0, 0, 1, 8}, {(byte) 0xcd, 0x51, 0x30, 0x34, 0x36, 0x50},
            {0x0d, 1, 2, 3, 4, 5, 6, 7, 8, 0x51, 0x30, 0x34, 0x33, 1}};
        for (int round = 0; round < 10 * ROUNDS; round++) {
            byte[] start = starts[round % starts.length];
            byte[] in = m.garbage(start.length + m.random().nextInt(1400));
            System.arraycopy(start, 0, in, 0, start.length);
            QuicHello out = new QuicHello();
            assertEquals(false, read(in, out, round) == QuicStatus.COMPLETE, "round " + round + " read as " + out);
        }
    }

    private static QuicStatus read(byte[] datagram, QuicHello out, int round) {
        try {
            return QuicFeed.READER.read(QuicFeed.state(), ByteBuffer.wrap(datagram), 0, datagram.length, out);
        } catch (RuntimeException e) {
            throw new AssertionError("round " + round, e);
        }
    }

    private static void fromInput(byte[] in, TlsName name, int round) {
        if (name.isPresent() && !SeededMutator.contains(in, name.array(), name.length())) {
            fail("round " + round + ": name [" + name + "] is not in the input");
        }
    }
}
