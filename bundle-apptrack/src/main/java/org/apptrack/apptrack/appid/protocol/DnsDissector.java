package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.api.IpAddresses;
import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * DNS messages (RFC 1035) over UDP on any port and over TCP with their length prefix; mDNS
 * (5353) and LLMNR (5355) by their ports. The question's name is a lookup, not the session's
 * own name: with the A and AAAA records of the answer it teaches the classifier which
 * application later sessions to those addresses belong to. A query waits for its answer.
 */
public final class DnsDissector implements Dissector {

    private static final int HEADER = 12;
    private static final int MAX_RECORDS = 64;
    private static final int MAX_LABELS = 128;

    /** The first labels of a DNSCrypt certificate query (its specification, section 5). */
    private static final byte[] DNSCRYPT_CERTIFICATE = "2.dnscrypt-cert.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /**
     * The certificate query of Avast's Secure DNS, a DNSCrypt resolver whose provider name is
     * {@code securedns.avast.com} (the query's case is randomised, the name kept is lower case).
     */
    private static final byte[] AVAST_SECURE_DNS_CERTIFICATE =
            "2.securedns.avast.com".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final int dns;
    private final int mdns;
    private final int llmnr;
    private final int dnscrypt;
    private final int avastSecureDns;

    public DnsDissector(IdentificationCatalog catalog) {
        this.dnscrypt = catalog.id("DNSCRYPT");
        this.avastSecureDns = catalog.id("AVASTSECUREDNS");
        this.dns = catalog.id("DNS");
        this.mdns = catalog.id("MDNS");
        this.llmnr = catalog.id("LLMNR");
    }

    @Override
    public String name() {
        return "dns";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.port(137) || p.port(138)) {
            return NOT_THIS; // NetBIOS name and datagram services look like DNS
        }
        int base = 0;
        if (p.isTcp()) {
            int length = p.u16(0);
            if (length < HEADER) {
                return p.length() < 2 ? MAYBE : NOT_THIS;
            }
            if (p.length() < 2 + length) {
                return p.length() < 2 + HEADER ? MAYBE : check(p, 2, p.length(), out, true);
            }
            base = 2;
            return check(p, base, 2 + length, out, false);
        }
        return check(p, 0, p.length(), out, false);
    }

    private int check(Payload p, int base, int end, Identification out, boolean partial) {
        if (end - base < HEADER) {
            return NOT_THIS;
        }
        int flags = p.u16(base + 2);
        int questions = p.u16(base + 4);
        int answers = p.u16(base + 6);
        int authority = p.u16(base + 8);
        int additional = p.u16(base + 10);
        int opcode = flags >>> 11 & 0xf;
        boolean response = (flags & 0x8000) != 0;
        boolean multicast = p.port(5353);
        if (opcode == 3 || opcode > 6 || (flags & 0x40) != 0 || (flags & 0xf) > 10) {
            return NOT_THIS;
        }
        if (questions > 16 || answers > MAX_RECORDS || authority > MAX_RECORDS || additional > MAX_RECORDS
                || questions == 0 && !(multicast && response) || questions != 1 && !multicast) {
            return NOT_THIS;
        }
        if (!response && answers > 0 && !multicast) {
            return NOT_THIS;
        }
        int at = base + HEADER;
        for (int q = 0; q < questions; q++) {
            at = q == 0 ? question(p, at, end, out) : skipName(p, at, end);
            if (at < 0 || at + 4 > end) {
                return partial && at >= 0 ? MAYBE : NOT_THIS;
            }
            int type = p.u16(at);
            int qclass = p.u16(at + 2) & 0x7fff;
            if (type == 0 || !(qclass == 1 || qclass == 3 || qclass == 4 || qclass == 254 || qclass == 255)) {
                return NOT_THIS;
            }
            at += 4;
        }
        out.application(p.port(5353) ? mdns : p.port(5355) ? llmnr : dnscryptCertificate(out) ? dnscrypt
                : avastSecureDns != 0 && nameIs(out, AVAST_SECURE_DNS_CERTIFICATE) ? avastSecureDns : dns);
        out.encrypted(false);
        if (!response) {
            return multicast || !p.fromClient() ? IDENTIFIED : CLAIMED;
        }
        if (!partial) {
            answers(p, at, end, answers, out);
        }
        return IDENTIFIED;
    }

    /** Whether the question asks for a DNSCrypt resolver's certificate (the session is DNSCrypt's). */
    private boolean dnscryptCertificate(Identification out) {
        if (dnscrypt == 0 || out.nameLength() <= DNSCRYPT_CERTIFICATE.length) {
            return false;
        }
        byte[] name = out.nameBytes();
        for (int i = 0; i < DNSCRYPT_CERTIFICATE.length; i++) {
            if (name[i] != DNSCRYPT_CERTIFICATE[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean nameIs(Identification out, byte[] expected) {
        if (out.nameLength() != expected.length) {
            return false;
        }
        byte[] name = out.nameBytes();
        for (int i = 0; i < expected.length; i++) {
            if (name[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the question's name into the identification (a lookup); the offset after it, or -1. */
    private static int question(Payload p, int at, int end, Identification out) {
        out.clearName();
        boolean keep = true;
        for (int labels = 0; labels < MAX_LABELS; labels++) {
            int length = p.u8(at);
            if (length < 0 || at >= end) {
                return -1;
            }
            if (length == 0) {
                if (!keep) {
                    out.clearName();
                }
                out.nameIsLookup(true);
                return at + 1;
            }
            if ((length & 0xc0) == 0xc0) {
                out.clearName(); // a pointer in a question: valid, but the name is not followed
                return at + 2 <= end ? at + 2 : -1;
            }
            if (length > 63 || at + 1 + length > end) {
                return -1;
            }
            keep = keep && out.appendLabel(p.frame(), p.offset() + at + 1, length);
            at += 1 + length;
        }
        return -1;
    }

    /** The offset after the name at {@code at}, or -1. */
    private static int skipName(Payload p, int at, int end) {
        for (int labels = 0; labels < MAX_LABELS; labels++) {
            int length = p.u8(at);
            if (length < 0 || at >= end) {
                return -1;
            }
            if (length == 0) {
                return at + 1;
            }
            if ((length & 0xc0) == 0xc0) {
                return at + 2 <= end ? at + 2 : -1;
            }
            if (length > 63) {
                return -1;
            }
            at += 1 + length;
        }
        return -1;
    }

    /** Keeps the A and AAAA records' addresses of the answer section. */
    private static void answers(Payload p, int at, int end, int count, Identification out) {
        for (int i = 0; i < count; i++) {
            at = skipName(p, at, end);
            if (at < 0 || at + 10 > end) {
                return;
            }
            int type = p.u16(at);
            int rdLength = p.u16(at + 8);
            int data = at + 10;
            if (data + rdLength > end) {
                return;
            }
            if (type == 1 && rdLength == 4) {
                out.addAnswer(0, IpAddresses.ipv4Low((int) p.u32(data)));
            } else if (type == 28 && rdLength == 16) {
                long high = p.u32(data) << 32 | p.u32(data + 4);
                long low = p.u32(data + 8) << 32 | p.u32(data + 12);
                out.addAnswer(high, low);
            }
            at = data + rdLength;
        }
    }
}
