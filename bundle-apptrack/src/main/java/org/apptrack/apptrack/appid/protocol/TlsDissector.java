package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;
import org.apptrack.apptrack.appid.tls.ClientHelloInfo;
import org.apptrack.apptrack.appid.tls.ServerHelloInfo;
import org.apptrack.apptrack.appid.tls.TlsName;
import org.apptrack.apptrack.appid.tls.TlsNames;
import org.apptrack.apptrack.appid.tls.TlsStatus;
import org.apptrack.apptrack.appid.tls.TlsStreamReassembler;

/**
 * TLS over TCP on any port: the ClientHello (reassembled when it spans segments) names the
 * session by its server name; without one (or with only an ECH outer name that matches nothing),
 * the server's first certificate does, where it is visible (TLS 1.2 and older). A session seen
 * from the middle, whose records carry application data, is TLS without a name.
 *
 * <p>Of a certificate's names, the first that the catalog knows names the session; the shared
 * certificate of a CDN (Cloudflare's lists {@code sni.cloudflaressl.com} beside its customers'
 * names) names the CDN only when no other name is known. A certificate with no known host name
 * may name its application by its fixed subject: every AnyDesk installation makes itself a
 * self-signed certificate named "AnyDesk Client"; a service that issues its servers' certificates
 * itself puts its name in their organization (a FortiGate's factory certificate, which its SSL
 * VPN serves to FortiClient, is O=Fortinet, OU=FortiGate).
 */
public final class TlsDissector implements Dissector {

    private static final int CLIENT_WORD = Payload.FIRST_STATE_WORD;
    private static final int SERVER_WORD = CLIENT_WORD + TlsStreamReassembler.WORDS;
    private static final int FLAGS_WORD = SERVER_WORD + TlsStreamReassembler.WORDS;
    private static final long CLAIMED_FLAG = 1;
    private static final long CLIENT_DONE = 2;
    private static final long WANT_CERTIFICATE = 4;
    private static final String ANYDESK_COMMON_NAME = "AnyDesk Client";
    private static final byte[] NO_NAME = new byte[0];
    /** Certificate subjects (organization, unit or null for any, application) that name their service. */
    private static final String[][] SUBJECTS = {
        {"Fortinet", "FortiGate", "FORTICLIENT"},
        {"philandro Software GmbH", null, "ANYDESK"}, // AnyDesk's maker (its former name), on its relays
        {"Private Internet Access", null, "PRIVATEINTERNETACCESS"},
        {"Windscribe", null, "WINDSCRIBE"},
        {"Sonos, Inc", "Sonos Devices", "SONOS"},
    };

    private final IdentificationCatalog catalog;
    private final int ssl;
    private final int dnsOverTls;
    private final int cdn;
    private final int anyDesk;
    private final int[] subjectApplications = new int[SUBJECTS.length];
    private final TlsStreamReassembler client = new TlsStreamReassembler(CLIENT_WORD, 0, 0xffff);
    private final TlsStreamReassembler server = new TlsStreamReassembler(SERVER_WORD, 0, 0xffff);
    private final ClientHelloInfo hello = new ClientHelloInfo();
    private final ServerHelloInfo serverHello = new ServerHelloInfo();

    public TlsDissector(IdentificationCatalog catalog) {
        this.catalog = catalog;
        this.ssl = catalog.id("SSL");
        this.dnsOverTls = catalog.id("DOH");
        this.cdn = catalog.id("CLOUDFLARE");
        this.anyDesk = catalog.id("ANYDESK");
        for (int i = 0; i < SUBJECTS.length; i++) {
            subjectApplications[i] = catalog.id(SUBJECTS[i][2]);
        }
    }

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        long flags = p.state().word(FLAGS_WORD);
        if (p.fromClient()) {
            if ((flags & CLIENT_DONE) != 0) {
                return (flags & WANT_CERTIFICATE) != 0 ? CLAIMED : IDENTIFIED;
            }
            hello.clear();
            long seq = p.tcpSequence();
            TlsStatus status = seq < 0 ? client.offerClientHello(p.state(), p.frame(), p.offset(), p.length(), hello)
                    : client.offerClientHello(p.state(), (int) seq, p.frame(), p.offset(), p.length(), hello);
            return clientVerdict(p, status, flags, out);
        }
        if ((flags & CLAIMED_FLAG) == 0 && p.index() > 0) {
            return NOT_THIS;
        }
        serverHello.clear();
        long seq = p.tcpSequence();
        TlsStatus status = seq < 0 ? server.offerServerFlight(p.state(), p.frame(), p.offset(), p.length(), serverHello)
                : server.offerServerFlight(p.state(), (int) seq, p.frame(), p.offset(), p.length(), serverHello);
        return serverVerdict(p, status, flags, out);
    }

    private int clientVerdict(Payload p, TlsStatus status, long flags, Identification out) {
        switch (status) {
            case NEED_MORE:
                if ((flags & CLAIMED_FLAG) == 0 && p.length() < 5) {
                    return MAYBE; // a stray byte or two before the record header
                }
                return claim(p, flags, out);
            case COMPLETE:
                out.application(ssl);
                out.encrypted(true);
                flags |= CLAIMED_FLAG | CLIENT_DONE;
                if (p.serverPort() == 853 || hello.alpn().contains("dot")) {
                    out.nested(dnsOverTls); // DNS over TLS (RFC 7858 port, RFC 8310 ALPN)
                }
                TlsName sni = hello.serverName();
                // an address in the server name (RFC 6066 forbids it) names nothing: the certificate may
                if (sni.isPresent() && sni.isHostName() && !sni.isAddressLiteral()
                        && out.name(sni.array(), 0, sni.length())) {
                    out.nameContext(Identification.NAME_SSL_SERVER_NAME);
                    p.state().word(FLAGS_WORD, flags);
                    return IDENTIFIED;
                }
                p.state().word(FLAGS_WORD, flags | WANT_CERTIFICATE);
                return CLAIMED;
            case NO_HANDSHAKE:
                out.application(ssl);
                out.encrypted(true);
                return IDENTIFIED;
            case TOO_LONG:
                if ((flags & CLAIMED_FLAG) != 0) {
                    p.state().word(FLAGS_WORD, flags | CLIENT_DONE | WANT_CERTIFICATE);
                    return CLAIMED; // a hello too long to keep: the certificate may still name it
                }
                return NOT_THIS;
            default:
                return (flags & CLAIMED_FLAG) != 0 ? IDENTIFIED : NOT_THIS;
        }
    }

    private int serverVerdict(Payload p, TlsStatus status, long flags, Identification out) {
        switch (status) {
            case NEED_MORE:
                if ((flags & CLAIMED_FLAG) == 0) {
                    return p.length() < 5 ? MAYBE : claim(p, flags, out);
                }
                return CLAIMED;
            case COMPLETE:
                out.application(ssl);
                out.encrypted(true);
                if ((flags & CLIENT_DONE) == 0 || (flags & WANT_CERTIFICATE) != 0) {
                    certificateName(out);
                }
                return IDENTIFIED;
            case NO_HANDSHAKE:
                out.application(ssl);
                out.encrypted(true);
                return IDENTIFIED;
            default:
                return (flags & CLAIMED_FLAG) != 0 ? IDENTIFIED : NOT_THIS;
        }
    }

    private int claim(Payload p, long flags, Identification out) {
        out.application(ssl);
        out.encrypted(true);
        p.state().word(FLAGS_WORD, flags | CLAIMED_FLAG);
        return CLAIMED;
    }

    /**
     * Names the session from the first certificate: its first name the catalog knows (a CDN's
     * only when no other is known), else its first DNS name (a wildcard's parent domain), else
     * its common name; a known fixed common name names the nested application.
     */
    private void certificateName(Identification out) {
        if (!serverHello.certificateSeen()) {
            return;
        }
        TlsName commonName = serverHello.subjectCommonName();
        if (anyDesk != 0 && commonName.isPresent() && commonName.contentEquals(ANYDESK_COMMON_NAME)) {
            out.nested(anyDesk);
            return;
        }
        TlsNames dns = serverHello.dnsNames();
        int count = dns.count();
        int first = -1;
        int cdnName = -1;
        for (int i = 0; i <= count; i++) {
            TlsName name = i < count ? dns.get(i) : commonName;
            if (!named(name, out)) {
                continue;
            }
            int app = catalog.hostApplication(out.nameBytes(), out.nameLength());
            if (app != 0 && app != cdn) {
                return; // the name stays in out
            }
            if (app != 0 && cdnName < 0) {
                cdnName = i;
            }
            if (first < 0) {
                first = i;
            }
        }
        int bySubject = subjectApplication();
        if (bySubject != 0) {
            out.name(NO_NAME, 0, 0);
            out.nested(bySubject);
            return;
        }
        int chosen = cdnName >= 0 ? cdnName : first;
        if (chosen < 0) {
            out.name(NO_NAME, 0, 0);
            return;
        }
        named(chosen < count ? dns.get(chosen) : commonName, out);
    }

    /** The application whose certificate subject this is, or 0. */
    private int subjectApplication() {
        TlsName organization = serverHello.subjectOrganization();
        if (!organization.isPresent()) {
            return 0;
        }
        for (int i = 0; i < SUBJECTS.length; i++) {
            String unit = SUBJECTS[i][1];
            if (subjectApplications[i] != 0 && organization.contentEquals(SUBJECTS[i][0])
                    && (unit == null || serverHello.subjectOrganizationalUnit().contentEquals(unit))) {
                return subjectApplications[i];
            }
        }
        return 0;
    }

    private static boolean named(TlsName name, Identification out) {
        if (!name.isPresent() || name.truncated()) {
            return false;
        }
        byte[] bytes = name.array();
        // "*.example.com": the name is the domain the wildcard stands under
        int from = name.length() > 2 && bytes[0] == '*' && bytes[1] == '.' ? 2 : 0;
        return out.name(bytes, from, name.length() - from);
    }
}
