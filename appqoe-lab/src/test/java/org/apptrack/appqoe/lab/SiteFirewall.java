package org.apptrack.appqoe.lab;

import java.util.List;

/**
 * The site namespace's nftables table: per uplink a chain of impairments (loss, blackout) that
 * both directions pass, counters of what crossed the uplink after it, DSCP counters of the STAMP
 * packets on the wire, counters of the application server's traffic (to and from 10.62.0.0/24),
 * and the connection mark that sends the site's replies back over the uplink the connection's
 * last packet came in on (ip rule fwmark N -> table 100 + N): a connection the branch moves to
 * another uplink gets its replies over that one, as from a site behind one address.
 */
final class SiteFirewall {

    static final String TABLE = "apptrack_lab";
    static final int ROUTE_TABLE_BASE = 100;
    static final String APPLICATION_NETWORK = "10.62.0.0/24";

    private SiteFirewall() {
    }

    static String table(List<Uplink> uplinks) {
        StringBuilder s = new StringBuilder("table ip " + TABLE + " {\n");
        for (Uplink u : uplinks) {
            String w = u.siteInterface();
            for (String counter : List.of("_ef", "_other", "_to_site", "_to_branch", "_app_to_site",
                    "_app_to_branch")) {
                s.append("  counter ").append(w).append(counter).append(" {}\n");
            }
            s.append("  chain ").append(impairChain(u)).append(" {}\n");
        }
        s.append("  chain from_branch {\n    type filter hook prerouting priority -150; policy accept;\n");
        for (Uplink u : uplinks) {
            String w = u.siteInterface();
            s.append("    iifname \"").append(w).append("\" udp dport ").append(Uplink.STAMP_PORT)
                    .append(" ip dscp ef counter name \"").append(w).append("_ef\"\n");
            s.append("    iifname \"").append(w).append("\" udp dport ").append(Uplink.STAMP_PORT)
                    .append(" ip dscp != ef counter name \"").append(w).append("_other\"\n");
            s.append("    iifname \"").append(w).append("\" jump ").append(impairChain(u)).append('\n');
            s.append("    iifname \"").append(w).append("\" ct mark set ").append(u.number()).append('\n');
            s.append("    iifname \"").append(w).append("\" counter name \"").append(w).append("_to_site\"\n");
            s.append("    iifname \"").append(w).append("\" ip daddr ").append(APPLICATION_NETWORK)
                    .append(" counter name \"").append(w).append("_app_to_site\"\n");
        }
        s.append("  }\n  chain to_branch {\n    type filter hook postrouting priority 150; policy accept;\n");
        for (Uplink u : uplinks) {
            String w = u.siteInterface();
            s.append("    oifname \"").append(w).append("\" jump ").append(impairChain(u)).append('\n');
            s.append("    oifname \"").append(w).append("\" counter name \"").append(w).append("_to_branch\"\n");
            s.append("    oifname \"").append(w).append("\" ip saddr ").append(APPLICATION_NETWORK)
                    .append(" counter name \"").append(w).append("_app_to_branch\"\n");
        }
        s.append("  }\n  chain reply_route {\n    type route hook output priority -150; policy accept;\n"
                + "    ct mark != 0 meta mark set ct mark\n  }\n}\n");
        return s.toString();
    }

    /** Replaces the uplink's impairments at once (one nft transaction). */
    static String impairments(Uplink uplink, boolean blackout, int lossPercent) {
        String chain = "ip " + TABLE + " " + impairChain(uplink);
        StringBuilder s = new StringBuilder("flush chain " + chain + "\n");
        if (blackout) {
            s.append("add rule ").append(chain).append(" drop\n");
        } else if (lossPercent > 0) {
            s.append("add rule ").append(chain).append(" numgen random mod 100 < ").append(lossPercent)
                    .append(" drop\n");
        }
        return s.toString();
    }

    static String impairChain(Uplink uplink) {
        return uplink.siteInterface() + "_impair";
    }
}
