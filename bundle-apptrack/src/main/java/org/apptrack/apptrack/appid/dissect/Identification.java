package org.apptrack.apptrack.appid.dissect;

import java.nio.ByteBuffer;

/**
 * What a dissector learnt from one payload: the application (a catalog id), a name the session
 * carries (HTTP Host, TLS or QUIC server name, DNS question) for the host-name rules, whether the
 * payload is encrypted, and the addresses a DNS answer gave for that name. One reused instance;
 * the classifier clears it before each payload and applies it after.
 *
 * <p>Names are kept as received bytes, at most {@link #MAX_NAME} of them, lower-cased ASCII;
 * a name with a byte that cannot be in a host name is not kept (names from the network are
 * untrusted text).
 */
public final class Identification {

    public static final int MAX_NAME = 255;
    /** Addresses of one DNS answer kept for the address cache. */
    public static final int MAX_ANSWERS = 16;
    /** Bytes of an HTTP request's decoded URL path kept; a longer one is not kept. */
    public static final int MAX_URL = 512;
    /** Bytes of an HTTP User-Agent or Content-Type kept; a longer one is not kept. */
    public static final int MAX_HEADER = 255;

    /** What the kept name is: a name the session carries in no context a custom signature has. */
    public static final int NAME_OTHER = 0;
    /** The name is an HTTP request's {@code Host} (Junos context {@code http-header-host}). */
    public static final int NAME_HTTP_HOST = 1;
    /** The name is a TLS ClientHello's server name (Junos context {@code ssl-server-name}). */
    public static final int NAME_SSL_SERVER_NAME = 2;

    private int application;
    private int nested;
    private boolean nestedWeak;
    private int nameContext;
    private boolean httpRequest;
    private final byte[] url = new byte[MAX_URL];
    private int urlLength;
    private final byte[] userAgent = new byte[MAX_HEADER];
    private int userAgentLength;
    private final byte[] contentType = new byte[MAX_HEADER];
    private int contentTypeLength;
    private boolean soapAction;
    private boolean encrypted;
    private boolean encryptionKnown;
    private final byte[] name = new byte[MAX_NAME];
    private int nameLength;
    private boolean nameIsLookup;
    private final long[] answerHigh = new long[MAX_ANSWERS];
    private final long[] answerLow = new long[MAX_ANSWERS];
    private int answers;
    private int expectedApplication;
    private int expectedPort;
    private boolean expectedAtClient;
    private boolean expectedLinked;
    private long peerHigh;
    private long peerLow;
    private int peerPort;

    public void clear() {
        application = 0;
        nested = 0;
        nestedWeak = false;
        nameContext = NAME_OTHER;
        httpRequest = false;
        urlLength = 0;
        userAgentLength = 0;
        contentTypeLength = 0;
        soapAction = false;
        encryptionKnown = false;
        encrypted = false;
        nameLength = 0;
        nameIsLookup = false;
        answers = 0;
        expectedPort = 0;
        peerPort = 0;
    }

    /**
     * The other end of a call this session relays to (a TURN peer, RFC 8656): the session's
     * call service is that end's too. Address as the session table keeps addresses.
     */
    public void peer(long high, long low, int port) {
        peerHigh = high;
        peerLow = low;
        peerPort = port;
    }

    /** The peer's port, 0 when the payload named no peer. */
    public int peerPort() {
        return peerPort;
    }

    public long peerHigh() {
        return peerHigh;
    }

    public long peerLow() {
        return peerLow;
    }

    /** The application (catalog id), 0 when this payload named none. */
    public int application() {
        return application;
    }

    public void application(int id) {
        application = id;
    }

    /** An application inside the application that the protocol itself tells (not by name); 0: none. */
    public int nested() {
        return nested;
    }

    public void nested(int id) {
        nested = id;
        nestedWeak = false;
    }

    /**
     * A nested application that the content suggests (a media type, a URL suffix) but that a
     * name the session carries outweighs: it applies only to a session with no nested
     * application yet.
     */
    public void nestedUnlessNamed(int id) {
        nested = id;
        nestedWeak = true;
    }

    /** Whether {@link #nested()} yields to the nested application the session's name gave. */
    public boolean nestedWeak() {
        return nestedWeak;
    }

    /** What the kept name is ({@link #NAME_OTHER}, {@link #NAME_HTTP_HOST}, {@link #NAME_SSL_SERVER_NAME}). */
    public int nameContext() {
        return nameContext;
    }

    public void nameContext(int context) {
        nameContext = context;
    }

    /**
     * This payload carried an HTTP request's headers: its {@link #url()}, {@link #userAgent()},
     * {@link #contentType()} and Host ({@link #nameBytes()}) are what custom HTTP signatures match.
     */
    public boolean httpRequest() {
        return httpRequest;
    }

    public void httpRequest(boolean value) {
        httpRequest = value;
    }

    /**
     * The request's URL path, percent-decoded (Junos {@code http-url-parsed}): bytes as decoded,
     * valid for {@link #urlLength()} bytes. Untrusted: matched, never shown.
     */
    public byte[] url() {
        return url;
    }

    public int urlLength() {
        return urlLength;
    }

    /**
     * Keeps the path of the request target {@code buffer[offset, offset + length)} (absolute),
     * percent-decoded: an absolute-form target loses its scheme and authority, the query and the
     * fragment are cut. A path that decodes to more than {@link #MAX_URL} bytes is not kept.
     *
     * @return whether it was kept
     */
    public boolean url(ByteBuffer buffer, int offset, int length) {
        urlLength = 0;
        int from = offset;
        int end = offset + length;
        if (length > 7 && schemeAt(buffer, offset, end)) {
            from = offset;
            while (from < end && buffer.get(from) != ':') {
                from++;
            }
            from += 3; // "://"
            while (from < end && buffer.get(from) != '/' && buffer.get(from) != '?' && buffer.get(from) != '#') {
                from++;
            }
        }
        int n = 0;
        for (int i = from; i < end; i++) {
            int c = buffer.get(i) & 0xff;
            if (c == '?' || c == '#') {
                break;
            }
            if (c == '%' && i + 2 < end && hex(buffer.get(i + 1)) >= 0 && hex(buffer.get(i + 2)) >= 0) {
                c = hex(buffer.get(i + 1)) << 4 | hex(buffer.get(i + 2));
                i += 2;
            }
            if (n == MAX_URL) {
                return false;
            }
            url[n++] = (byte) c;
        }
        urlLength = n;
        return n > 0;
    }

    private static boolean schemeAt(ByteBuffer buffer, int offset, int end) {
        for (int i = offset; i < end - 2; i++) {
            int c = buffer.get(i) & 0xff;
            if (c == ':') {
                return i > offset && buffer.get(i + 1) == '/' && buffer.get(i + 2) == '/';
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-'
                    || c == '.')) {
                return false;
            }
        }
        return false;
    }

    private static int hex(byte b) {
        int c = b & 0xff;
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** The User-Agent header's value, printable ASCII, valid for {@link #userAgentLength()} bytes. */
    public byte[] userAgent() {
        return userAgent;
    }

    public int userAgentLength() {
        return userAgentLength;
    }

    /** Keeps a User-Agent value (absolute indices); one with a byte that is not printable ASCII, or too long, is not kept. */
    public boolean userAgent(ByteBuffer buffer, int offset, int length) {
        userAgentLength = printable(buffer, offset, length, userAgent);
        return userAgentLength > 0;
    }

    /** The Content-Type header's value of this payload's message, printable ASCII, valid for {@link #contentTypeLength()} bytes. */
    public byte[] contentType() {
        return contentType;
    }

    public int contentTypeLength() {
        return contentTypeLength;
    }

    /** Keeps a Content-Type value (absolute indices), as {@link #userAgent(ByteBuffer, int, int)}. */
    public boolean contentType(ByteBuffer buffer, int offset, int length) {
        contentTypeLength = printable(buffer, offset, length, contentType);
        return contentTypeLength > 0;
    }

    private static int printable(ByteBuffer buffer, int offset, int length, byte[] into) {
        if (length <= 0 || length > into.length) {
            return 0;
        }
        for (int i = 0; i < length; i++) {
            byte b = buffer.get(offset + i);
            if (b < 0x20 || b > 0x7e) {
                return 0;
            }
            into[i] = b;
        }
        return length;
    }

    /** The request had a {@code SOAPAction} header (SOAP 1.1 over HTTP). */
    public boolean soapAction() {
        return soapAction;
    }

    public void soapAction(boolean value) {
        soapAction = value;
    }

    public void encrypted(boolean value) {
        encrypted = value;
        encryptionKnown = true;
    }

    public boolean encryptionKnown() {
        return encryptionKnown;
    }

    public boolean encrypted() {
        return encrypted;
    }

    /**
     * Keeps the name at {@code buffer[offset, offset + length)} (absolute), lower-cased; a name
     * that is empty, too long or has a byte no host name has (anything but letters, digits,
     * {@code - . _ *}) is not kept.
     *
     * @return whether it was kept
     */
    public boolean name(ByteBuffer buffer, int offset, int length) {
        nameLength = 0;
        if (length <= 0 || length > MAX_NAME) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = hostNameByte(buffer.get(offset + i));
            if (c < 0) {
                return false;
            }
            name[i] = (byte) c;
        }
        nameLength = length;
        return true;
    }

    /** As {@link #name(ByteBuffer, int, int)}, from {@code bytes[offset, offset + length)}. */
    public boolean name(byte[] bytes, int offset, int length) {
        nameLength = 0;
        if (length <= 0 || length > MAX_NAME || offset < 0 || offset + length > bytes.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = hostNameByte(bytes[offset + i]);
            if (c < 0) {
                return false;
            }
            name[i] = (byte) c;
        }
        nameLength = length;
        return true;
    }

    /** The byte lower-cased if a host name (or a wildcard pattern) may hold it, else -1. */
    private static int hostNameByte(byte b) {
        int c = b & 0xff;
        if (c >= 'A' && c <= 'Z') {
            return c + ('a' - 'A');
        }
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '*' ? c : -1;
    }

    /** Appends one label (DNS wire format) to the name, with a dot before all but the first. */
    public boolean appendLabel(ByteBuffer buffer, int offset, int length) {
        int start = nameLength == 0 ? 0 : nameLength + 1;
        if (length <= 0 || start + length > MAX_NAME) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = buffer.get(offset + i) & 0xff;
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
            name[start + i] = (byte) c;
        }
        if (start > 0) {
            name[nameLength] = '.';
        }
        nameLength = start + length;
        return true;
    }

    public void clearName() {
        nameLength = 0;
    }

    /** The name's bytes, valid for {@link #nameLength()} bytes. */
    public byte[] nameBytes() {
        return name;
    }

    public int nameLength() {
        return nameLength;
    }

    /** The name as text (allocates: for tests and the slow path). */
    public String nameText() {
        return new String(name, 0, nameLength, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * The name is one that was looked up (a DNS question), not one this session goes to: it
     * names later sessions to the answer's addresses, not this one.
     */
    public void nameIsLookup(boolean value) {
        nameIsLookup = value;
    }

    public boolean nameIsLookup() {
        return nameIsLookup;
    }

    /** An address the looked-up name resolved to, as the session table keeps addresses (IPv4 mapped, {@code IpAddresses}). */
    public void addAnswer(long high, long low) {
        if (answers < MAX_ANSWERS) {
            answerHigh[answers] = high;
            answerLow[answers] = low;
            answers++;
        }
    }

    public int answers() {
        return answers;
    }

    public long answerHigh(int i) {
        return answerHigh[i];
    }

    public long answerLow(int i) {
        return answerLow[i];
    }

    /**
     * The payload announced a session to come (an FTP data connection): to {@code port} of this
     * session's client host ({@code atClient}) or server host, which will be {@code application}
     * and, when {@code linked}, closes with this session ({@code parent closed}).
     */
    public void expect(int application, int port, boolean atClient, boolean linked) {
        if (port > 0 && port < 65536) {
            expectedApplication = application;
            expectedPort = port;
            expectedAtClient = atClient;
            expectedLinked = linked;
        }
    }

    /** Whether the announced session is to be linked under this one. */
    public boolean expectedLinked() {
        return expectedLinked;
    }

    /** The announced session's port, 0 when none was announced. */
    public int expectedPort() {
        return expectedPort;
    }

    public int expectedApplication() {
        return expectedApplication;
    }

    public boolean expectedAtClient() {
        return expectedAtClient;
    }
}
