package org.apptrack.apptrack.appid.tls;

import static org.apptrack.apptrack.appid.tls.Bytes.u16;
import static org.apptrack.apptrack.appid.tls.Bytes.u8;

import java.nio.ByteBuffer;

/**
 * Walks the extensions block of a ClientHello or ServerHello and reads the ones application
 * identification needs (server_name, ALPN, supported_versions, ECH/ESNI presence). Every length
 * is checked against its enclosing one; a block that does not add up exactly is malformed.
 */
final class HelloExtensions {

    static final int SERVER_NAME = 0;
    static final int ALPN = 16;
    static final int SUPPORTED_VERSIONS = 43;
    static final int ENCRYPTED_CLIENT_HELLO = 0xfe0d;
    static final int ENCRYPTED_SERVER_NAME = 0xffce;
    private static final int HOST_NAME = 0;

    private HelloExtensions() {
    }

    /** Reads the extensions in {@code [offset, end)} into {@code out}; false when malformed. */
    static boolean readClient(ByteBuffer b, int offset, int end, ClientHelloInfo out) {
        int p = offset;
        while (p < end) {
            if (end - p < 4) {
                return false;
            }
            int type = u16(b, p);
            int len = u16(b, p + 2);
            int data = p + 4;
            if (len > end - data) {
                return false;
            }
            boolean ok = true;
            switch (type) {
                case SERVER_NAME:
                    ok = out.serverName().isPresent() || serverName(b, data, len, out.serverName());
                    break;
                case ALPN:
                    ok = alpnList(b, data, len, out.alpn(), null);
                    break;
                case SUPPORTED_VERSIONS:
                    ok = offeredVersions(b, data, len, out);
                    break;
                case ENCRYPTED_CLIENT_HELLO:
                    out.encryptedClientHello(true);
                    break;
                case ENCRYPTED_SERVER_NAME:
                    out.encryptedServerName(true);
                    break;
                default:
                    break;
            }
            if (!ok) {
                return false;
            }
            p = data + len;
        }
        return true;
    }

    /** Reads a ServerHello's extensions (selected version, selected ALPN); false when malformed. */
    static boolean readServer(ByteBuffer b, int offset, int end, ServerHelloInfo out) {
        int p = offset;
        while (p < end) {
            if (end - p < 4) {
                return false;
            }
            int type = u16(b, p);
            int len = u16(b, p + 2);
            int data = p + 4;
            if (len > end - data) {
                return false;
            }
            if (type == SUPPORTED_VERSIONS) {
                if (len != 2) {
                    return false;
                }
                out.selectedVersion(u16(b, data));
            } else if (type == ALPN) {
                if (!alpnList(b, data, len, null, out.alpnSlot())) {
                    return false;
                }
            }
            p = data + len;
        }
        return true;
    }

    /** server_name: a list of (type, name); the first host_name is kept. */
    private static boolean serverName(ByteBuffer b, int data, int len, TlsName target) {
        if (len == 0) {
            return true; // a server's empty acknowledgement, or a client's empty extension: no name
        }
        if (len < 2 || u16(b, data) != len - 2) {
            return false;
        }
        int p = data + 2;
        int end = data + len;
        while (p < end) {
            if (end - p < 3) {
                return false;
            }
            int nameType = u8(b, p);
            int nameLen = u16(b, p + 1);
            if (nameLen == 0 || nameLen > end - p - 3) {
                return false;
            }
            if (nameType == HOST_NAME && !target.isPresent()) {
                target.set(b, p + 3, nameLen);
            }
            p += 3 + nameLen;
        }
        return true;
    }

    /** ALPN: a list of length-prefixed protocol names; into {@code list} or, for a server, its one {@code single}. */
    private static boolean alpnList(ByteBuffer b, int data, int len, TlsNames list, TlsName single) {
        if (len < 2 || u16(b, data) != len - 2) {
            return false;
        }
        int p = data + 2;
        int end = data + len;
        int count = 0;
        while (p < end) {
            int nameLen = u8(b, p);
            if (nameLen == 0 || nameLen > end - p - 1) {
                return false;
            }
            if (list != null) {
                TlsName slot = list.next();
                if (slot != null) {
                    slot.set(b, p + 1, nameLen);
                }
            } else if (count == 0) {
                single.set(b, p + 1, nameLen);
            }
            count++;
            p += 1 + nameLen;
        }
        // a server selects exactly one protocol
        return count > 0 && (list != null || count == 1);
    }

    /** A client's supported_versions: a one-byte length, then two-byte versions. */
    private static boolean offeredVersions(ByteBuffer b, int data, int len, ClientHelloInfo out) {
        if (len < 1) {
            return false;
        }
        int listLen = u8(b, data);
        if (listLen != len - 1 || listLen % 2 != 0) {
            return false;
        }
        for (int p = data + 1; p < data + len; p += 2) {
            out.offeredVersion(u16(b, p));
        }
        return true;
    }
}
