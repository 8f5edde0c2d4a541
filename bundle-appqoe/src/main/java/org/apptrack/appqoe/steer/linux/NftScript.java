package org.apptrack.appqoe.steer.linux;

import org.apptrack.appqoe.steer.ExistingSessions;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Collection;

import org.apptrack.appqoe.steer.SteeredSession;
import org.apptrack.appqoe.steer.SteeringPath;

/**
 * The nftables text {@link LinuxPolicyRouting} feeds to {@code nft -f -} (one atomic transaction
 * per script). Our own table holds four maps from a session's client-to-server tuple to the mark
 * of its path (IPv4/IPv6, with ports for TCP/UDP/SCTP/UDP-Lite, address pair and protocol for the
 * rest) and a prerouting chain at mangle priority, before the routing decision:
 * <ol>
 * <li>a packet in the original (client-to-server) direction of a connection whose conntrack mark
 *     is one of ours gets it back as packet mark, so the connection keeps its path after its
 *     element expired (and, with {@code stay}, after the element changed). Replies are left alone:
 *     routed by the path's table, which has only a default route, they would go back out;</li>
 * <li>the map lookup sets the packet mark and saves it in the conntrack mark. With existing sessions
 *     {@code move} it runs for every packet, so changing the element moves the connection at its
 *     next packet; with {@code stay} only for connections without one of our marks, so a connection
 *     keeps the path it started on and a changed element applies to new connections only.</li>
 * </ol>
 */
final class NftScript {

    private static final String PORT_PROTOCOLS = "{ " + SteeredSession.TCP + ", " + SteeredSession.UDP + ", "
            + SteeredSession.SCTP + ", " + SteeredSession.UDPLITE + " }";

    private final LinuxSteeringSettings settings;
    private final StringBuilder text = new StringBuilder(256);

    NftScript(LinuxSteeringSettings settings) {
        this.settings = settings;
    }

    /** Replaces our table (and whatever elements it had) with a fresh one, atomically. */
    NftScript replaceTable() {
        String table = "inet " + settings.nftTable();
        // "add" first so that "delete" cannot fail when the table does not exist yet
        text.append("add table ").append(table).append('\n');
        text.append("delete table ").append(table).append('\n');
        text.append("table ").append(table).append(" {\n");
        map("sessions4", "ipv4_addr . ipv4_addr . inet_proto . inet_service . inet_service");
        map("sessions6", "ipv6_addr . ipv6_addr . inet_proto . inet_service . inet_service");
        map("hosts4", "ipv4_addr . ipv4_addr . inet_proto");
        map("hosts6", "ipv6_addr . ipv6_addr . inet_proto");
        text.append("\tchain prerouting {\n");
        text.append("\t\ttype filter hook prerouting priority mangle; policy accept;\n");
        String ours = markRange();
        // original direction only: a reply (to the LAN) routed by the path's table would go back out the uplink
        text.append("\t\tct direction original ct mark ").append(ours).append(" meta mark set ct mark\n");
        String guard = settings.existingSessions() == ExistingSessions.STAY ? "ct mark != " + ours + " " : "";
        lookup(guard, "ipv4", "ip", "meta l4proto " + PORT_PROTOCOLS, " . th sport . th dport", "sessions4");
        lookup(guard, "ipv6", "ip6", "meta l4proto " + PORT_PROTOCOLS, " . th sport . th dport", "sessions6");
        lookup(guard, "ipv4", "ip", "meta l4proto != " + PORT_PROTOCOLS, "", "hosts4");
        lookup(guard, "ipv6", "ip6", "meta l4proto != " + PORT_PROTOCOLS, "", "hosts6");
        text.append("\t}\n}\n");
        return this;
    }

    /** Deletes our table, and with it every element and rule of ours ("add" first: no error if absent). */
    NftScript deleteTable() {
        String table = "inet " + settings.nftTable();
        text.append("add table ").append(table).append('\n');
        text.append("delete table ").append(table).append('\n');
        return this;
    }

    /** Points the session at the path (adds its element). */
    NftScript add(SteeredSession session, SteeringPath path) {
        text.append("add element inet ").append(settings.nftTable()).append(' ').append(mapOf(session))
                .append(" { ").append(key(session)).append(" timeout ")
                .append(settings.elementTimeout().getSeconds()).append("s : 0x")
                .append(Long.toHexString(settings.mark(path.index()))).append(" }\n");
        return this;
    }

    /**
     * Removes the session's element, which points at {@code path}, without failing when it is
     * already gone (expired): nft 1.0.6 has no "destroy", so it is added (a no-op when present with
     * this mark) and then deleted in the same transaction.
     */
    NftScript remove(SteeredSession session, SteeringPath path) {
        add(session, path);
        text.append("delete element inet ").append(settings.nftTable()).append(' ').append(mapOf(session))
                .append(" { ").append(key(session)).append(" }\n");
        return this;
    }

    /** Moves the session from one path to another (element replaced in the same transaction). */
    NftScript move(SteeredSession session, SteeringPath from, SteeringPath to) {
        return remove(session, from).add(session, to);
    }

    /** Adds the elements of sessions that keep their path across a table replacement. */
    NftScript addAll(Collection<SteeredSession> sessions, java.util.function.Function<SteeredSession, SteeringPath> path) {
        for (SteeredSession s : sessions) {
            add(s, path.apply(s));
        }
        return this;
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    String text() {
        return text.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private void map(String name, String keyType) {
        text.append("\tmap ").append(name).append(" {\n\t\ttype ").append(keyType).append(" : mark\n")
                .append("\t\tflags timeout\n\t}\n");
    }

    private void lookup(String guard, String family, String header, String protocols, String ports, String map) {
        text.append("\t\t").append(guard).append("meta nfproto ").append(family).append(' ').append(protocols)
                .append(" meta mark set ").append(header).append(" saddr . ").append(header)
                .append(" daddr . meta l4proto").append(ports).append(" map @").append(map)
                .append(" ct mark set meta mark\n");
    }

    /** Every mark a path can have, so that marks of others are neither restored nor guarded against. */
    private String markRange() {
        return "0x" + Long.toHexString(settings.markBase()) + "-0x"
                + Long.toHexString(settings.markBase() + SteeringPath.MAX_INDEX);
    }

    private static String mapOf(SteeredSession s) {
        return (s.hasPorts() ? "sessions" : "hosts") + (s.isIpv4() ? "4" : "6");
    }

    private static String key(SteeredSession s) {
        StringBuilder k = new StringBuilder(64);
        k.append(address(s.client())).append(" . ").append(address(s.server())).append(" . ").append(s.protocol());
        if (s.hasPorts()) {
            k.append(" . ").append(s.clientPort()).append(" . ").append(s.serverPort());
        }
        return k.toString();
    }

    /** The address without an IPv6 scope ("%eth0"), which nft does not accept. */
    static String address(InetAddress a) {
        String text = a.getHostAddress();
        int scope = a instanceof Inet6Address ? text.indexOf('%') : -1;
        return scope < 0 ? text : text.substring(0, scope);
    }
}
