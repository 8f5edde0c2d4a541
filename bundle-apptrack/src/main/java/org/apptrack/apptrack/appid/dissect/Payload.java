package org.apptrack.apptrack.appid.dissect;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.engine.classify.ClassificationState;

/**
 * One packet's transport payload as a dissector reads it: in place in the frame, with the
 * session's ports and this packet's place in its direction. One reused instance; indices given
 * to its readers are relative to the payload's first byte, and a read past the end gives -1
 * (so a dissector tests lengths once, not at every read).
 */
public final class Payload {

    /**
     * The first word of {@link #state()} a dissector that claimed the session may use (the
     * words before are the classifier's); words up to {@code ClassificationState.WORDS - 1}.
     */
    public static final int FIRST_STATE_WORD = 5;

    private ByteBuffer frame;
    private int offset;
    private int length;
    private boolean fromClient;
    private int ipProtocol;
    private int clientPort;
    private int serverPort;
    private int index;
    private long tcpSequence;
    private ClassificationState state;

    /** Points this view at a payload (the classifier's call). */
    public Payload set(ByteBuffer frame, int offset, int length, boolean fromClient, int ipProtocol,
                       int clientPort, int serverPort, int index, ClassificationState state) {
        this.frame = frame;
        this.offset = offset;
        this.length = length;
        this.fromClient = fromClient;
        this.ipProtocol = ipProtocol;
        this.clientPort = clientPort;
        this.serverPort = serverPort;
        this.index = index;
        this.state = state;
        this.tcpSequence = -1;
        return this;
    }

    /** Gives the TCP segment's sequence number (after {@link #set}; the classifier's call). */
    public Payload tcpSequence(int sequence) {
        this.tcpSequence = sequence & 0xffff_ffffL;
        return this;
    }

    /** The frame; the payload is {@code [offset(), offset() + length())}, absolute. Do not move its position or limit. */
    public ByteBuffer frame() {
        return frame;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public boolean fromClient() {
        return fromClient;
    }

    public int ipProtocol() {
        return ipProtocol;
    }

    public boolean isTcp() {
        return ipProtocol == 6;
    }

    public int clientPort() {
        return clientPort;
    }

    public int serverPort() {
        return serverPort;
    }

    /** Whether either end uses {@code port}. */
    public boolean port(int port) {
        return clientPort == port || serverPort == port;
    }

    /**
     * The TCP segment's sequence number (0..2^32-1), which places the payload in its direction's
     * byte stream; -1 when not known (not TCP, or a caller that does not give it).
     */
    public long tcpSequence() {
        return tcpSequence;
    }

    /** Payloads of this direction that came before this one (0: the direction's first). */
    public int index() {
        return index;
    }

    /** The session's classification state; a dissector uses it only once it claimed the session. */
    public ClassificationState state() {
        return state;
    }

    /** The byte at {@code i}, or -1 past the end. */
    public int u8(int i) {
        return i >= 0 && i < length ? frame.get(offset + i) & 0xff : -1;
    }

    /** The big-endian 16-bit value at {@code i}, or -1 when it does not fit. */
    public int u16(int i) {
        return i >= 0 && i + 2 <= length ? frame.getShort(offset + i) & 0xffff : -1;
    }

    /** The big-endian 24-bit value at {@code i}, or -1 when it does not fit. */
    public int u24(int i) {
        return i >= 0 && i + 3 <= length
                ? (frame.get(offset + i) & 0xff) << 16 | (frame.getShort(offset + i + 1) & 0xffff) : -1;
    }

    /** The big-endian 32-bit value at {@code i}, or -1 when it does not fit. */
    public long u32(int i) {
        return i >= 0 && i + 4 <= length ? frame.getInt(offset + i) & 0xffffffffL : -1;
    }

    /** The little-endian 16-bit value at {@code i}, or -1 when it does not fit. */
    public int u16le(int i) {
        return i >= 0 && i + 2 <= length ? (frame.get(offset + i) & 0xff) | (frame.get(offset + i + 1) & 0xff) << 8
                : -1;
    }

    /** The little-endian 32-bit value at {@code i}, or -1 when it does not fit. */
    public long u32le(int i) {
        return i >= 0 && i + 4 <= length ? (long) u16le(i) | (long) u16le(i + 2) << 16 : -1;
    }

    /** Whether the payload holds {@code ascii} at {@code i}, byte for byte. */
    public boolean matches(int i, byte[] ascii) {
        if (i < 0 || i + ascii.length > length) {
            return false;
        }
        for (int k = 0; k < ascii.length; k++) {
            if (frame.get(offset + i + k) != ascii[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the payload holds {@code lowerAscii} at {@code i}, ignoring ASCII case. */
    public boolean matchesIgnoreCase(int i, byte[] lowerAscii) {
        if (i < 0 || i + lowerAscii.length > length) {
            return false;
        }
        for (int k = 0; k < lowerAscii.length; k++) {
            int c = frame.get(offset + i + k);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerAscii[k]) {
                return false;
            }
        }
        return true;
    }

    public boolean startsWith(byte[] ascii) {
        return matches(0, ascii);
    }

    /** The first index {@code >= from} of {@code b} before {@code to} (exclusive, clamped to the length), or -1. */
    public int indexOf(int b, int from, int to) {
        int end = Math.min(to, length);
        for (int i = Math.max(from, 0); i < end; i++) {
            if ((frame.get(offset + i) & 0xff) == b) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first CR LF at or after {@code from}, or -1. */
    public int lineEnd(int from) {
        for (int i = Math.max(from, 0); i + 1 < length; i++) {
            if (frame.get(offset + i) == '\r' && frame.get(offset + i + 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** {@link #textLineEnd}: no line end yet, and every byte up to the end is text. */
    public static final int LINE_UNFINISHED = -1;
    /** {@link #textLineEnd}: a byte that is not text comes before any line end. */
    public static final int NOT_TEXT = -2;

    /**
     * The index of the first CR LF at or after {@code from} when every byte before it is
     * printable ASCII or tab; {@link #LINE_UNFINISHED} when there is none and all is text;
     * {@link #NOT_TEXT} at the first other byte. The text protocols' first line, found without
     * reading a binary payload to its end: most payloads a text dissector is offered are not text.
     */
    public int textLineEnd(int from) {
        for (int i = Math.max(from, 0); i < length; i++) {
            int c = frame.get(offset + i) & 0xff;
            if (c == '\r' && i + 1 < length && frame.get(offset + i + 1) == '\n') {
                return i;
            }
            if ((c < 0x20 || c > 0x7e) && c != '\t' && !(c == '\r' && i + 1 == length)) {
                return NOT_TEXT;
            }
        }
        return LINE_UNFINISHED;
    }

    /** Whether every byte of {@code [from, to)} is printable ASCII or tab. */
    public boolean printable(int from, int to) {
        if (from < 0 || to > length) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = frame.get(offset + i) & 0xff;
            if ((c < 0x20 || c > 0x7e) && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The decimal digits at {@code [from, to)} as a number, or -1 when any is not a digit or there are none. */
    public long decimal(int from, int to) {
        if (from < 0 || to > length || from >= to || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int c = frame.get(offset + i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
