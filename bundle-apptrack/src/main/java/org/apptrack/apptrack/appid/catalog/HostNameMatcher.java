package org.apptrack.apptrack.appid.catalog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Names the application of a host name (HTTP Host, TLS or QUIC SNI, a DNS name) from every
 * host pattern of the catalog at once: the longest pattern that matches wins
 * ({@code r3---sn-abc.googlevideo.com} is YOUTUBE although {@code google.*} matches too), on
 * label boundaries only ({@code notyoutube.com} is not below {@code youtube.com}),
 * case-insensitively (ASCII), with or without the trailing dot of an absolute name.
 *
 * <p>How: the name is read once from its end; at each label boundary the hash of the suffix
 * read so far probes an open-addressing table of the patterns' hashes (primitive arrays,
 * power-of-two size, hash and pattern interleaved in one {@code long}), and a hit is confirmed
 * byte by byte. A lookup costs one pass over the name and one probe per label, whatever the
 * number of patterns, and allocates nothing. {@code name.*} patterns sit in a second table
 * probed the same way from the end of the name without its top-level domain (one or two labels:
 * {@code de}, {@code co.uk}).
 *
 * <p>Hand-written because no library does this: Guava's {@code InternetDomainName}, the JDK's
 * string methods and the Aho-Corasick libraries work on {@code String}s (a copy and a decode per
 * name from the network) and find substrings, not label-aligned suffixes. Substring patterns
 * are deliberately absent: a service is named by the domains it owns, and a substring of an
 * untrusted name ({@code youtube} in {@code notyoutube.example}) would name what it is not.
 *
 * <p>Names from the network are untrusted: a name that is not a host name (a byte other than a
 * letter, digit, {@code -}, {@code _} or {@code .}, an empty label, a label over 63 bytes, a
 * name over 253) matches nothing. IDN names are matched in their {@code xn--} form, as sent.
 * Immutable, safe for any number of threads.
 */
public final class HostNameMatcher {

    /** What a lookup returns when no pattern matches (the unknown application's id). */
    public static final int NO_MATCH = 0;

    private static final int MAX_NAME_LENGTH = HostPattern.MAX_NAME_LENGTH;
    private static final int MAX_LABEL_LENGTH = HostPattern.MAX_LABEL_LENGTH;
    private static final int HASH_MULTIPLIER = 31;

    /** Lower case of each byte that may appear in a label, {@code '.'} for the dot, 0 for any other byte. */
    private static final byte[] FOLD = new byte[256];
    /** Second-level domains under a country code where registrations sit ({@code co.uk}, {@code com.br}). */
    private static final byte[][] COUNTRY_SECOND_LEVEL = ascii("co", "com", "net", "org", "gov", "edu", "ac", "ne",
            "or", "go", "gob", "mil");

    static {
        for (int c = 'a'; c <= 'z'; c++) {
            FOLD[c] = (byte) c;
            FOLD[c - 'a' + 'A'] = (byte) c;
        }
        for (int c = '0'; c <= '9'; c++) {
            FOLD[c] = (byte) c;
        }
        FOLD['-'] = '-';
        FOLD['_'] = '_';
        FOLD['.'] = '.';
    }

    private final byte[] text;
    private final int[] start;
    private final int[] length;
    private final int[] application;
    private final long[] domainSlots;
    private final int domainMask;
    private final long[] anyTopLevelSlots;
    private final int anyTopLevelMask;
    private final boolean hasAnyTopLevel;
    /** The longest pattern of each table: no suffix longer than that can match, so none is probed. */
    private final int longestDomain;
    private final int longestAnyTopLevel;

    private HostNameMatcher(Builder b) {
        int patterns = b.applications.length;
        text = b.text.toByteArray();
        start = b.starts;
        length = b.lengths;
        application = b.applications;
        int domains = 0;
        for (int p = 0; p < patterns; p++) {
            domains += b.anyTopLevel[p] ? 0 : 1;
        }
        domainSlots = new long[capacity(domains)];
        domainMask = domainSlots.length - 1;
        anyTopLevelSlots = new long[capacity(patterns - domains)];
        anyTopLevelMask = anyTopLevelSlots.length - 1;
        hasAnyTopLevel = patterns - domains > 0;
        int longestD = 0;
        int longestA = 0;
        for (int p = 0; p < patterns; p++) {
            if (b.anyTopLevel[p]) {
                longestA = Math.max(longestA, length[p]);
            } else {
                longestD = Math.max(longestD, length[p]);
            }
        }
        longestDomain = longestD;
        longestAnyTopLevel = longestA;
        for (int p = 0; p < patterns; p++) {
            int h = 0;
            for (int i = start[p] + length[p] - 1; i >= start[p]; i--) {
                h = h * HASH_MULTIPLIER + text[i];
            }
            insert(b.anyTopLevel[p] ? anyTopLevelSlots : domainSlots, h, p);
        }
    }

    private static int capacity(int entries) {
        // load factor at most 1/2: short probe chains, and always an empty slot to end a miss
        return Integer.highestOneBit(Math.max(4, entries * 2 - 1)) << 1;
    }

    private static void insert(long[] slots, int hash, int pattern) {
        int mask = slots.length - 1;
        int i = mix(hash) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = ((long) hash << 32) | (pattern + 1L);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** A matcher with no pattern. */
    public static HostNameMatcher empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of patterns. */
    public int size() {
        return application.length;
    }

    /**
     * The application of the host name in {@code name[offset, offset + length)}.
     *
     * @return the application id of the longest matching pattern, or {@link #NO_MATCH}
     */
    public int match(byte[] name, int offset, int length) {
        if (name == null || offset < 0 || length <= 0 || offset > name.length - length) {
            return NO_MATCH;
        }
        int end = offset + length;
        if (name[end - 1] == '.') {
            end--;
        }
        if (end == offset || end - offset > MAX_NAME_LENGTH) {
            return NO_MATCH;
        }
        int best = NO_MATCH;
        int bestLength = 0;
        int h = 0;
        int labelLength = 0;
        for (int i = end - 1; i >= offset; i--) {
            int c = FOLD[name[i] & 0xff];
            if (c == '.') {
                if (labelLength == 0) {
                    return NO_MATCH;
                }
                if (end - i - 1 <= longestDomain) {
                    int found = find(domainSlots, domainMask, h, end - i - 1, name, i + 1);
                    if (found != NO_MATCH) {
                        best = found;
                        bestLength = end - i - 1;
                    }
                }
                labelLength = 0;
            } else if (c == 0 || ++labelLength > MAX_LABEL_LENGTH) {
                return NO_MATCH;
            }
            h = h * HASH_MULTIPLIER + c;
        }
        if (labelLength == 0) {
            return NO_MATCH;
        }
        int whole = end - offset <= longestDomain ? find(domainSlots, domainMask, h, end - offset, name, offset)
                : NO_MATCH;
        if (whole != NO_MATCH) {
            return whole;
        }
        return hasAnyTopLevel ? underAnyTopLevel(name, offset, end, best, bestLength) : best;
    }

    /** Whether a {@code name.*} pattern matches better than {@code best}; the name is already checked. */
    private int underAnyTopLevel(byte[] name, int offset, int end, int best, int bestLength) {
        int lastDot = lastDot(name, offset, end);
        if (lastDot < 0 || !lettersOnly(name, lastDot + 1, end)) {
            return best;
        }
        long found = longestAnyTopLevel + end - lastDot > bestLength
                ? longest(anyTopLevelSlots, anyTopLevelMask, name, offset, lastDot) : 0;
        if (found != 0 && (int) (found >>> 32) + end - lastDot > bestLength) {
            best = (int) found;
            bestLength = (int) (found >>> 32) + end - lastDot;
        }
        int secondDot = end - lastDot == 3 ? lastDot(name, offset, lastDot) : -1;
        if (secondDot >= 0 && longestAnyTopLevel + end - secondDot > bestLength
                && countrySecondLevel(name, secondDot + 1, lastDot)) {
            found = longest(anyTopLevelSlots, anyTopLevelMask, name, offset, secondDot);
            if (found != 0 && (int) (found >>> 32) + end - secondDot > bestLength) {
                best = (int) found;
            }
        }
        return best;
    }

    /** The longest label-aligned suffix of {@code name[from, to)} in {@code slots}: (length << 32) | application, or 0. */
    private long longest(long[] slots, int mask, byte[] name, int from, int to) {
        long best = 0;
        int h = 0;
        // read no further left than the dot before the longest possible match
        int low = Math.max(from, to - longestAnyTopLevel - 1);
        for (int i = to - 1; i >= low; i--) {
            int c = FOLD[name[i] & 0xff];
            if (c == '.') {
                int found = find(slots, mask, h, to - i - 1, name, i + 1);
                if (found != NO_MATCH) {
                    best = ((long) (to - i - 1) << 32) | found;
                }
            }
            h = h * HASH_MULTIPLIER + c;
        }
        if (low > from) {
            return best;
        }
        int found = find(slots, mask, h, to - from, name, from);
        return found != NO_MATCH ? ((long) (to - from) << 32) | found : best;
    }

    private int find(long[] slots, int mask, int hash, int candidateLength, byte[] name, int at) {
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return NO_MATCH;
            }
            if ((int) (slot >>> 32) == hash) {
                int p = (int) slot - 1;
                if (length[p] == candidateLength && sameLabels(p, name, at)) {
                    return application[p];
                }
            }
        }
    }

    private boolean sameLabels(int pattern, byte[] name, int at) {
        for (int k = 0, s = start[pattern], n = length[pattern]; k < n; k++) {
            if (text[s + k] != FOLD[name[at + k] & 0xff]) {
                return false;
            }
        }
        return true;
    }

    private static int lastDot(byte[] name, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (name[i] == '.') {
                return i;
            }
        }
        return -1;
    }

    private static boolean lettersOnly(byte[] name, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = FOLD[name[i] & 0xff];
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return to - from >= 2;
    }

    private static boolean countrySecondLevel(byte[] name, int from, int to) {
        for (byte[] label : COUNTRY_SECOND_LEVEL) {
            if (label.length == to - from) {
                int k = 0;
                while (k < label.length && label[k] == FOLD[name[from + k] & 0xff]) {
                    k++;
                }
                if (k == label.length) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The application of the host name at absolute indices {@code [offset, offset + length)} of
     * {@code buffer} (its position and limit are neither read nor changed).
     *
     * @see #match(byte[], int, int)
     */
    public int match(ByteBuffer buffer, int offset, int length) {
        if (buffer == null || offset < 0 || length <= 0 || offset > buffer.limit() - length) {
            return NO_MATCH;
        }
        if (buffer.hasArray()) {
            return match(buffer.array(), buffer.arrayOffset() + offset, length);
        }
        int end = offset + length;
        if (buffer.get(end - 1) == '.') {
            end--;
        }
        if (end == offset || end - offset > MAX_NAME_LENGTH) {
            return NO_MATCH;
        }
        int best = NO_MATCH;
        int bestLength = 0;
        int h = 0;
        int labelLength = 0;
        for (int i = end - 1; i >= offset; i--) {
            int c = FOLD[buffer.get(i) & 0xff];
            if (c == '.') {
                if (labelLength == 0) {
                    return NO_MATCH;
                }
                if (end - i - 1 <= longestDomain) {
                    int found = find(domainSlots, domainMask, h, end - i - 1, buffer, i + 1);
                    if (found != NO_MATCH) {
                        best = found;
                        bestLength = end - i - 1;
                    }
                }
                labelLength = 0;
            } else if (c == 0 || ++labelLength > MAX_LABEL_LENGTH) {
                return NO_MATCH;
            }
            h = h * HASH_MULTIPLIER + c;
        }
        if (labelLength == 0) {
            return NO_MATCH;
        }
        int whole = end - offset <= longestDomain ? find(domainSlots, domainMask, h, end - offset, buffer, offset)
                : NO_MATCH;
        if (whole != NO_MATCH) {
            return whole;
        }
        return hasAnyTopLevel ? underAnyTopLevel(buffer, offset, end, best, bestLength) : best;
    }

    // The same steps over a direct buffer, read with absolute gets.

    private int underAnyTopLevel(ByteBuffer name, int offset, int end, int best, int bestLength) {
        int lastDot = lastDot(name, offset, end);
        if (lastDot < 0 || !lettersOnly(name, lastDot + 1, end)) {
            return best;
        }
        long found = longestAnyTopLevel + end - lastDot > bestLength
                ? longest(anyTopLevelSlots, anyTopLevelMask, name, offset, lastDot) : 0;
        if (found != 0 && (int) (found >>> 32) + end - lastDot > bestLength) {
            best = (int) found;
            bestLength = (int) (found >>> 32) + end - lastDot;
        }
        int secondDot = end - lastDot == 3 ? lastDot(name, offset, lastDot) : -1;
        if (secondDot >= 0 && longestAnyTopLevel + end - secondDot > bestLength
                && countrySecondLevel(name, secondDot + 1, lastDot)) {
            found = longest(anyTopLevelSlots, anyTopLevelMask, name, offset, secondDot);
            if (found != 0 && (int) (found >>> 32) + end - secondDot > bestLength) {
                best = (int) found;
            }
        }
        return best;
    }

    private long longest(long[] slots, int mask, ByteBuffer name, int from, int to) {
        long best = 0;
        int h = 0;
        // read no further left than the dot before the longest possible match
        int low = Math.max(from, to - longestAnyTopLevel - 1);
        for (int i = to - 1; i >= low; i--) {
            int c = FOLD[name.get(i) & 0xff];
            if (c == '.') {
                int found = find(slots, mask, h, to - i - 1, name, i + 1);
                if (found != NO_MATCH) {
                    best = ((long) (to - i - 1) << 32) | found;
                }
            }
            h = h * HASH_MULTIPLIER + c;
        }
        if (low > from) {
            return best;
        }
        int found = find(slots, mask, h, to - from, name, from);
        return found != NO_MATCH ? ((long) (to - from) << 32) | found : best;
    }

    private int find(long[] slots, int mask, int hash, int candidateLength, ByteBuffer name, int at) {
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return NO_MATCH;
            }
            if ((int) (slot >>> 32) == hash) {
                int p = (int) slot - 1;
                if (length[p] == candidateLength && sameLabels(p, name, at)) {
                    return application[p];
                }
            }
        }
    }

    private boolean sameLabels(int pattern, ByteBuffer name, int at) {
        for (int k = 0, s = start[pattern], n = length[pattern]; k < n; k++) {
            if (text[s + k] != FOLD[name.get(at + k) & 0xff]) {
                return false;
            }
        }
        return true;
    }

    private static int lastDot(ByteBuffer name, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (name.get(i) == '.') {
                return i;
            }
        }
        return -1;
    }

    private static boolean lettersOnly(ByteBuffer name, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = FOLD[name.get(i) & 0xff];
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return to - from >= 2;
    }

    private static boolean countrySecondLevel(ByteBuffer name, int from, int to) {
        for (byte[] label : COUNTRY_SECOND_LEVEL) {
            if (label.length == to - from) {
                int k = 0;
                while (k < label.length && label[k] == FOLD[name.get(from + k) & 0xff]) {
                    k++;
                }
                if (k == label.length) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The application of a host name given as text (management and tests; allocates). */
    public int match(CharSequence name) {
        if (name == null) {
            return NO_MATCH;
        }
        byte[] bytes = new byte[name.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = name.charAt(i);
            bytes[i] = c < 0x80 ? (byte) c : 0;
        }
        return match(bytes, 0, bytes.length);
    }

    private static byte[][] ascii(String... labels) {
        byte[][] bytes = new byte[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            bytes[i] = labels[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /** Collects patterns; each pattern names one application. */
    public static final class Builder {
        private final ByteArrayOutputStream text = new ByteArrayOutputStream();
        private final Set<HostPattern> seen = new HashSet<>();
        private int count;
        private int[] starts = new int[64];
        private int[] lengths = new int[64];
        private int[] applications = new int[64];
        private boolean[] anyTopLevel = new boolean[64];

        private Builder() {
        }

        /**
         * Adds a pattern for an application id (1..65535).
         *
         * @throws IllegalArgumentException if the pattern was added already or the id is out of range
         */
        public Builder add(HostPattern pattern, int applicationId) {
            if (applicationId <= NO_MATCH || applicationId > 0xFFFF) {
                throw new IllegalArgumentException("application id out of range 1..65535: " + applicationId);
            }
            if (!seen.add(pattern)) {
                throw new IllegalArgumentException("host pattern added twice: " + pattern);
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
                applications = Arrays.copyOf(applications, count * 2);
                anyTopLevel = Arrays.copyOf(anyTopLevel, count * 2);
            }
            byte[] bytes = pattern.labelBytes();
            starts[count] = text.size();
            lengths[count] = bytes.length;
            applications[count] = applicationId;
            anyTopLevel[count] = pattern.anyTopLevel();
            text.write(bytes, 0, bytes.length);
            count++;
            return this;
        }

        public HostNameMatcher build() {
            starts = Arrays.copyOf(starts, count);
            lengths = Arrays.copyOf(lengths, count);
            applications = Arrays.copyOf(applications, count);
            anyTopLevel = Arrays.copyOf(anyTopLevel, count);
            return new HostNameMatcher(this);
        }
    }
}
