package org.apptrack.bench;

import java.nio.ByteBuffer;
import java.util.Random;

import org.apptrack.apptrack.appid.AppIdSettings;
import org.apptrack.apptrack.appid.DpiClassifier;
import org.apptrack.apptrack.appid.naming.CatalogIdentification;
import org.apptrack.apptrack.appid.protocol.StandardDissectors;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.EngineSettings;
import org.apptrack.apptrack.engine.PolicyResolver;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.apptrack.apptrack.engine.catalog.PortServiceMap;
import org.apptrack.apptrack.engine.classify.PortClassifier;

/**
 * Heap per session with {@code N} sessions open (default 1,000,000), measured as heap used after
 * GC before the engine exists and after the sessions were created, for three engines: the port
 * classifier (flow accounting alone), application identification whose sessions all finish
 * classifying at their first payload (an NTP request), and application identification whose
 * sessions all stay in classification (a DNS query waiting for its answer; a TLS record announcing
 * a ClientHello longer than the segment, which the TLS dissector claims and waits for), each
 * holding a pool slot and its buffer: the worst case the pool bounds.
 *
 * <p>Run with {@code java -Xmx8g -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar
 * org.apptrack.bench.SessionMemory [N]}; the serial collector reports arrays without G1's region
 * rounding.
 */
public final class SessionMemory {

    private static final int TLS_PORT = 443;
    private static final int DNS_PORT = 53;

    private SessionMemory() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.printf("%d sessions, heap used after GC per session (engine, tables, classifier, caches)%n", n);
        report("port classifier (no identification), TCP 443", n, false, Payload.TLS);
        report("identification on, every session identified at once (NTP request)", n, true, Payload.NTP);
        report("identification on, every session classifying (DNS query, no answer)", n, true, Payload.DNS);
        report("identification on, every session classifying (TLS hello pending)", n, true, Payload.TLS);
    }

    private enum Payload { TLS, DNS, NTP }

    private static void report(String what, int n, boolean identify, Payload kind) {
        long before = usedAfterGc();
        EngineSettings settings = EngineSettings.builder().maxSessions(n).build();
        AppTrackEngine engine;
        if (identify) {
            CatalogIdentification catalog = CatalogIdentification.bundled();
            DpiClassifier classifier = new DpiClassifier(catalog, StandardDissectors.create(catalog),
                    AppIdSettings.defaults());
            engine = new AppTrackEngine(settings, SessionEventListener.NONE, PolicyResolver.TRACK_ALL, classifier);
        } else {
            engine = new AppTrackEngine(settings, SessionEventListener.NONE, PolicyResolver.TRACK_ALL,
                    new PortClassifier(PortServiceMap.junosDefaults()));
        }
        long empty = usedAfterGc();
        ByteBuffer frame = ByteBuffer.allocate(256);
        Random rnd = new Random(42);
        long now = 1_000_000_000L;
        for (int i = 0; i < n; i++) {
            int client = 0x0a000000 | i;
            int server = 0xc0000000 | rnd.nextInt(1 << 20);
            int port = 1024 + (i & 0x7fff);
            int length = kind == Payload.TLS ? tlsFrame(frame, client, server, port)
                    : kind == Payload.DNS ? dnsFrame(frame, client, server, port, i) : ntpFrame(frame, client, server, port);
            frame.limit(length).position(0);
            engine.onFrame(frame, 0, now + i);
        }
        long full = usedAfterGc();
        System.out.printf("  %-75s %6.1f B/session (%d open; empty engine %.1f B/session)%n", what,
                (double) (full - before) / n, engine.active(), (double) (empty - before) / n);
        if (engine.active() < 0) {
            System.out.println(engine); // keeps the engine reachable until measured
        }
    }

    /** Ethernet + IPv4 + TCP (PSH|ACK) with the first 64 bytes of a TLS record announcing 600. */
    private static int tlsFrame(ByteBuffer b, int client, int server, int port) {
        b.clear();
        ipv4(b, 6, client, server, 20 + 64);
        b.putShort((short) port).putShort((short) TLS_PORT).putInt(1).putInt(1).put((byte) 0x50).put((byte) 0x18)
                .putShort((short) 65535).putInt(0);
        b.put((byte) 22).putShort((short) 0x0301).putShort((short) 600); // record: handshake, 600 bytes
        b.put((byte) 1).put((byte) 0).putShort((short) 596).putShort((short) 0x0303); // ClientHello, 596 bytes
        for (int k = 0; k < 64 - 11; k++) {
            b.put((byte) k);
        }
        return b.position();
    }

    /** Ethernet + IPv4 + UDP with a DNS query for example.com, type A. */
    private static int dnsFrame(ByteBuffer b, int client, int server, int port, int id) {
        b.clear();
        byte[] question = {7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 0, 1, 0, 1};
        int dns = 12 + question.length;
        ipv4(b, 17, client, server, 8 + dns);
        b.putShort((short) port).putShort((short) DNS_PORT).putShort((short) (8 + dns)).putShort((short) 0);
        b.putShort((short) id).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0).putInt(0);
        b.put(question);
        return b.position();
    }

    /** Ethernet + IPv4 + UDP with an NTPv4 client request (mode 3, 48 bytes). */
    private static int ntpFrame(ByteBuffer b, int client, int server, int port) {
        b.clear();
        ipv4(b, 17, client, server, 8 + 48);
        b.putShort((short) port).putShort((short) 123).putShort((short) (8 + 48)).putShort((short) 0);
        b.put((byte) 0x23);
        for (int k = 1; k < 48; k++) {
            b.put((byte) 0);
        }
        return b.position();
    }

    private static void ipv4(ByteBuffer b, int protocol, int src, int dst, int l4Length) {
        b.position(12);
        b.putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + l4Length));
        b.putInt(0).put((byte) 64).put((byte) protocol).putShort((short) 0);
        b.putInt(src).putInt(dst);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
