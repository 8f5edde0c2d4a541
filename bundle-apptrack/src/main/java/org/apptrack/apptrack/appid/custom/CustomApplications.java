package org.apptrack.apptrack.appid.custom;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apptrack.apptrack.appid.catalog.HostNameMatcher;
import org.apptrack.apptrack.appid.catalog.HostPattern;
import org.apptrack.apptrack.appid.custom.SignatureMember.Context;
import org.apptrack.apptrack.appid.custom.SignatureMember.Direction;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.engine.zone.AddressPrefix;

/**
 * The operator's own applications (Junos {@code services application-identification application
 * NAME over HTTP|SSL|TCP|UDP}), from the configuration's {@code customApplication.NAME.*}
 * properties:
 * <ul>
 *   <li>{@code over}: {@code HTTP} or {@code SSL}, a nested application inside those sessions;
 *       {@code TCP} or {@code UDP}, an application of its own;</li>
 *   <li>{@code member.M.context}, {@code member.M.pattern}, {@code member.M.direction}: the
 *       signature's members (Junos {@code signature S member M}), at most 15, all of which must
 *       match: contexts {@code http-header-host}, {@code http-url-parsed},
 *       {@code http-header-user-agent} over HTTP, {@code ssl-server-name} over SSL (direction
 *       {@code client-to-server}), {@code stream} over TCP and UDP (the first payload of the
 *       direction: {@code client-to-server}, {@code server-to-client} or {@code any}); patterns
 *       in the Junos syntax ({@link SignaturePattern});</li>
 *   <li>{@code hosts}: over HTTP or SSL, host names, {@code *.example.com} for a domain and
 *       everything under it; one of them must be the session's (Host, or TLS server name);</li>
 *   <li>{@code addresses}, {@code ports}: over TCP or UDP, the servers' prefixes and ports or
 *       ranges (Junos address mapping and {@code port-range}).</li>
 * </ul>
 * Their ids start at {@link #FIRST_ID}, above every catalog id; they are logged with category
 * {@code custom application} and sub-category {@code N/A}, as an SRX logs them. Immutable but
 * for each pattern's per-thread matcher; every match is allocation-free.
 */
public final class CustomApplications {

    /** The id of the first custom application (catalog ids stay below it). */
    public static final int FIRST_ID = 0x8000;
    /** The most custom applications. */
    public static final int MAX = 1024;
    /** The most members of one signature (Junos m01..m15). */
    public static final int MAX_MEMBERS = 15;
    /** The most applications with stream members (their progress is a bit each in a session's state). */
    public static final int MAX_STREAM = 30;
    /** Bytes of a payload a stream pattern is matched against. */
    public static final int STREAM_BYTES = 1024;
    public static final String CATEGORY = "custom application";
    public static final String PREFIX = "customApplication.";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,14}");
    private static final List<String> FIELDS = List.of("over", "hosts", "addresses", "ports");
    private static final AtomicInteger GENERATIONS = new AtomicInteger();
    private static final CustomApplications NONE = new CustomApplications(List.of(), HostNameMatcher.empty(), 0);

    /** Stream state word: bit i (i < 30) the stream application i still matches; bit 32 + i its any-direction members matched. */
    private static final long CLIENT_SEEN = 1L << 62;
    private static final long SERVER_SEEN = 1L << 63;
    private static final long VIABLE = (1L << MAX_STREAM) - 1;

    /** One custom application. */
    public static final class Definition {
        private final String name;
        private final String over;
        private final List<HostPattern> hosts;
        private final List<AddressPrefix> addresses;
        private final int[] portRanges;
        private final List<SignatureMember> members;
        private final boolean clientMembers;
        private final boolean serverMembers;
        private final boolean anyMembers;

        Definition(String name, String over, List<HostPattern> hosts, List<AddressPrefix> addresses,
                   int[] portRanges, List<SignatureMember> members) {
            this.name = name;
            this.over = over;
            this.hosts = hosts;
            this.addresses = addresses;
            this.portRanges = portRanges;
            this.members = members;
            this.clientMembers = members.stream().anyMatch(m -> m.direction() == Direction.CLIENT_TO_SERVER);
            this.serverMembers = members.stream().anyMatch(m -> m.direction() == Direction.SERVER_TO_CLIENT);
            this.anyMembers = members.stream().anyMatch(m -> m.direction() == Direction.ANY);
        }

        /** The name as logged (upper case, as Junos shows application names). */
        public String name() {
            return name;
        }

        /** {@code HTTP}, {@code SSL}, {@code TCP} or {@code UDP}. */
        public String over() {
            return over;
        }

        public List<SignatureMember> members() {
            return members;
        }

        /** The IP protocol of a TCP or UDP application (6 or 17), 0 for HTTP and SSL. */
        int protocol() {
            return "TCP".equals(over) ? 6 : "UDP".equals(over) ? 17 : 0;
        }

        boolean hasStream() {
            return protocol() != 0 && !members.isEmpty();
        }

        boolean matchesServer(int protocol, long high, long low, int port) {
            if (protocol != protocol()) {
                return false;
            }
            boolean address = addresses.isEmpty();
            for (int i = 0; i < addresses.size() && !address; i++) {
                address = addresses.get(i).matches(high, low);
            }
            boolean inPorts = portRanges.length == 0;
            for (int i = 0; i < portRanges.length && !inPorts; i += 2) {
                inPorts = port >= portRanges[i] && port <= portRanges[i + 1];
            }
            return address && inPorts;
        }

        /** Whether every member of {@code direction} matches the payload (true when there are none). */
        boolean streamMatches(Direction direction, ByteBuffer frame, int offset, int length) {
            for (int i = 0; i < members.size(); i++) {
                SignatureMember m = members.get(i);
                if (m.direction() == direction && !m.pattern().matches(frame, offset, length)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Definition> definitions;
    private final HostNameMatcher hosts;
    private final int generation;
    /** Indices into {@link #definitions} of the applications over HTTP, over SSL, with stream members. */
    private final int[] http;
    private final int[] ssl;
    private final int[] stream;
    /** Indices of the TCP/UDP applications named by address and port only. */
    private final int[] servers;

    private CustomApplications(List<Definition> definitions, HostNameMatcher hosts, int generation) {
        this.definitions = definitions;
        this.hosts = hosts;
        this.generation = generation;
        this.http = indices(definitions, d -> "HTTP".equals(d.over));
        this.ssl = indices(definitions, d -> "SSL".equals(d.over));
        this.stream = indices(definitions, Definition::hasStream);
        this.servers = indices(definitions, d -> d.protocol() != 0 && !d.hasStream());
    }

    private static int[] indices(List<Definition> definitions, java.util.function.Predicate<Definition> which) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            if (which.test(definitions.get(i))) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public static CustomApplications none() {
        return NONE;
    }

    /**
     * The custom applications of a configuration.
     *
     * @throws IllegalArgumentException naming the property ({@code customApplication.NAME.field},
     *     {@code customApplication.NAME.member.M.field}) that is wrong
     */
    public static CustomApplications parse(Map<String, ?> props) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (Map.Entry<String, ?> e : props.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            String name = dot > 0 ? rest.substring(0, dot) : "";
            String field = dot > 0 ? rest.substring(dot + 1) : "";
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(key + ": the name must be 1..63 letters, digits, '-' or '_'");
            }
            if (!FIELDS.contains(field) && !field.startsWith("member.")) {
                throw new IllegalArgumentException(key
                        + ": unknown field (over, hosts, addresses, ports, member.M.context|pattern|direction)");
            }
            byName.computeIfAbsent(name, n -> new TreeMap<>()).put(field, String.valueOf(e.getValue()).trim());
        }
        if (byName.isEmpty()) {
            return NONE;
        }
        if (byName.size() > MAX) {
            throw new IllegalArgumentException(PREFIX + "*: at most " + MAX + " custom applications");
        }
        List<Definition> definitions = new ArrayList<>();
        HostNameMatcher.Builder hostRules = HostNameMatcher.builder();
        int streams = 0;
        for (Map.Entry<String, Map<String, String>> e : byName.entrySet()) {
            Definition d = definition(e.getKey(), e.getValue());
            int id = FIRST_ID + definitions.size();
            for (HostPattern h : d.hosts) {
                try {
                    hostRules.add(h, id);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(PREFIX + e.getKey() + ".hosts: " + h + " is in two custom applications");
                }
            }
            if (d.hasStream() && ++streams > MAX_STREAM) {
                throw new IllegalArgumentException(PREFIX + e.getKey() + ".member: at most " + MAX_STREAM
                        + " custom applications over TCP or UDP have stream members");
            }
            definitions.add(d);
        }
        return new CustomApplications(Collections.unmodifiableList(definitions), hostRules.build(),
                GENERATIONS.incrementAndGet());
    }

    private static Definition definition(String name, Map<String, String> fields) {
        String key = PREFIX + name + ".";
        String over = fields.getOrDefault("over", "").toUpperCase(Locale.ROOT);
        if (!List.of("HTTP", "SSL", "TCP", "UDP").contains(over)) {
            throw new IllegalArgumentException(key + "over: not HTTP, SSL, TCP or UDP: '" + fields.get("over") + "'");
        }
        List<HostPattern> hosts = new ArrayList<>();
        for (String h : list(fields.get("hosts"))) {
            try {
                hosts.add(HostPattern.parse(h));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + "hosts: " + e.getMessage(), e);
            }
        }
        List<AddressPrefix> addresses = new ArrayList<>();
        for (String a : list(fields.get("addresses"))) {
            try {
                addresses.add(AddressPrefix.parse(a));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + "addresses: " + e.getMessage(), e);
            }
        }
        int[] ports = ports(key + "ports", list(fields.get("ports")));
        List<SignatureMember> members = members(key, over, fields);
        boolean named = over.equals("HTTP") || over.equals("SSL");
        if (named && hosts.isEmpty() && members.isEmpty()) {
            throw new IllegalArgumentException(key + "hosts: an application over " + over
                    + " needs hosts or signature members (member.M.context, member.M.pattern)");
        }
        if (named && (!addresses.isEmpty() || ports.length > 0)) {
            throw new IllegalArgumentException(key + "addresses: an application over " + over
                    + " is named by what its sessions carry; addresses and ports are for TCP and UDP");
        }
        if (!named && !hosts.isEmpty()) {
            throw new IllegalArgumentException(key + "hosts: an application over " + over
                    + " is named by stream signatures, addresses and ports; hosts are for HTTP and SSL");
        }
        if (!named && members.isEmpty() && addresses.isEmpty() && ports.length == 0) {
            throw new IllegalArgumentException(key + "addresses: an application over " + over
                    + " needs stream members, addresses, ports or some of them");
        }
        return new Definition(name.toUpperCase(Locale.ROOT), over, List.copyOf(hosts), List.copyOf(addresses), ports,
                members);
    }

    /** The signature's members, in name order (m01, m02, ...), validated against {@code over}. */
    private static List<SignatureMember> members(String key, String over, Map<String, String> fields) {
        Map<String, Map<String, String>> byMember = new TreeMap<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (!f.getKey().startsWith("member.")) {
                continue;
            }
            String rest = f.getKey().substring("member.".length());
            int dot = rest.indexOf('.');
            String member = dot > 0 ? rest.substring(0, dot) : "";
            String field = dot > 0 ? rest.substring(dot + 1) : "";
            if (!MEMBER.matcher(member).matches()) {
                throw new IllegalArgumentException(key + f.getKey()
                        + ": a member's name is 1..15 letters, digits, '-' or '_' (m01..m15)");
            }
            if (!List.of("context", "pattern", "direction").contains(field)) {
                throw new IllegalArgumentException(key + f.getKey() + ": unknown field (context, pattern, direction)");
            }
            byMember.computeIfAbsent(member, m -> new TreeMap<>()).put(field, f.getValue());
        }
        if (byMember.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException(key + "member: at most " + MAX_MEMBERS + " members");
        }
        List<SignatureMember> members = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> m : byMember.entrySet()) {
            String memberKey = key + "member." + m.getKey() + ".";
            Map<String, String> f = m.getValue();
            String contextText = f.get("context");
            Context context = contextText == null ? null : Context.parse(contextText);
            if (context == null) {
                throw new IllegalArgumentException(memberKey + "context: "
                        + (contextText == null ? "missing" : "unknown: '" + contextText + "'")
                        + " (http-header-host, http-url-parsed, http-header-user-agent, ssl-server-name, stream)");
            }
            if (!context.allowedOver(over)) {
                throw new IllegalArgumentException(memberKey + "context: " + context.junosName()
                        + " is not a context of an application over " + over);
            }
            String directionText = f.get("direction");
            Direction direction = directionText == null
                    ? context == Context.STREAM ? Direction.ANY : Direction.CLIENT_TO_SERVER
                    : Direction.parse(directionText);
            if (direction == null) {
                throw new IllegalArgumentException(memberKey + "direction: unknown: '" + directionText
                        + "' (client-to-server, server-to-client, any)");
            }
            if (context != Context.STREAM && direction != Direction.CLIENT_TO_SERVER) {
                throw new IllegalArgumentException(memberKey + "direction: " + context.junosName()
                        + " is only client-to-server");
            }
            String patternText = f.get("pattern");
            if (patternText == null || patternText.isEmpty()) {
                throw new IllegalArgumentException(memberKey + "pattern: missing");
            }
            SignaturePattern pattern;
            try {
                pattern = SignaturePattern.compile(patternText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(memberKey + "pattern: " + e.getMessage(), e);
            }
            members.add(new SignatureMember(m.getKey(), context, direction, pattern));
        }
        return List.copyOf(members);
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.trim().isEmpty()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static int[] ports(String key, List<String> values) {
        int[] ranges = new int[values.size() * 2];
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            int dash = v.indexOf('-');
            try {
                int from = Integer.parseInt(dash < 0 ? v : v.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(v.substring(dash + 1).trim());
                if (from < 1 || to > 65535 || from > to) {
                    throw new IllegalArgumentException(key + ": not a port or range in 1..65535: '" + v + "'");
                }
                ranges[2 * i] = from;
                ranges[2 * i + 1] = to;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": not a port or range in 1..65535: '" + v + "'", e);
            }
        }
        return ranges;
    }

    public List<Definition> definitions() {
        return definitions;
    }

    public boolean isEmpty() {
        return definitions.isEmpty();
    }

    /** Tells this set of applications from those of another configuration. */
    public int generation() {
        return generation;
    }

    /** Whether {@code id} is a custom application's. */
    public static boolean isCustom(int id) {
        return id >= FIRST_ID;
    }

    /** The custom application's name, or null when {@code id} is none of these. */
    public String name(int id) {
        int i = id - FIRST_ID;
        return i >= 0 && i < definitions.size() ? definitions.get(i).name() : null;
    }

    /**
     * The custom application (over HTTP or SSL) that what one payload told names: an HTTP
     * request's Host, URL and User-Agent ({@link Identification#httpRequest()}) or a TLS server
     * name; 0 when none. The first application in name order whose members all match.
     */
    public int nested(Identification facts) {
        if (facts.httpRequest()) {
            return http(facts);
        }
        if (facts.nameContext() == Identification.NAME_SSL_SERVER_NAME && facts.nameLength() > 0) {
            return ssl(facts);
        }
        return 0;
    }

    private int http(Identification f) {
        int host = hostApplication(f, Identification.NAME_HTTP_HOST);
        for (int i : http) {
            Definition d = definitions.get(i);
            if (!d.hosts.isEmpty() && host != FIRST_ID + i) {
                continue;
            }
            boolean all = true;
            for (int m = 0; m < d.members.size() && all; m++) {
                SignatureMember member = d.members.get(m);
                switch (member.context()) {
                    case HTTP_HEADER_HOST:
                        all = f.nameContext() == Identification.NAME_HTTP_HOST
                                && matches(member, f.nameBytes(), f.nameLength());
                        break;
                    case HTTP_URL_PARSED:
                        all = matches(member, f.url(), f.urlLength());
                        break;
                    case HTTP_HEADER_USER_AGENT:
                        all = matches(member, f.userAgent(), f.userAgentLength());
                        break;
                    default:
                        all = false;
                }
            }
            if (all) {
                return FIRST_ID + i;
            }
        }
        return 0;
    }

    private int ssl(Identification f) {
        int host = hostApplication(f, Identification.NAME_SSL_SERVER_NAME);
        for (int i : ssl) {
            Definition d = definitions.get(i);
            if (!d.hosts.isEmpty() && host != FIRST_ID + i) {
                continue;
            }
            boolean all = true;
            for (int m = 0; m < d.members.size() && all; m++) {
                all = matches(d.members.get(m), f.nameBytes(), f.nameLength());
            }
            if (all) {
                return FIRST_ID + i;
            }
        }
        return 0;
    }

    private static boolean matches(SignatureMember m, byte[] value, int length) {
        return length > 0 && m.pattern().matches(value, 0, length);
    }

    /** The application whose {@code hosts} hold the name, when the name is of {@code context}; else -1. */
    private int hostApplication(Identification f, int context) {
        if (f.nameContext() != context || f.nameLength() == 0) {
            return -1;
        }
        return hosts.match(f.nameBytes(), 0, f.nameLength());
    }

    /** The custom application (over TCP or UDP, by addresses and ports) a session's server belongs to, or 0. */
    public int serverApplication(int protocol, long high, long low, int port) {
        for (int i : servers) {
            if (definitions.get(i).matchesServer(protocol, high, low, port)) {
                return FIRST_ID + i;
            }
        }
        return 0;
    }

    /**
     * A new session's stream state: the applications with stream members whose protocol,
     * addresses and ports admit its server; 0 when none does (nothing to match).
     */
    public long streamStart(int protocol, long high, long low, int port) {
        long state = 0;
        for (int k = 0; k < stream.length; k++) {
            if (definitions.get(stream[k]).matchesServer(protocol, high, low, port)) {
                state |= 1L << k;
            }
        }
        return state;
    }

    /**
     * The stream state after a payload: on the first payload of each direction, the members of
     * that direction and the {@code any} members are matched against its first
     * {@link #STREAM_BYTES} bytes; later payloads change nothing. Allocation-free.
     */
    public long streamStep(long state, boolean fromClient, ByteBuffer frame, int offset, int length) {
        long seen = fromClient ? CLIENT_SEEN : SERVER_SEEN;
        if ((state & seen) != 0 || (state & VIABLE) == 0) {
            return state;
        }
        int n = Math.min(length, STREAM_BYTES);
        Direction direction = fromClient ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
        for (long left = state & VIABLE; left != 0; left &= left - 1) {
            int k = Long.numberOfTrailingZeros(left);
            Definition d = definitions.get(stream[k]);
            if (!d.streamMatches(direction, frame, offset, n)) {
                state &= ~(1L << k);
            } else if (d.anyMembers && (state & 1L << 32 + k) == 0 && d.streamMatches(Direction.ANY, frame, offset, n)) {
                state |= 1L << 32 + k;
            }
        }
        return state | seen;
    }

    /** The first application whose whole signature matched by now, or 0. */
    public int streamMatched(long state) {
        for (long left = state & VIABLE; left != 0; left &= left - 1) {
            int k = Long.numberOfTrailingZeros(left);
            if (complete(state, k)) {
                return FIRST_ID + stream[k];
            }
        }
        return 0;
    }

    /** Whether an application may still match with the payloads to come. */
    public boolean streamPending(long state) {
        boolean bothSeen = (state & CLIENT_SEEN) != 0 && (state & SERVER_SEEN) != 0;
        for (long left = state & VIABLE; left != 0; left &= left - 1) {
            int k = Long.numberOfTrailingZeros(left);
            Definition d = definitions.get(stream[k]);
            boolean anyOpen = d.anyMembers && (state & 1L << 32 + k) == 0;
            if (!complete(state, k) && !(anyOpen && bothSeen)) {
                return true;
            }
        }
        return false;
    }

    private boolean complete(long state, int k) {
        Definition d = definitions.get(stream[k]);
        return (!d.clientMembers || (state & CLIENT_SEEN) != 0) && (!d.serverMembers || (state & SERVER_SEEN) != 0)
                && (!d.anyMembers || (state & 1L << 32 + k) != 0);
    }
}
