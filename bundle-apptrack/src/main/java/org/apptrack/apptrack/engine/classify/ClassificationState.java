package org.apptrack.apptrack.engine.classify;

import java.nio.ByteBuffer;

/**
 * What a classifier keeps about one session between its packets: a few words of dissector state
 * and a buffer for payload it must see whole (a handshake spanning segments). Belongs to a
 * {@link ClassificationPool} slot; cleared when the slot is handed to a new session (the words
 * are zeroed and nothing counts as buffered; the buffer's old bytes stay until overwritten, so a
 * dissector marks in a word which of its bytes it wrote).
 *
 * <p>The buffer is used either as one stream ({@link #append}, {@link #buffered}) or as regions
 * at indices a dissector chooses ({@link #write}, {@link #bytes}), e.g. one per direction of a
 * TLS handshake or a QUIC CRYPTO stream assembled out of order.
 */
public final class ClassificationState {

    /** Words of dissector state. */
    public static final int WORDS = 10;

    private final long[] words = new long[WORDS];
    private final byte[] buffer;
    private final ByteBuffer view;
    /** The whole buffer; never repositioned, read with absolute gets. */
    private final ByteBuffer whole;
    private int buffered;

    ClassificationState(int bufferBytes) {
        this.buffer = new byte[bufferBytes];
        this.view = ByteBuffer.wrap(buffer);
        this.whole = ByteBuffer.wrap(buffer);
    }

    void clear() {
        for (int i = 0; i < WORDS; i++) {
            words[i] = 0;
        }
        buffered = 0;
    }

    /** Zeroes the words from {@code from} on. */
    public void clearWords(int from) {
        for (int i = Math.max(from, 0); i < WORDS; i++) {
            words[i] = 0;
        }
    }

    public long word(int i) {
        return words[i];
    }

    public void word(int i, long value) {
        words[i] = value;
    }

    /**
     * Appends {@code length} bytes of {@code source} from its absolute index {@code offset} to
     * the buffer (the source's position is not changed).
     *
     * @return false, appending nothing, when they do not fit
     */
    public boolean append(ByteBuffer source, int offset, int length) {
        if (length > buffer.length - buffered) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            buffer[buffered + i] = source.get(offset + i);
        }
        buffered += length;
        return true;
    }

    /** The bytes appended so far, from position 0 to the limit: one reused view, valid until the next call. */
    public ByteBuffer buffered() {
        view.clear();
        view.limit(buffered);
        return view;
    }

    public int bufferedBytes() {
        return buffered;
    }

    /**
     * Copies {@code length} bytes of {@code source} from its absolute index {@code offset} to the
     * buffer at {@code index} (the source's position is not changed; {@link #bufferedBytes()} is
     * not either).
     *
     * @return false, writing nothing, when the bytes would not lie inside the buffer
     */
    public boolean write(int index, ByteBuffer source, int offset, int length) {
        if (index < 0 || length < 0 || length > buffer.length - index) {
            return false;
        }
        if (source.hasArray()) {
            System.arraycopy(source.array(), source.arrayOffset() + offset, buffer, index, length);
        } else {
            for (int i = 0; i < length; i++) {
                buffer[index + i] = source.get(offset + i);
            }
        }
        return true;
    }

    /**
     * Sets the byte at {@code index} to the low eight bits of {@code value}.
     *
     * @return false, writing nothing, when {@code index} is outside the buffer
     */
    public boolean write(int index, int value) {
        if (index < 0 || index >= buffer.length) {
            return false;
        }
        buffer[index] = (byte) value;
        return true;
    }

    /** As {@link #write(int, ByteBuffer, int, int)} from an array. */
    public boolean write(int index, byte[] source, int offset, int length) {
        if (index < 0 || length < 0 || length > buffer.length - index) {
            return false;
        }
        System.arraycopy(source, offset, buffer, index, length);
        return true;
    }

    /**
     * The whole buffer, position 0 and limit {@link #capacity()}, to read with absolute gets: one
     * view for the state's life (do not change its position or limit).
     */
    public ByteBuffer bytes() {
        return whole;
    }

    public int capacity() {
        return buffer.length;
    }
}
