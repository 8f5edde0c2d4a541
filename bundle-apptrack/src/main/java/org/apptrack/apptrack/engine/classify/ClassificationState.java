package org.apptrack.apptrack.engine.classify;

import java.nio.ByteBuffer;

/**
 * What a classifier keeps about one session between its packets: a few words of dissector state
 * and a buffer for payload it must see whole (a handshake spanning segments). Belongs to a
 * {@link ClassificationPool} slot; cleared when the slot is handed to a new session.
 */
public final class ClassificationState {

    /** Words of dissector state. */
    public static final int WORDS = 8;

    private final long[] words = new long[WORDS];
    private final byte[] buffer;
    private final ByteBuffer view;
    private int buffered;

    ClassificationState(int bufferBytes) {
        this.buffer = new byte[bufferBytes];
        this.view = ByteBuffer.wrap(buffer);
    }

    void clear() {
        for (int i = 0; i < WORDS; i++) {
            words[i] = 0;
        }
        buffered = 0;
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

    public int capacity() {
        return buffer.length;
    }
}
