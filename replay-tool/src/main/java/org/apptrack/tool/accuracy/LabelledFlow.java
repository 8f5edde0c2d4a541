package org.apptrack.tool.accuracy;

/**
 * One flow as nDPI labelled it: a row of a {@code flows.tsv} (the format of the nDPI developer
 * sets, also used for our own captures) and, when the set has nDPI's result files, the tunnel
 * the flow was found in and how confident nDPI was.
 *
 * @param set the set's name (its directory's name)
 * @param line the row's line number in {@code flows.tsv}
 * @param protocol IP protocol number of {@code l4}
 * @param srcIp the first sender (nDPI's {@code src}), canonical text
 * @param vlan innermost 802.1Q id, 0 when untagged
 * @param master nDPI's master protocol ({@code TLS} of {@code TLS.YouTube}; {@code Unknown})
 * @param app nDPI's application ({@code YouTube}); the same as {@code master} for a single name
 * @param tunnel the tunnel nDPI took the flow out of ({@code VXLAN}, {@code GRE}, {@code GTP},
 *     {@code CAPWAP}, {@code TZSP}); empty for none or when unknown
 * @param confidence nDPI's {@code Confidence} ({@code DPI}, {@code Match by port}, ...); empty when unknown
 */
record LabelledFlow(String set, String file, int line, String l4, int protocol, String srcIp, int srcPort,
                    String dstIp, int dstPort, int vlan, String master, String app, long c2sPackets,
                    long s2cPackets, String hostname, String tunnel, String confidence) {

    static final String UNKNOWN = "Unknown";

    /** nDPI found nothing: master and application Unknown. */
    boolean unknown() {
        return UNKNOWN.equals(master);
    }

    /** nDPI names an application inside a protocol ({@code M.A}). */
    boolean nested() {
        return !master.equals(app) && !unknown();
    }

    /** The label as nDPI prints it: {@code M.A} or one name. */
    String label() {
        return master.equals(app) ? master : master + "." + app;
    }

    long packets() {
        return c2sPackets + s2cPackets;
    }

    /** This flow with what nDPI's result file adds. */
    LabelledFlow withResult(String tunnelName, String confidenceText) {
        return new LabelledFlow(set, file, line, l4, protocol, srcIp, srcPort, dstIp, dstPort, vlan, master, app,
                c2sPackets, s2cPackets, hostname, tunnelName, confidenceText);
    }
}
