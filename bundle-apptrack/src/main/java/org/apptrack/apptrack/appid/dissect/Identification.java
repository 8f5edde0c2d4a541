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

    private int application;
    private int nested;
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
