package org.apptrack.apptrack.appid.tls;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded list of {@link TlsName}s (ALPN protocols, certificate DNS names): the first
 * {@link #capacity()} are kept, {@link #seen()} counts all that the message held.
 */
public final class TlsNames {

    private final TlsName[] names;
    private int count;
    private int seen;

    TlsNames(int capacity) {
        names = new TlsName[capacity];
        for (int i = 0; i < capacity; i++) {
            names[i] = new TlsName();
        }
    }

    void clear() {
        count = 0;
        seen = 0;
    }

    /** The slot for the next name, or null when the list is full (the name is only counted). */
    TlsName next() {
        seen++;
        if (count == names.length) {
            return null;
        }
        TlsName n = names[count++];
        n.clear();
        return n;
    }

    /** Names kept. */
    public int count() {
        return count;
    }

    /** Names in the message, kept or not. */
    public int seen() {
        return seen;
    }

    public int capacity() {
        return names.length;
    }

    public TlsName get(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("name " + i + " of " + count);
        }
        return names[i];
    }

    /** Whether one of the kept names is exactly this text. */
    public boolean contains(CharSequence text) {
        for (int i = 0; i < count; i++) {
            if (names[i].contentEquals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The kept names as escaped text (slow path, tests). */
    public List<String> toStrings() {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(names[i].toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return toStrings().toString();
    }
}
