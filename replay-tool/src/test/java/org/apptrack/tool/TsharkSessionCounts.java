package org.apptrack.tool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cross-checks the per-session packet and byte counts of the replay tool's APPTRACK_SESSION_CLOSE
 * logs against an independent count made by tshark ({@code ip.len}; IPv6: 40 + {@code ipv6.plen})
 * on one capture file. Used by {@link SessionCountsTest} (every capture of the shared nDPI test set)
 * and {@link NetnsSessionCountsTest} (traffic the test makes between network namespaces).
 *
 * <p>Both sides are summed per canonical flow key (protocol and the unordered pair of
 * (address, port) endpoints) and per direction (packets and layer-3 bytes sent by each endpoint).
 * Exclusions are explicit and counted:
 * <ul>
 * <li>ICMP errors (ICMP types 3, 4, 5, 11, 12; ICMPv6 types 1-4) are left out of the tshark side:
 * the engine charges them to the session they quote, not as packets of their own;</li>
 * <li>later fragments are attributed, as the engine does, to the key of their first fragment
 * (same source, destination, protocol and fragment id); later fragments with no first fragment
 * are left out and counted (the engine drops them too);</li>
 * <li>keys whose deficit (tshark has more packets) is explained by the frames the engine counted
 * malformed or not IP in that file (per-file budget);</li>
 * <li>TCP keys whose deficit is explained by RST segments (the engine, like an SRX, does not
 * create a session for a RST without one);</li>
 * <li>frames whose outer IPv6 protocol tshark cannot name behind extension headers.</li>
 * </ul>
 */
final class TsharkSessionCounts {

    private static final String[] FIELDS = {
        "frame.number", "frame.protocols",
        "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "ip.proto", "ipv6.nxt",
        "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport",
        "ip.len", "ipv6.plen", "icmp.ident", "icmpv6.echo.identifier",
        "ip.frag_offset", "ip.flags.mf", "ip.id", "icmp.type", "icmpv6.type",
        "ipv6.fraghdr.offset", "ipv6.fraghdr.more", "ipv6.fraghdr.ident", "ipv6.fraghdr.nxt",
        "tcp.flags.reset",
    };
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
    private static final int F_TCP_RST = 25;

    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_.-]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FRAMES = Pattern.compile(
            "frames: ([0-9,]+) decoded, ([0-9,]+) not IP, ([0-9,]+) malformed");

    /** Where tshark's output and the replayed logs go. */
    private final Path dir;
    private final Map<String, String> addressCache = new HashMap<>();

    /** Per-direction counts of one canonical key: [packets from A, bytes from A, packets from B, bytes from B]. */
    private static final class Counts {
        final long[] v = new long[4];
        /** Later fragments attributed to this key through their first fragment (tshark side only). */
        long laterFragments;
        /** RST segment sizes per direction (tshark side only). */
        final List<List<Long>> rst = List.of(new ArrayList<>(), new ArrayList<>());

        void add(int dir, long bytes) {
            v[dir * 2]++;
            v[dir * 2 + 1] += bytes;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "A->B %d pkts/%d B, B->A %d pkts/%d B", v[0], v[1], v[2], v[3]);
        }
    }

    /** A canonical key and which of its endpoints a frame or session's source is. */
    private static final class Keyed {
        final String key;
        final int dir;

        Keyed(String key, int dir) {
            this.key = key;
            this.dir = dir;
        }
    }

    TsharkSessionCounts(Path workDirectory) {
        this.dir = workDirectory;
    }

    /** The outcome of one file: keys that agree (with their counts), exclusions, mismatches. */
    static final class FileResult {
        final String name;
        /** Keys ("proto addrA portA addrB portB") whose counts agree, with [pkts A->B, bytes A->B, pkts B->A, bytes B->A]. */
        final Map<String, long[]> agreed = new TreeMap<>();
        final Map<String, Long> excluded = new TreeMap<>();
        final List<String> mismatches = new ArrayList<>();

        FileResult(String name) {
            this.name = name;
        }

        long compared() {
            return agreed.size();
        }
    }

    /** Whether tshark runs. */
    static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Replays {@code file} with the replay tool (configuration from {@code etc}) and compares every
     * session's per-direction packets and layer-3 bytes with tshark's count of the same file.
     */
    FileResult check(Path file, Path etc) throws Exception {
        String name = file.getFileName().toString();
        FileResult result = new FileResult(name);
        Map<String, Long> excludedTotal = result.excluded;
        List<String> mismatches = result.mismatches;
        Path tsharkOut = dir.resolve(name + ".tshark.tsv");
        Path tsharkErr = dir.resolve(name + ".tshark.err");
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(),
                "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE",
                "-T", "fields", "-E", "separator=/t", "-E", "occurrence=f"));
        for (String f : FIELDS) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process tshark = new ProcessBuilder(cmd).redirectOutput(tsharkOut.toFile())
                .redirectError(tsharkErr.toFile()).start();

        // our side (while tshark runs)
        Path logs = dir.resolve(name + ".log");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // without --quiet: the summary (on stderr) gives the malformed count
        int rc;
        try {
            rc = ReplayTool.run(new String[] {"--etc", etc.toString(), "--output", logs.toString(),
                file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            tshark.destroyForcibly();
            String failure = name + ": the replay tool threw " + e;
            mismatches.add(failure);
            System.out.println(failure);
            return result;
        }
        String summary = err.toString(StandardCharsets.UTF_8);
        if (rc != 0) {
            tshark.destroyForcibly();
            throw new AssertionError(name + ": the replay tool exited with " + rc + ": "
                    + err.toString(StandardCharsets.UTF_8));
        }
        long notIp = 0;
        long malformed = 0;
        Matcher fm = FRAMES.matcher(summary);
        if (fm.find()) {
            notIp = Long.parseLong(fm.group(2).replace(",", ""));
            malformed = Long.parseLong(fm.group(3).replace(",", ""));
        }
        Map<String, Counts> ours = new HashMap<>();
        for (String line : Files.readAllLines(logs, StandardCharsets.UTF_8)) {
            if (!line.contains("APPTRACK_SESSION_CLOSE")) {
                continue;
            }
            Map<String, String> p = params(line);
            Keyed k = key(Integer.parseInt(p.get("protocol-id")), p.get("source-address"),
                    Integer.parseInt(p.get("source-port")), p.get("destination-address"),
                    Integer.parseInt(p.get("destination-port")));
            Counts c = ours.computeIfAbsent(k.key, x -> new Counts());
            int client = k.dir;
            c.v[client * 2] += Long.parseLong(p.get("packets-from-client"));
            c.v[client * 2 + 1] += Long.parseLong(p.get("bytes-from-client"));
            c.v[(1 - client) * 2] += Long.parseLong(p.get("packets-from-server"));
            c.v[(1 - client) * 2 + 1] += Long.parseLong(p.get("bytes-from-server"));
        }

        // tshark side
        if (!tshark.waitFor(5, TimeUnit.MINUTES)) {
            tshark.destroyForcibly();
            throw new AssertionError(name + ": tshark did not finish");
        }
        Map<String, Long> excluded = new TreeMap<>();
        Map<String, Counts> ref = new HashMap<>();
        Map<String, Keyed> firstFragments = new HashMap<>();
        for (String line : Files.readAllLines(tsharkOut, StandardCharsets.UTF_8)) {
            String[] f = Arrays.copyOf(line.split("\t", -1), FIELDS.length);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i] == null ? "" : f[i].trim();
            }
            List<String> protocols = Arrays.asList(f[F_PROTOCOLS].split(":"));
            int ip4 = protocols.indexOf("ip");
            int ip6 = protocols.indexOf("ipv6");
            if (ip4 < 0 && ip6 < 0) {
                continue; // not IP
            }
            boolean v4 = ip4 >= 0 && (ip6 < 0 || ip4 < ip6);
            String src;
            String dst;
            int proto;
            long bytes;
            boolean laterFragment;
            boolean firstFragment;
            String fragId;
            if (v4) {
                src = f[F_IP_SRC];
                dst = f[F_IP_DST];
                proto = parseInt(f[F_IP_PROTO]);
                bytes = parseInt(f[F_IP_LEN]);
                int offset = parseInt(f[F_IP_FRAG_OFFSET]);
                boolean mf = bool(f[F_IP_MF]);
                laterFragment = offset > 0;
                firstFragment = offset == 0 && mf;
                fragId = f[F_IP_ID];
            } else {
                src = f[F_IP6_SRC];
                dst = f[F_IP6_DST];
                bytes = 40L + parseInt(f[F_IP6_PLEN]);
                proto = parseInt(f[F_IP6_NXT]);
                boolean fragHeader = protocols.subList(ip6 + 1, protocols.size()).contains("ipv6.fraghdr");
                if (fragHeader) {
                    int offset = parseInt(f[F_IP6_FRAG_OFFSET]);
                    laterFragment = offset > 0;
                    firstFragment = offset == 0 && bool(f[F_IP6_FRAG_MORE]);
                    fragId = f[F_IP6_FRAG_IDENT];
                } else {
                    laterFragment = false;
                    firstFragment = false;
                    fragId = "";
                }
                if (isIpv6Extension(proto)) {
                    proto = fragHeader && !f[F_IP6_FRAG_NXT].isEmpty() && !isIpv6Extension(parseInt(f[F_IP6_FRAG_NXT]))
                            ? parseInt(f[F_IP6_FRAG_NXT]) : protocolAfterExtensions(protocols, ip6);
                }
                if (proto < 0) {
                    count(excluded, "ipv6-ext-unknown-protocol frames");
                    continue;
                }
            }
            if (src.isEmpty() || dst.isEmpty()) {
                count(excluded, "ip-without-addresses frames");
                continue;
            }
            if (laterFragment) {
                Keyed k = firstFragments.get(fragmentKey(src, dst, proto, fragId));
                if (k == null) {
                    count(excluded, "later-fragment-without-first frames");
                    continue;
                }
                Counts c = ref.computeIfAbsent(k.key, x -> new Counts());
                // direction by source address, as the engine does
                int d = endpointA(k.key).equals(normal(src)) ? 0 : 1;
                c.add(d, bytes);
                c.laterFragments++;
                count(excluded, "(info) later fragments attributed to their first fragment's key");
                continue;
            }
            int sport = 0;
            int dport = 0;
            if (proto == 6) {
                sport = parseInt(f[F_TCP_SPORT]);
                dport = parseInt(f[F_TCP_DPORT]);
            } else if (proto == 17) {
                sport = parseInt(f[F_UDP_SPORT]);
                dport = parseInt(f[F_UDP_DPORT]);
            } else if (proto == 1) {
                int type = parseInt(f[F_ICMP_TYPE]);
                if (type == 3 || type == 4 || type == 5 || type == 11 || type == 12) {
                    count(excluded, "icmp-error frames");
                    continue;
                }
                if (type == 0 || type == 8) {
                    sport = parseInt(f[F_ICMP_IDENT]);
                    dport = sport;
                }
            } else if (proto == 58) {
                int type = parseInt(f[F_ICMP6_TYPE]);
                if (type >= 1 && type <= 4) {
                    count(excluded, "icmp-error frames");
                    continue;
                }
                if (type == 128 || type == 129) {
                    sport = parseInt(f[F_ICMP6_IDENT]);
                    dport = sport;
                }
            }
            if (sport < 0 || dport < 0) {
                sport = Math.max(sport, 0);
                dport = Math.max(dport, 0);
            }
            Keyed k = key(proto, src, sport, dst, dport);
            Counts c = ref.computeIfAbsent(k.key, x -> new Counts());
            c.add(k.dir, bytes);
            if (proto == 6 && bool(f[F_TCP_RST])) {
                c.rst.get(k.dir).add(bytes);
            }
            if (firstFragment) {
                firstFragments.put(fragmentKey(src, dst, proto, fragId), k);
            }
        }

        // compare
        long budget = malformed + notIp;
        Set<String> keys = new TreeSet<>(ref.keySet());
        keys.addAll(ours.keySet());
        List<String> deficitKeys = new ArrayList<>();
        long deficitPackets = 0;
        List<String> fileMismatches = new ArrayList<>();
        for (String key : keys) {
            Counts r = ref.get(key);
            Counts o = ours.get(key);
            long[] rv = r == null ? new long[4] : r.v;
            long[] ov = o == null ? new long[4] : o.v;
            if (Arrays.equals(rv, ov)) {
                result.agreed.put(key, rv.clone());
                continue;
            }
            if (r != null && explainedByRst(r, ov)) {
                count(excluded, "tcp-rst-without-session keys");
                continue;
            }
            if (ov[0] <= rv[0] && ov[1] <= rv[1] && ov[2] <= rv[2] && ov[3] <= rv[3]) {
                deficitKeys.add(key);
                // a malformed first fragment also loses the later fragments attached to it
                deficitPackets += Math.max(0, rv[0] - ov[0] + rv[2] - ov[2] - r.laterFragments);
                continue;
            }
            fileMismatches.add(name + " [" + key + "] ours " + Objects.toString(o) + " vs tshark " + r);
        }
        if (!deficitKeys.isEmpty()) {
            if (deficitPackets <= budget && deficitKeys.size() <= budget) {
                excluded.merge("malformed-or-not-ip keys", (long) deficitKeys.size(), Long::sum);
            } else {
                for (String key : deficitKeys) {
                    fileMismatches.add(name + " [" + key + "] ours " + ours.get(key) + " vs tshark " + ref.get(key)
                            + " (deficit not explained by malformed+notIp " + budget + ": " + deficitKeys.size()
                            + " keys short, " + deficitPackets + " packets besides later fragments)");
                }
            }
        }
        mismatches.addAll(fileMismatches);
        excluded.forEach((k, v) -> excludedTotal.merge(k, v, Long::sum));
        System.out.printf(Locale.ROOT, "%s: %d keys compared, %d mismatches, malformed %d, not IP %d, excluded %s%n",
                name, result.compared(), fileMismatches.size(), malformed, notIp, excluded);
        return result;
    }

    /** Our side lacks only RST segments of tshark's (in each direction at most all of them, byte sums consistent). */
    private static boolean explainedByRst(Counts r, long[] ov) {
        boolean any = false;
        for (int d = 0; d < 2; d++) {
            long dp = r.v[d * 2] - ov[d * 2];
            long db = r.v[d * 2 + 1] - ov[d * 2 + 1];
            List<Long> sizes = new ArrayList<>(r.rst.get(d));
            if (dp < 0 || db < 0 || dp > sizes.size()) {
                return false;
            }
            if (dp == 0) {
                if (db != 0) {
                    return false;
                }
                continue;
            }
            sizes.sort(null);
            long min = 0;
            long max = 0;
            for (int i = 0; i < dp; i++) {
                min += sizes.get(i);
                max += sizes.get(sizes.size() - 1 - i);
            }
            if (db < min || db > max) {
                return false;
            }
            any = true;
        }
        return any;
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

    private static String fragmentKey(String src, String dst, int proto, String id) {
        return src + '|' + dst + '|' + proto + '|' + id;
    }

    private static String endpointA(String key) {
        // key: "proto addrA portA addrB portB"
        return key.split(" ")[1];
    }

    private Keyed key(int proto, String src, int sport, String dst, int dport) {
        String a = normal(src) + ' ' + sport;
        String b = normal(dst) + ' ' + dport;
        return a.compareTo(b) <= 0 ? new Keyed(proto + " " + a + ' ' + b, 0) : new Keyed(proto + " " + b + ' ' + a, 1);
    }

    private String normal(String address) {
        return addressCache.computeIfAbsent(address, a -> {
            try {
                return InetAddress.getByName(a).getHostAddress();
            } catch (UnknownHostException e) {
                throw new AssertionError("not an address literal: " + a, e);
            }
        });
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

    private static void count(Map<String, Long> m, String reason) {
        m.merge(reason, 1L, Long::sum);
    }

    private static int parseInt(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        String v = s.split(",")[0];
        return v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
    }

    private static boolean bool(String s) {
        return "1".equals(s) || "True".equalsIgnoreCase(s);
    }
}
