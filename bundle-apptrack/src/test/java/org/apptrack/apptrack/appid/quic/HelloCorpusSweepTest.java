package org.apptrack.apptrack.appid.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.GroundTruth;
import org.apptrack.apptrack.appid.tls.ClientHelloInfo;
import org.apptrack.apptrack.appid.tls.DtlsClientHelloReader;
import org.apptrack.apptrack.appid.tls.ServerHelloInfo;
import org.apptrack.apptrack.appid.tls.TlsStatus;
import org.apptrack.apptrack.appid.tls.TlsStreamReassembler;
import org.apptrack.apptrack.engine.classify.ClassificationPool;
import org.apptrack.apptrack.engine.classify.ClassificationState;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.api.Test;

/**
 * Every flow of every capture of both nDPI sets (fuzzed and malformed ones included) through the
 * TLS reassembler (both directions), the DTLS reader and the QUIC reader, as a classifier would
 * offer them: nothing throws, and on the flows nDPI could not name, none reads as a hello with a
 * name.
 */
class HelloCorpusSweepTest {

    @Test
    void everyCapturedFlowPassesAndUnknownFlowsGiveNoName() throws IOException {
        Path root = GroundTruth.set("ndpi");
        Prerequisites.optional(TestData.missing(root), Files.isDirectory(root));
        List<String> named = new ArrayList<>();
        int flows = 0;
        int hellos = 0;
        ClassificationPool pool = new ClassificationPool(1, 16384);
        int slot = pool.acquire();
        for (String set : new String[] {"ndpi", "ndpi-extended"}) {
            List<GroundTruth.Row> unknown = GroundTruth.rows(set).stream().filter(r -> "Unknown".equals(r.master))
                    .collect(Collectors.toList());
            List<Path> captures;
            try (Stream<Path> s = Files.list(GroundTruth.set(set).resolve("pcap"))) {
                captures = s.sorted().collect(Collectors.toList());
            }
            for (Path capture : captures) {
                List<Flow> all;
                try {
                    all = CaptureFlows.read(capture);
                } catch (IOException e) {
                    continue; // not a capture the test reader knows (none in the sets at the time of writing)
                }
                for (Flow flow : all) {
                    flows++;
                    String name = sweep(flow, pool, slot, capture);
                    if (!name.isEmpty()) {
                        hellos++;
                        for (GroundTruth.Row row : unknown) {
                            if (row.file.equals(capture.getFileName().toString()) && row.find(all) == flow) {
                                named.add(row + " read as " + name);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), named);
        assertTrue(flows > 4000 && hellos > 500, flows + " flows, " + hellos + " hellos with a name");
    }

    /** The name a hello of this flow gives, "" for none; fails on an exception. */
    private static String sweep(Flow flow, ClassificationPool pool, int slot, Path capture) {
        StringBuilder names = new StringBuilder();
        try {
            for (boolean fromClient : new boolean[] {true, false}) {
                List<Flow.Packet> packets = flow.packets(fromClient);
                if (flow.protocol() == 6) {
                    TlsStreamReassembler client = new TlsStreamReassembler(0, 0, 8192);
                    TlsStreamReassembler server = new TlsStreamReassembler(2, 8192, 8192);
                    ClassificationState state = fresh(pool, slot);
                    ClientHelloInfo c = new ClientHelloInfo();
                    ServerHelloInfo s = new ServerHelloInfo();
                    TlsStatus cs = TlsStatus.NEED_MORE;
                    TlsStatus ss = TlsStatus.NEED_MORE;
                    for (Flow.Packet p : packets.subList(0, Math.min(packets.size(), 32))) {
                        ByteBuffer b = p.buffer();
                        if (cs == TlsStatus.NEED_MORE) {
                            cs = client.offerClientHello(state, p.seq(), b, p.payloadOffset(), p.payloadLength(), c);
                        }
                        if (ss == TlsStatus.NEED_MORE) {
                            ss = server.offerServerFlight(state, p.seq(), b, p.payloadOffset(), p.payloadLength(), s);
                        }
                    }
                    if (cs == TlsStatus.COMPLETE && c.serverName().isPresent()) {
                        names.append(c.serverName());
                    }
                    if (ss == TlsStatus.COMPLETE && s.subjectCommonName().isPresent()) {
                        names.append(s.subjectCommonName());
                    }
                } else {
                    ClassificationState state = fresh(pool, slot);
                    QuicHello q = new QuicHello();
                    QuicStatus qs = QuicStatus.NEED_MORE;
                    ClientHelloInfo d = new ClientHelloInfo();
                    for (Flow.Packet p : packets.subList(0, Math.min(packets.size(), 32))) {
                        if (qs == QuicStatus.NEED_MORE) {
                            qs = QuicFeed.READER.read(state, p.buffer(), p.payloadOffset(), p.payloadLength(), q);
                        }
                        if (DtlsClientHelloReader.read(p.buffer(), p.payloadOffset(), p.payloadLength(), d)
                                == TlsStatus.COMPLETE && d.serverName().isPresent()) {
                            names.append(d.serverName());
                        }
                    }
                    if (qs == QuicStatus.COMPLETE && q.hello().serverName().isPresent()) {
                        names.append(q.hello().serverName());
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new AssertionError(capture.getFileName() + " " + flow, e);
        }
        return names.toString();
    }

    private static ClassificationState fresh(ClassificationPool pool, int slot) {
        pool.release(slot);
        return pool.state(pool.acquire());
    }
}
