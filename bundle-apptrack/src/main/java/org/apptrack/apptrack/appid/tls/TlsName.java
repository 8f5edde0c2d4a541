package org.apptrack.apptrack.appid.tls;

import java.nio.ByteBuffer;

/**
 * One name read from the network (a server name, an ALPN protocol, a certificate name): the bytes
 * as received, at most {@link #MAX} of them, in a reused array; nothing is decoded or allocated
 * on the packet path. The text is untrusted: {@link #isHostName()} and {@link #isPrintable()}
 * say what it looks like, {@link #toString()} escapes what is not printable ASCII (slow path,
 * tests, logs).
 */
public final class TlsName {

    /** The most bytes kept of a name; longer names are cut and flagged {@link #truncated()}. */
    public static final int MAX = 255;

    private final byte[] bytes = new byte[MAX];
    private int length;
    private boolean truncated;

    /** Forgets the name. */
    public void clear() {
        length = 0;
        truncated = false;
    }

    /**
     * Copies {@code len} bytes of {@code source} at absolute {@code offset} (the first {@link #MAX}
     * of them; the source's position is not changed). For parsers of other protocols that carry
     * names (gQUIC's CHLO).
     */
    public void set(ByteBuffer source, int offset, int len) {
        int n = Math.min(len, MAX);
        for (int i = 0; i < n; i++) {
            bytes[i] = source.get(offset + i);
        }
        length = n;
        truncated = len > MAX;
    }

    void set(TlsName other) {
        System.arraycopy(other.bytes, 0, bytes, 0, other.length);
        length = other.length;
        truncated = other.truncated;
    }

    /** Whether a name was read (a present but empty name reads as absent). */
    public boolean isPresent() {
        return length > 0;
    }

    public int length() {
        return length;
    }

    /** Whether the name on the wire was longer than {@link #MAX} bytes. */
    public boolean truncated() {
        return truncated;
    }

    public byte byteAt(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("byte " + i + " of a " + length + "-byte name");
        }
        return bytes[i];
    }

    /**
     * The backing array: the name is its first {@link #length()} bytes. Shared, reused by the next
     * parse, not to be modified; for matchers that read bytes without copying.
     */
    public byte[] array() {
        return bytes;
    }

    /** Copies the name into {@code target} at {@code offset}; returns its length. */
    public int copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, length);
        return length;
    }

    /** Whether the name is exactly these ASCII characters (case-sensitive). */
    public boolean contentEquals(CharSequence text) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((bytes[i] & 0xff) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every byte is printable ASCII (0x20..0x7e). */
    public boolean isPrintable() {
        for (int i = 0; i < length; i++) {
            int c = bytes[i] & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the name has the shape of a DNS host name: 1..253 bytes of letters, digits,
     * {@code - _ .} and a leading {@code *.} wildcard, no empty label, labels of at most 63 bytes.
     * A host-name rule should be fed only such names.
     */
    public boolean isHostName() {
        int end = length > 1 && bytes[length - 1] == '.' ? length - 1 : length; // an absolute name's dot
        if (end == 0 || end > 253 || truncated) {
            return false;
        }
        int start = 0;
        if (end >= 2 && bytes[0] == '*' && bytes[1] == '.') {
            start = 2; // a wildcard, followed by at least one label
            if (start == end) {
                return false;
            }
        }
        int label = 0;
        for (int i = start; i < end; i++) {
            int c = bytes[i] & 0xff;
            if (c == '.') {
                if (label == 0) {
                    return false;
                }
                label = 0;
                continue;
            }
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!ok || ++label > 63) {
                return false;
            }
        }
        return label > 0;
    }

    /**
     * Whether the name is an IPv4 address literal (its last label all digits: no top-level
     * domain is numeric), which RFC 6066 forbids in a server name and some clients send anyway.
     */
    public boolean isAddressLiteral() {
        int end = length > 1 && bytes[length - 1] == '.' ? length - 1 : length;
        int i = end - 1;
        while (i >= 0 && bytes[i] >= '0' && bytes[i] <= '9') {
            i--;
        }
        return i < end - 1 && (i < 0 || bytes[i] == '.');
    }

    /** The name as text, each byte that is not printable ASCII (and the backslash) written {@code \xNN}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = bytes[i] & 0xff;
            if (c < 0x20 || c > 0x7e || c == '\\') {
                s.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                s.append((char) c);
            }
        }
        return s.toString();
    }
}
