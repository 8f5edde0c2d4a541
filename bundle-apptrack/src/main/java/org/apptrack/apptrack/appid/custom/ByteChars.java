package org.apptrack.apptrack.appid.custom;

import java.nio.ByteBuffer;

/**
 * Bytes read as characters 0..255 (one per byte, no decoding), in place: the reusable input of a
 * {@link SignaturePattern}'s matcher. Counts its reads: past the budget set before a match, a
 * read throws the one preallocated {@link OutOfSteps} (no stack trace, so throwing allocates
 * nothing), which ends a match that would otherwise backtrack without end.
 */
final class ByteChars implements CharSequence {

    /** Thrown, always the same instance, when a match has read more than its budget. */
    static final class OutOfSteps extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final OutOfSteps INSTANCE = new OutOfSteps();

        private OutOfSteps() {
            super("pattern match abandoned: too many steps", null, false, false);
        }
    }

    private byte[] array;
    private ByteBuffer buffer;
    private int offset;
    private int length;
    private long budget;

    ByteChars of(byte[] bytes, int from, int count) {
        this.array = bytes;
        this.buffer = null;
        this.offset = from;
        this.length = count;
        return this;
    }

    ByteChars of(ByteBuffer bytes, int from, int count) {
        this.array = null;
        this.buffer = bytes;
        this.offset = from;
        this.length = count;
        return this;
    }

    void budget(long steps) {
        budget = steps;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (--budget < 0) {
            throw OutOfSteps.INSTANCE;
        }
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " of " + length);
        }
        return (char) ((array != null ? array[offset + index] : buffer.get(offset + index)) & 0xff);
    }

    /** A copy (allocates; the matcher never asks for one while matching). */
    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        char[] chars = new char[length];
        long saved = budget;
        budget = Long.MAX_VALUE;
        for (int i = 0; i < length; i++) {
            chars[i] = charAt(i);
        }
        budget = saved;
        return new String(chars);
    }
}
