package org.apptrack.apptrack.engine.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * What an SRX knows of a session before application identification: the Junos predefined
 * application ({@code service-name}: {@code junos-http}, {@code junos-dns-udp}, ... or
 * {@code None}) and the application the well-known port suggests ({@code HTTP}, {@code SSL},
 * {@code DNS}, ... or {@code UNKNOWN}), looked up by protocol and server port in a flat array
 * per protocol: one array read per new session, no allocation.
 *
 * <p>Service names follow Junos's predefined applications ({@code show configuration groups
 * junos-defaults applications}); categories are set only where the specification's samples show
 * them (HTTP: Web), the rest is {@code N/A} until the application catalog of the classifier.
 */
public final class PortServiceMap {

    /** {@code service-name} of a session no predefined application matches. */
    public static final String NO_SERVICE = "None";
    /** Application while identification has not finished or failed. */
    public static final String UNKNOWN_APPLICATION = "UNKNOWN";
    public static final String NOT_APPLICABLE = "N/A";

    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int ICMP = 1;
    private static final int ICMPV6 = 58;

    /** Entry 0 is "nothing known". */
    private final List<Entry> entries = new ArrayList<>();
    private final short[] tcp = new short[65536];
    private final short[] udp = new short[65536];
    private final int icmpEntry;
    private final int icmpv6Entry;

    /** One known service. */
    public static final class Entry {
        private final String serviceName;
        private final String application;
        private final String category;
        private final String subCategory;

        Entry(String serviceName, String application, String category, String subCategory) {
            this.serviceName = serviceName;
            this.application = application;
            this.category = category;
            this.subCategory = subCategory;
        }

        public String serviceName() {
            return serviceName;
        }

        public String application() {
            return application;
        }

        public String category() {
            return category;
        }

        public String subCategory() {
            return subCategory;
        }
    }

    private static final PortServiceMap JUNOS_DEFAULTS = new PortServiceMap();

    /** The Junos defaults (one immutable instance). */
    public static PortServiceMap junosDefaults() {
        return JUNOS_DEFAULTS;
    }

    private PortServiceMap() {
        entries.add(new Entry(NO_SERVICE, UNKNOWN_APPLICATION, NOT_APPLICABLE, NOT_APPLICABLE));
        tcp(21, "junos-ftp", "FTP");
        tcp(22, "junos-ssh", "SSH");
        tcp(23, "junos-telnet", "TELNET");
        tcp(25, "junos-smtp", "SMTP");
        tcp(49, "junos-tacacs", "TACACS");
        tcp(53, "junos-dns-tcp", "DNS");
        udp(53, "junos-dns-udp", "DNS");
        udp(67, "junos-dhcp-server", "DHCP");
        udp(68, "junos-dhcp-client", "DHCP");
        udp(69, "junos-tftp", "TFTP");
        tcp(79, "junos-finger", "FINGER");
        add(TCP, 80, new Entry("junos-http", "HTTP", "Web", NOT_APPLICABLE));
        tcp(88, "junos-kerberos-tcp", "KERBEROS");
        udp(88, "junos-kerberos-udp", "KERBEROS");
        tcp(110, "junos-pop3", "POP3");
        tcp(111, "junos-sun-rpc-tcp", "RPC");
        udp(111, "junos-sun-rpc-udp", "RPC");
        tcp(113, "junos-ident", "IDENT");
        tcp(119, "junos-nntp", "NNTP");
        udp(123, "junos-ntp", "NTP");
        tcp(135, "junos-ms-rpc-tcp", "MS-RPC");
        udp(135, "junos-ms-rpc-udp", "MS-RPC");
        udp(137, "junos-nbname", "NETBIOS");
        udp(138, "junos-nbds", "NETBIOS");
        tcp(139, "junos-netbios-session", "NETBIOS");
        tcp(143, "junos-imap", "IMAP");
        udp(161, "junos-snmp-get", "SNMP");
        udp(162, "junos-snmp-trap", "SNMP");
        tcp(179, "junos-bgp", "BGP");
        tcp(389, "junos-ldap", "LDAP");
        tcp(443, "junos-https", "SSL");
        tcp(445, "junos-smb-session", "SMB");
        udp(500, "junos-ike", "IKE");
        tcp(512, "junos-rexec", "REXEC");
        tcp(513, "junos-rlogin", "RLOGIN");
        tcp(514, "junos-rsh", "RSH");
        udp(514, "junos-syslog", "SYSLOG");
        tcp(515, "junos-printer", "LPR");
        udp(520, "junos-rip", "RIP");
        tcp(554, "junos-rtsp", "RTSP");
        tcp(636, "junos-ldaps", "LDAP");
        tcp(993, "junos-imaps", "IMAP");
        tcp(995, "junos-pop3s", "POP3");
        tcp(1433, "junos-ms-sql", "MSSQL");
        tcp(1521, "junos-sqlnet-v2", "ORACLE");
        tcp(1720, "junos-h323", "H.323");
        tcp(1723, "junos-pptp", "PPTP");
        udp(1812, "junos-radius", "RADIUS");
        udp(1813, "junos-radacct", "RADIUS");
        tcp(2049, "junos-nfsd-tcp", "NFS");
        udp(2049, "junos-nfsd-udp", "NFS");
        udp(4500, "junos-ike-nat", "IKE");
        udp(5060, "junos-sip", "SIP");
        tcp(5060, "junos-sip", "SIP");
        icmpEntry = entries.size();
        entries.add(new Entry("icmp", "ICMP", NOT_APPLICABLE, NOT_APPLICABLE));
        icmpv6Entry = entries.size();
        entries.add(new Entry("icmpv6", "ICMP", NOT_APPLICABLE, NOT_APPLICABLE));
    }

    private void tcp(int port, String service, String application) {
        add(TCP, port, new Entry(service, application, NOT_APPLICABLE, NOT_APPLICABLE));
    }

    private void udp(int port, String service, String application) {
        add(UDP, port, new Entry(service, application, NOT_APPLICABLE, NOT_APPLICABLE));
    }

    private void add(int protocol, int port, Entry entry) {
        int index = entries.size();
        entries.add(entry);
        (protocol == TCP ? tcp : udp)[port] = (short) index;
    }

    /**
     * The entry index for a session: by the server port first (the SRX matches the destination
     * port of the first packet), else by the client port, else 0 ("nothing known").
     */
    public int lookup(int protocol, int serverPort, int clientPort) {
        switch (protocol) {
            case TCP:
                return tcp[serverPort & 0xffff] != 0 ? tcp[serverPort & 0xffff] : tcp[clientPort & 0xffff];
            case UDP:
                return udp[serverPort & 0xffff] != 0 ? udp[serverPort & 0xffff] : udp[clientPort & 0xffff];
            case ICMP:
                return icmpEntry;
            case ICMPV6:
                return icmpv6Entry;
            default:
                return 0;
        }
    }

    /** The entry of an index {@link #lookup} returned. */
    public Entry entry(int index) {
        return entries.get(index);
    }
}
