package org.apptrack.apptrack.appid.tls;

import java.nio.ByteBuffer;

/**
 * A minimal DER walk over one X.509 certificate (RFC 5280 4.1) for the names that identify a
 * service: the subject's common name (the last CN attribute, the most specific), organization
 * and organizational unit (the last O and OU), and the subjectAltName dNSName entries. Nothing else is decoded, nothing is verified, no
 * {@code java.security.cert} on the packet path. The walk is bounded by the bytes available, so
 * the prefix of a certificate too long to buffer still gives the names it holds.
 */
final class CertificateNames {

    /** 2.5.4.3 id-at-commonName. */
    private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
    /** 2.5.4.10 id-at-organizationName. */
    private static final byte[] ORGANIZATION = {0x55, 0x04, 0x0a};
    /** 2.5.4.11 id-at-organizationalUnitName. */
    private static final byte[] ORGANIZATIONAL_UNIT = {0x55, 0x04, 0x0b};
    /** 2.5.29.17 id-ce-subjectAltName. */
    private static final byte[] SUBJECT_ALT_NAME = {0x55, 0x1d, 0x11};

    private CertificateNames() {
    }

    /**
     * Reads the certificate at {@code offset}, of which {@code available} bytes are present.
     *
     * @return false when what is present is not the start of a certificate
     */
    static boolean read(ByteBuffer b, int offset, int available, TlsName commonName, TlsName organization,
                        TlsName organizationalUnit, TlsNames dnsNames) {
        int end = offset + available;
        long cert = Der.header(b, offset, end);
        if (cert == Der.BAD || Der.tag(cert) != Der.SEQUENCE) {
            return false;
        }
        int p = offset + Der.headerLength(cert);
        long tbs = Der.header(b, p, end);
        if (tbs == Der.BAD || Der.tag(tbs) != Der.SEQUENCE) {
            return false;
        }
        int tbsEnd = bound(p, tbs, end);
        p += Der.headerLength(tbs);
        // version [0] (optional), serialNumber, signature, issuer, validity, subject
        int field = 0;
        while (p < tbsEnd) {
            long h = Der.header(b, p, tbsEnd);
            if (h == Der.BAD) {
                return field > 0;
            }
            int content = p + Der.headerLength(h);
            int next = content + Der.contentLength(h);
            if (field == 0 && Der.tag(h) == Der.CONTEXT_0) {
                p = next; // version
                continue;
            }
            if (field == 4) { // subject
                if (Der.tag(h) != Der.SEQUENCE) {
                    return false;
                }
                subject(b, content, Math.min(next, tbsEnd), commonName, organization, organizationalUnit);
            } else if (Der.tag(h) == Der.CONTEXT_3) {
                extensions(b, content, Math.min(next, tbsEnd), dnsNames);
            }
            field++;
            p = next;
        }
        return true;
    }

    /** Name ::= SEQUENCE OF SET OF SEQUENCE { OID, value }: keeps the last CN, O and OU with a text value. */
    private static void subject(ByteBuffer b, int p, int end, TlsName commonName, TlsName organization,
                                TlsName organizationalUnit) {
        while (p < end) {
            long set = Der.header(b, p, end);
            if (set == Der.BAD || Der.tag(set) != Der.SET) {
                return;
            }
            int q = p + Der.headerLength(set);
            int setEnd = bound(p, set, end);
            while (q < setEnd) {
                long atv = Der.header(b, q, setEnd);
                if (atv == Der.BAD || Der.tag(atv) != Der.SEQUENCE) {
                    return;
                }
                int r = q + Der.headerLength(atv);
                int atvEnd = bound(q, atv, setEnd);
                long oid = Der.header(b, r, atvEnd);
                if (oid == Der.BAD || Der.tag(oid) != Der.OID) {
                    return;
                }
                int oidContent = r + Der.headerLength(oid);
                int valueAt = oidContent + Der.contentLength(oid);
                int oidLength = Der.contentLength(oid);
                TlsName target = valueAt > atvEnd ? null
                        : Der.contentIs(b, oidContent, oidLength, COMMON_NAME) ? commonName
                        : Der.contentIs(b, oidContent, oidLength, ORGANIZATION) ? organization
                        : Der.contentIs(b, oidContent, oidLength, ORGANIZATIONAL_UNIT) ? organizationalUnit : null;
                if (target != null) {
                    long value = Der.header(b, valueAt, atvEnd);
                    if (value != Der.BAD && isText(Der.tag(value))) {
                        int start = valueAt + Der.headerLength(value);
                        if (start + Der.contentLength(value) <= atvEnd) {
                            target.set(b, start, Der.contentLength(value));
                        }
                    }
                }
                q = bound(q, atv, setEnd);
            }
            p = bound(p, set, end);
        }
    }

    /** Extensions ::= SEQUENCE OF Extension { extnID, critical DEFAULT FALSE, extnValue OCTET STRING }. */
    private static void extensions(ByteBuffer b, int p, int end, TlsNames dnsNames) {
        long list = Der.header(b, p, end);
        if (list == Der.BAD || Der.tag(list) != Der.SEQUENCE) {
            return;
        }
        int listEnd = bound(p, list, end);
        p += Der.headerLength(list);
        while (p < listEnd) {
            long ext = Der.header(b, p, listEnd);
            if (ext == Der.BAD || Der.tag(ext) != Der.SEQUENCE) {
                return;
            }
            int q = p + Der.headerLength(ext);
            int extEnd = bound(p, ext, listEnd);
            long oid = Der.header(b, q, extEnd);
            if (oid == Der.BAD || Der.tag(oid) != Der.OID) {
                return;
            }
            int oidContent = q + Der.headerLength(oid);
            q = oidContent + Der.contentLength(oid);
            if (q <= extEnd && Der.contentIs(b, oidContent, Der.contentLength(oid), SUBJECT_ALT_NAME)) {
                long h = Der.header(b, q, extEnd);
                if (h != Der.BAD && Der.tag(h) == Der.BOOLEAN) {
                    q += Der.headerLength(h) + Der.contentLength(h);
                    h = Der.header(b, q, extEnd);
                }
                if (h != Der.BAD && Der.tag(h) == Der.OCTET_STRING) {
                    int content = q + Der.headerLength(h);
                    generalNames(b, content, Math.min(content + Der.contentLength(h), extEnd), dnsNames);
                }
                return;
            }
            p = bound(p, ext, listEnd);
        }
    }

    /** GeneralNames ::= SEQUENCE OF GeneralName: keeps the dNSName entries. */
    private static void generalNames(ByteBuffer b, int p, int end, TlsNames dnsNames) {
        long seq = Der.header(b, p, end);
        if (seq == Der.BAD || Der.tag(seq) != Der.SEQUENCE) {
            return;
        }
        int seqEnd = bound(p, seq, end);
        p += Der.headerLength(seq);
        while (p < seqEnd) {
            long name = Der.header(b, p, seqEnd);
            if (name == Der.BAD) {
                return;
            }
            int content = p + Der.headerLength(name);
            int next = content + Der.contentLength(name);
            if (Der.tag(name) == Der.DNS_NAME && next <= seqEnd && Der.contentLength(name) > 0) {
                TlsName slot = dnsNames.next();
                if (slot != null) {
                    slot.set(b, content, Der.contentLength(name));
                }
            }
            p = next;
        }
    }

    /** The end of the element at {@code p}, but no further than {@code end}. */
    private static int bound(int p, long h, int end) {
        long e = (long) p + Der.headerLength(h) + Der.contentLength(h);
        return e > end ? end : (int) e;
    }

    private static boolean isText(int tag) {
        return tag == Der.UTF8_STRING || tag == Der.PRINTABLE_STRING || tag == Der.IA5_STRING
                || tag == Der.T61_STRING || tag == Der.VISIBLE_STRING;
    }
}
