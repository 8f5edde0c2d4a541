package org.apptrack.tool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apptrack.testsupport.prereq.Host;

/**
 * Cross-checks the sessions of the replay tool's APPTRACK_SESSION_CLOSE logs against an
 * independent count made by tshark on one capture file: each flow of the reference
 * ({@link ReferenceFlows}: tshark's packets cut by the documented rules where a session
 * legitimately differs from a 5-tuple count) agrees when one session of the same key has exactly
 * its per-endpoint packets and layer-3 bytes ({@code ip.len}; IPv6: 40 + {@code ipv6.plen}) and,
 * for a flow that began with a SYN, the SYN's sender as its client. Used by
 * {@link SessionCountsTest} (every capture of the nDPI developer sets) and
 * {@link NetnsSessionCountsTest} (traffic the test makes between network namespaces).
 *
 * <p>Flows of a key that the engine counted short, where the capture's frames the engine found
 * malformed or not IP (and tshark decoded) explain the deficit, are excluded and counted.
 */
final class TsharkSessionCounts {

    private static final String[] FIELDS = {
        "frame.time_epoch", "frame.protocols",
        "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "ip.proto", "ipv6.nxt",
        "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport",
        "ip.len", "ipv6.plen", "icmp.ident", "icmpv6.echo.identifier",
        "ip.frag_offset", "ip.flags.mf", "ip.id", "icmp.type", "icmpv6.type",
        "ipv6.fraghdr.offset", "ipv6.fraghdr.more", "ipv6.fraghdr.ident", "ipv6.fraghdr.nxt",
        "tcp.flags", "dns.flags.response",
    };
    private static final int F_TIME = 0;
    private static final int F_PROTOCOLS = 1;
    private static final int F_IP_SRC = 2;
    private static final int F_IP_DST = 3;
    private static final int F_IP6_SRC = 4;
    private static final int F_IP6_DST = 5;
    private static final int F_IP_PROTO = 6;
    private static final int F_IP6_NXT = 7;
    private static final int F_TCP_SPORT = 8;
    private static final int F_TCP_DPORT = 9;
    private static final int F_UDP_SPORT = 10;
    private static final int F_UDP_DPORT = 11;
    private static final int F_IP_LEN = 12;
    private static final int F_IP6_PLEN = 13;
    private static final int F_ICMP_IDENT = 14;
    private static final int F_ICMP6_IDENT = 15;
    private static final int F_IP_FRAG_OFFSET = 16;
    private static final int F_IP_MF = 17;
    private static final int F_IP_ID = 18;
    private static final int F_ICMP_TYPE = 19;
    private static final int F_ICMP6_TYPE = 20;
    private static final int F_IP6_FRAG_OFFSET = 21;
    private static final int F_IP6_FRAG_MORE = 22;
    private static final int F_IP6_FRAG_IDENT = 23;
    private static final int F_IP6_FRAG_NXT = 24;
    private static final int F_TCP_FLAGS = 25;
    private static final int F_DNS_RESPONSE = 26;

    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_.-]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FRAMES = Pattern.compile(
            "frames: ([0-9,]+) decoded, ([0-9,]+) not IP, ([0-9,]+) malformed");

    /** Where tshark's output and the replayed logs go. */
    private final Path dir;

    TsharkSessionCounts(Path workDirectory) {
        this.dir = workDirectory;
    }

    /** One session of our logs: its key, per-endpoint counts (as a reference flow's) and client endpoint. */
    private static final class Session {
        final long[] v = new long[4];
        int clientDir;
        boolean matched;
    }

    /** A reference flow that a session agrees with. */
    static final class Agreed {
        /** "proto addrA portA addrB portB". */
        final String key;
        /** [pkts A->B, bytes A->B, pkts B->A, bytes B->A]. */
        final long[] counts;

        Agreed(String key, long[] counts) {
            this.key = key;
            this.counts = counts;
        }
    }

    /** The outcome of one file. */
    static final class FileResult {
        final String name;
        final List<Agreed> agreed = new ArrayList<>();
        final Map<String, Long> excluded = new TreeMap<>();
        final List<String> mismatches = new ArrayList<>();
        /** Reference flows compared (agreed + mismatched). */
        long flows;
        /** Reference flows of one packet. */
        long onePacketFlows;

        FileResult(String name) {
            this.name = name;
        }

        long compared() {
            return agreed.size();
        }

        /** A capture made of one-packet flows (a scan): nine in ten of its flows have one packet. */
        boolean madeOfOnePacketFlows() {
            return flows >= 10 && onePacketFlows * 10 >= flows * 9;
        }
    }

    /** Whether tshark runs. */
    static boolean tsharkAvailable() {
        return Host.commandRuns("tshark", "-v");
    }

    /** Starts tshark on {@code file}; its fields go to a file in the work directory. */
    Process startTshark(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(),
                "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE",
                "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String f : FIELDS) {
            cmd.add("-e");
            cmd.add(f);
        }
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve(name + ".tshark.tsv").toFile())
                .redirectError(dir.resolve(name + ".tshark.err").toFile()).start();
    }

    /**
     * Replays {@code file} with the replay tool (configuration from {@code etc}) and compares its
     * sessions with the reference flows of tshark's count of the same file.
     */
    FileResult check(Path file, Path etc) throws Exception {
        return check(file, etc, startTshark(file));
    }

    /** As {@link #check(Path, Path)}, with tshark already started by {@link #startTshark}. */
    FileResult check(Path file, Path etc, Process tshark) throws Exception {
        String name = file.getFileName().toString();
        FileResult result = new FileResult(name);

        Path logs = dir.resolve(name + ".log");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try {
            rc = ReplayTool.run(new String[] {"--etc", etc.toString(), "--output", logs.toString(),
                file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            tshark.destroyForcibly();
            result.mismatches.add(name + ": the replay tool threw " + e);
            return result;
        }
        String summary = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        if (rc != 0 && !summary.contains("corrupt")) {
            tshark.destroyForcibly();
            throw new AssertionError(name + ": the replay tool exited with " + rc + ": " + summary);
        }
        if (rc != 0) {
            // tshark too reads such a file up to the damage: compare what both read
            result.excluded.merge("(info) captures corrupt part-way", 1L, Long::sum);
        }
        long budget = 0;
        Matcher fm = FRAMES.matcher(summary);
        if (fm.find()) {
            budget = Long.parseLong(fm.group(2).replace(",", "")) + Long.parseLong(fm.group(3).replace(",", ""));
        }

        if (!tshark.waitFor(5, TimeUnit.MINUTES)) {
            tshark.destroyForcibly();
            throw new AssertionError(name + ": tshark did not finish");
        }
        ReferenceFlows reference = new ReferenceFlows();
        for (String line : Files.readAllLines(dir.resolve(name + ".tshark.tsv"), StandardCharsets.UTF_8)) {
            ReferenceFlows.Packet p = packet(line, reference.excluded);
            if (p != null) {
                reference.add(p);
            }
        }
        Map<String, List<Session>> ours = sessions(logs, reference);
        Map<String, List<ReferenceFlows.Flow>> byKey = new LinkedHashMap<>();
        for (ReferenceFlows.Flow f : reference.finish()) {
            byKey.computeIfAbsent(f.key, k -> new ArrayList<>()).add(f);
        }
        result.excluded.putAll(reference.excluded);

        List<ReferenceFlows.Flow> unmatched = new ArrayList<>();
        for (Map.Entry<String, List<ReferenceFlows.Flow>> e : byKey.entrySet()) {
            List<Session> candidates = ours.getOrDefault(e.getKey(), List.of());
            for (ReferenceFlows.Flow f : e.getValue()) {
                Session s = match(f, candidates);
                if (s != null) {
                    s.matched = true;
                    result.agreed.add(new Agreed(f.key, f.v.clone()));
                } else {
                    unmatched.add(f);
                }
            }
        }
        // The engine's malformed or not-IP frames (tshark decoded them) explain flows counted short.
        long deficitPackets = 0;
        List<ReferenceFlows.Flow> deficits = new ArrayList<>();
        for (ReferenceFlows.Flow f : unmatched) {
            long[] sum = new long[4];
            for (Session s : ours.getOrDefault(f.key, List.of())) {
                if (!s.matched) {
                    for (int i = 0; i < 4; i++) {
                        sum[i] += s.v[i];
                    }
                }
            }
            if (sum[0] <= f.v[0] && sum[1] <= f.v[1] && sum[2] <= f.v[2] && sum[3] <= f.v[3]) {
                deficits.add(f);
                deficitPackets += Math.max(0, f.packets() - sum[0] - sum[2] - f.laterFragments);
            }
        }
        boolean explained = !deficits.isEmpty() && deficitPackets <= budget && deficits.size() <= budget;
        for (ReferenceFlows.Flow f : unmatched) {
            if (explained && deficits.contains(f)) {
                result.excluded.merge("malformed-or-not-ip flows", 1L, Long::sum);
                continue;
            }
            result.mismatches.add(name + " [" + f.key + "] tshark " + f + (f.beganWithSyn ? " (SYN)" : "")
                    + " vs ours " + describe(ours.get(f.key)));
        }
        result.flows = result.agreed.size() + result.mismatches.size();
        for (Agreed a : result.agreed) {
            if (a.counts[0] + a.counts[2] == 1) {
                result.onePacketFlows++;
            }
        }
        for (ReferenceFlows.Flow f : unmatched) {
            if (f.packets() == 1) {
                result.onePacketFlows++;
            }
        }
        return result;
    }

    private static Session match(ReferenceFlows.Flow f, List<Session> candidates) {
        for (Session s : candidates) {
            if (!s.matched && Arrays.equals(s.v, f.v) && (!f.beganWithSyn || s.clientDir == f.clientDir)) {
                return s;
            }
        }
        return null;
    }

    private static String describe(List<Session> sessions) {
        if (sessions == null || sessions.isEmpty()) {
            return "no session";
        }
        StringBuilder sb = new StringBuilder();
        for (Session s : sessions) {
            sb.append(sb.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                    "A->B %d pkts/%d B, B->A %d pkts/%d B, client %s", s.v[0], s.v[1], s.v[2], s.v[3],
                    s.clientDir == 0 ? "A" : "B"));
        }
        return sb.toString();
    }

    /** Our sessions by key, from the CLOSE records. */
    private static Map<String, List<Session>> sessions(Path logs, ReferenceFlows names) throws IOException {
        Map<String, List<Session>> ours = new HashMap<>();
        for (String line : Files.readAllLines(logs, StandardCharsets.UTF_8)) {
            if (!line.contains("APPTRACK_SESSION_CLOSE")) {
                continue;
            }
            Map<String, String> p = params(line);
            String a = names.normal(p.get("source-address")) + ' ' + p.get("source-port");
            String b = names.normal(p.get("destination-address")) + ' ' + p.get("destination-port");
            boolean clientIsA = a.compareTo(b) <= 0;
            String key = p.get("protocol-id") + " " + (clientIsA ? a + ' ' + b : b + ' ' + a);
            Session s = new Session();
            s.clientDir = clientIsA ? 0 : 1;
            int c = s.clientDir;
            s.v[c * 2] = Long.parseLong(p.get("packets-from-client"));
            s.v[c * 2 + 1] = Long.parseLong(p.get("bytes-from-client"));
            s.v[(1 - c) * 2] = Long.parseLong(p.get("packets-from-server"));
            s.v[(1 - c) * 2 + 1] = Long.parseLong(p.get("bytes-from-server"));
            ours.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        return ours;
    }

    /** One line of tshark's fields as a packet, or null when it is not one the reference counts. */
    private static ReferenceFlows.Packet packet(String line, Map<String, Long> excluded) {
        String[] f = Arrays.copyOf(line.split("\t", -1), FIELDS.length);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i] == null ? "" : f[i].trim();
        }
        List<String> protocols = Arrays.asList(f[F_PROTOCOLS].split(":"));
        int ip4 = protocols.indexOf("ip");
        int ip6 = protocols.indexOf("ipv6");
        if (ip4 < 0 && ip6 < 0) {
            return null; // not IP
        }
        ReferenceFlows.Packet p = new ReferenceFlows.Packet();
        p.nanos = new BigDecimal(first(f[F_TIME])).movePointRight(9).longValue();
        boolean v4 = ip4 >= 0 && (ip6 < 0 || ip4 < ip6);
        if (v4) {
            p.src = first(f[F_IP_SRC]);
            p.dst = first(f[F_IP_DST]);
            p.protocol = parseInt(f[F_IP_PROTO]);
            p.bytes = parseInt(f[F_IP_LEN]);
            int offset = parseInt(f[F_IP_FRAG_OFFSET]);
            p.moreFragments = bool(f[F_IP_MF]);
            p.laterFragment = offset > 0;
            p.firstFragment = offset == 0 && p.moreFragments;
            p.fragmentId = first(f[F_IP_ID]);
        } else {
            p.src = first(f[F_IP6_SRC]);
            p.dst = first(f[F_IP6_DST]);
            p.bytes = 40L + parseInt(f[F_IP6_PLEN]);
            int proto = parseInt(f[F_IP6_NXT]);
            boolean fragHeader = protocols.subList(ip6 + 1, protocols.size()).contains("ipv6.fraghdr");
            if (fragHeader) {
                int offset = parseInt(f[F_IP6_FRAG_OFFSET]);
                p.moreFragments = bool(f[F_IP6_FRAG_MORE]);
                p.laterFragment = offset > 0;
                p.firstFragment = offset == 0 && p.moreFragments;
                p.fragmentId = first(f[F_IP6_FRAG_IDENT]);
            }
            if (isIpv6Extension(proto)) {
                String nxt = first(f[F_IP6_FRAG_NXT]);
                proto = fragHeader && !nxt.isEmpty() && !isIpv6Extension(parseInt(nxt))
                        ? parseInt(nxt) : protocolAfterExtensions(protocols, ip6);
            }
            if (proto < 0) {
                excluded.merge("ipv6-ext-unknown-protocol frames", 1L, Long::sum);
                return null;
            }
            p.protocol = proto;
        }
        if (p.src.isEmpty() || p.dst.isEmpty()) {
            excluded.merge("ip-without-addresses frames", 1L, Long::sum);
            return null;
        }
        if (p.laterFragment) {
            return p;
        }
        switch (p.protocol) {
            case 6:
                p.srcPort = parseInt(f[F_TCP_SPORT]);
                p.dstPort = parseInt(f[F_TCP_DPORT]);
                p.tcpFlags = parseInt(f[F_TCP_FLAGS]);
                break;
            case 17:
                p.srcPort = parseInt(f[F_UDP_SPORT]);
                p.dstPort = parseInt(f[F_UDP_DPORT]);
                p.dnsResponse = bool(f[F_DNS_RESPONSE]);
                break;
            case 1: {
                p.icmpType = parseInt(f[F_ICMP_TYPE]);
                int t = p.icmpType;
                if (t == 3 || t == 4 || t == 5 || t == 11 || t == 12) {
                    quoted(p, f, second(f[F_IP_SRC]), second(f[F_IP_DST]), second(f[F_IP_PROTO]));
                } else if (t == 0 || t == 8) {
                    p.srcPort = parseInt(f[F_ICMP_IDENT]);
                    p.dstPort = p.srcPort;
                }
                break;
            }
            case 58: {
                p.icmpType = parseInt(f[F_ICMP6_TYPE]);
                int t = p.icmpType;
                if (t >= 1 && t <= 4) {
                    quoted(p, f, second(f[F_IP6_SRC]), second(f[F_IP6_DST]), second(f[F_IP6_NXT]));
                } else if (t == 128 || t == 129) {
                    p.srcPort = parseInt(f[F_ICMP6_IDENT]);
                    p.dstPort = p.srcPort;
                }
                break;
            }
            default:
                break;
        }
        return p;
    }

    /** Marks {@code p} an ICMP error and records the packet it quotes (protocol -2 when unreadable). */
    private static void quoted(ReferenceFlows.Packet p, String[] f, String src, String dst, String proto) {
        p.innerProtocol = src.isEmpty() || dst.isEmpty() || proto.isEmpty() ? -2 : parseInt(proto);
        p.innerSrc = src;
        p.innerDst = dst;
        if (p.innerProtocol == 17) {
            p.innerSrcPort = parseInt(f[F_UDP_SPORT]);
            p.innerDstPort = parseInt(f[F_UDP_DPORT]);
        } else if (p.innerProtocol == 6) {
            p.innerSrcPort = parseInt(f[F_TCP_SPORT]);
            p.innerDstPort = parseInt(f[F_TCP_DPORT]);
        } else if (p.innerProtocol == 1 || p.innerProtocol == 58) {
            String id = p.innerProtocol == 1 ? first(f[F_ICMP_IDENT]) : first(f[F_ICMP6_IDENT]);
            p.innerSrcPort = parseInt(id);
            p.innerDstPort = p.innerSrcPort;
        }
    }

    private static boolean isIpv6Extension(int nxt) {
        return nxt == 0 || nxt == 43 || nxt == 44 || nxt == 60;
    }

    /** The protocol after the IPv6 extension headers named in frame.protocols, or -1. */
    private static int protocolAfterExtensions(List<String> protocols, int ip6) {
        for (int i = ip6 + 1; i < protocols.size(); i++) {
            String p = protocols.get(i);
            if (p.startsWith("ipv6.")) {
                continue;
            }
            switch (p) {
                case "tcp": return 6;
                case "udp": return 17;
                case "icmpv6": return 58;
                case "ip": return 4;
                case "ipv6": return 41;
                case "gre": return 47;
                case "esp": return 50;
                case "ah": return 51;
                case "sctp": return 132;
                default: return -1;
            }
        }
        return -1;
    }

    private static Map<String, String> params(String line) {
        int sd = line.indexOf('[');
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(line.substring(Math.max(sd, 0)));
        while (m.find()) {
            p.put(m.group(1), m.group(2).replace("\\]", "]").replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return p;
    }

    private static String first(String s) {
        int comma = s.indexOf(',');
        return comma < 0 ? s : s.substring(0, comma);
    }

    private static String second(String s) {
        String[] v = s.split(",");
        return v.length > 1 ? v[1] : "";
    }

    private static int parseInt(String s) {
        String v = first(s);
        if (v.isEmpty()) {
            return 0;
        }
        return v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
    }

    private static boolean bool(String s) {
        String v = first(s);
        return "1".equals(v) || "True".equalsIgnoreCase(v);
    }
}
