package org.apptrack.apptrack.appid.tls;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.SeededMutator;
import org.apptrack.apptrack.engine.classify.ClassificationState;
import org.junit.jupiter.api.Test;

/**
 * Damaged real payloads and random bytes through every TLS entry point: nothing throws, and a
 * name is reported only when it is in the input as given (a parser never invents or runs past
 * one); random bytes never read as a complete hello.
 */
class TlsFuzzTest {

    private static final int ROUNDS = 3000;

    @Test
    void damagedClientHellosNeverThrowNorInventNames() throws IOException {
        List<byte[]> inputs = Samples.clientHellos();
        SeededMutator m = new SeededMutator(12);
        int complete = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] in = m.mutate(inputs.get(round % inputs.size()));
            ClientHelloInfo out = new ClientHelloInfo();
            TlsStatus st = feedClient(in, m.random().nextInt(in.length + 1), out, "seed 12 round " + round);
            if (st == TlsStatus.COMPLETE) {
                complete++;
                fromInput(in, out.serverName(), round);
                for (int i = 0; i < out.alpn().count(); i++) {
                    fromInput(in, out.alpn().get(i), round);
                }
            }
            if (in.length > 5) {
                TlsStatus direct = ClientHelloParser.parse(ByteBuffer.wrap(in), 5, in.length - 5, out);
                if (direct == TlsStatus.COMPLETE) {
                    fromInput(in, out.serverName(), round);
                }
            }
        }
        assertTrue(complete > 0 && complete < ROUNDS, "some damage is harmless, most is not: " + complete);
    }

    @Test
    void segmentsInAnyOrderRepeatedOrOverlappingNeverThrowNorWriteOutsideTheRegion() throws IOException {
        List<byte[]> inputs = new ArrayList<>(Samples.clientHellos());
        inputs.addAll(Samples.serverFlights());
        SeededMutator m = new SeededMutator(56);
        java.util.Random random = m.random();
        for (int round = 0; round < ROUNDS; round++) {
            byte[] in = round % 2 == 0 ? inputs.get(round % inputs.size()) : m.mutate(inputs.get(round % inputs.size()));
            if (in.length == 0) {
                continue;
            }
            int capacity = 1 + random.nextInt(round % 3 == 0 ? 600 : 6000);
            ClassificationState state = Feed.state(8192);
            byte[] marker = new byte[8192];
            java.util.Arrays.fill(marker, (byte) 0x5a);
            state.write(0, marker, 0, marker.length);
            TlsStreamReassembler r = new TlsStreamReassembler(2, 512, capacity);
            ClientHelloInfo client = new ClientHelloInfo();
            ServerHelloInfo server = new ServerHelloInfo();
            boolean fromClient = in.length > 5 && in[5] == 1;
            int seq = random.nextInt();
            TlsStatus st = TlsStatus.NEED_MORE;
            try {
                for (int k = 0; k < 40 && st == TlsStatus.NEED_MORE; k++) {
                    int from = k == 0 ? 0 : random.nextInt(in.length);
                    int n = Math.min(in.length - from, 1 + random.nextInt(700));
                    ByteBuffer b = ByteBuffer.wrap(in);
                    st = fromClient ? r.offerClientHello(state, seq + from, b, from, n, client)
                            : r.offerServerFlight(state, seq + from, b, from, n, server);
                }
            } catch (RuntimeException e) {
                throw new AssertionError("seed 56 round " + round, e);
            }
            for (int i = 0; i < 8192; i++) {
                if ((i < 512 || i >= 512 + capacity) && state.bytes().get(i) != 0x5a) {
                    fail("seed 56 round " + round + ": byte " + i + " outside the region written");
                }
            }
            if (st == TlsStatus.COMPLETE) {
                fromInput(in, fromClient ? client.serverName() : server.subjectCommonName(), round);
            }
        }
    }

    @Test
    void damagedServerFlightsNeverThrowNorInventNames() throws IOException {
        List<byte[]> inputs = Samples.serverFlights();
        SeededMutator m = new SeededMutator(34);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] in = m.mutate(inputs.get(round % inputs.size()));
            ServerHelloInfo out = new ServerHelloInfo();
            int capacity = round % 2 == 0 ? 8192 : 600;
            ClassificationState state = Feed.state(capacity);
            TlsStreamReassembler r = new TlsStreamReassembler(0, 0, capacity);
            TlsStatus st = TlsStatus.NEED_MORE;
            try {
                for (int p = 0; p < in.length && st == TlsStatus.NEED_MORE; p += 1000) {
                    st = r.offerServerFlight(state, 77 + p, ByteBuffer.wrap(in), p, Math.min(1000, in.length - p), out);
                }
            } catch (RuntimeException e) {
                throw new AssertionError("seed 34 round " + round, e);
            }
            if (st == TlsStatus.COMPLETE) {
                fromInput(in, out.alpn(), round);
                fromInput(in, out.subjectCommonName(), round);
                for (int i = 0; i < out.dnsNames().count(); i++) {
                    fromInput(in, out.dnsNames().get(i), round);
                }
            }
            if (in.length > 5) {
                ServerFlightParser.parse(ByteBuffer.wrap(in), 5, in.length - 5, round % 3 == 0, out);
            }
        }
    }

    @Test
    void damagedDtlsHellosNeverThrowNorInventNames() throws IOException {
        List<byte[]> inputs = new ArrayList<>();
        for (String file : new String[] {"dtls.pcap", "dtls_session_id_and_coockie_both.pcap", "dtls_old_version.pcapng"}) {
            for (Flow f : Samples.flows("ndpi-extended", file)) {
                for (Flow.Packet p : f.packets()) {
                    byte[] payload = p.payload();
                    if (payload.length > 25 && payload[0] == 0x16 && payload[13] == 1) {
                        inputs.add(payload);
                    }
                }
            }
        }
        assertTrue(inputs.size() > 3, "DTLS ClientHellos in the captures: " + inputs.size());
        SeededMutator m = new SeededMutator(56);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] in = m.mutate(inputs.get(round % inputs.size()));
            ClientHelloInfo out = new ClientHelloInfo();
            TlsStatus st;
            try {
                st = DtlsClientHelloReader.read(ByteBuffer.wrap(in), 0, in.length, out);
            } catch (RuntimeException e) {
                throw new AssertionError("seed 56 round " + round, e);
            }
            if (st == TlsStatus.COMPLETE) {
                fromInput(in, out.serverName(), round);
            }
        }
    }

    @Test
    void randomBytesNeverReadAsAHello() {
        SeededMutator m = new SeededMutator(78);
        byte[][] starts = {{}, {0x16, 3, 1}, {0x16, 3, 3, 2, 0, 1}, {0x16, 3, 1, 0, (byte) 0xf0, 1, 0, 0, (byte) 0xec, 3, 3}};
        for (int round = 0; round < 20 * ROUNDS; round++) {
            byte[] start = starts[round % starts.length];
            byte[] in = m.garbage(start.length + m.random().nextInt(1500));
            System.arraycopy(start, 0, in, 0, start.length);
            ClientHelloInfo client = new ClientHelloInfo();
            ServerHelloInfo server = new ServerHelloInfo();
            if (feedClient(in, in.length / 2, client, "seed 78 round " + round) == TlsStatus.COMPLETE
                    && !client.sslv2Compatible()) {
                fail("random bytes read as a ClientHello: round " + round + " " + client);
            }
            if (DtlsClientHelloReader.read(ByteBuffer.wrap(in), 0, in.length, client) == TlsStatus.COMPLETE) {
                fail("random bytes read as a DTLS ClientHello: round " + round);
            }
            ClassificationState state = Feed.state(4096);
            TlsStatus st = new TlsStreamReassembler(0, 0, 4096).offerServerFlight(state, 1, ByteBuffer.wrap(in), 0,
                    in.length, server);
            if (st == TlsStatus.COMPLETE && (server.alpn().isPresent() || server.certificateSeen())) {
                fail("random bytes read as a server flight with names: round " + round + " " + server);
            }
        }
    }

    private static TlsStatus feedClient(byte[] in, int split, ClientHelloInfo out, String where) {
        ClassificationState state = Feed.state(4096);
        TlsStreamReassembler r = new TlsStreamReassembler(0, 0, 4096);
        try {
            TlsStatus st = r.offerClientHello(state, 5, ByteBuffer.wrap(in), 0, split, out);
            if (st == TlsStatus.NEED_MORE) {
                st = r.offerClientHello(state, 5 + split, ByteBuffer.wrap(in), split, in.length - split, out);
            }
            return st;
        } catch (RuntimeException e) {
            throw new AssertionError(where, e);
        }
    }

    private static void fromInput(byte[] in, TlsName name, int round) {
        if (name.isPresent() && !SeededMutator.contains(in, name.array(), name.length())) {
            fail("round " + round + ": name [" + name + "] is not in the input");
        }
        if (name.length() > TlsName.MAX) {
            fail("round " + round + ": name longer than " + TlsName.MAX);
        }
    }
}
