package org.apptrack.apptrack.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A snapshot of one tracked session: a value for every {@link SessionAttribute}. Build with
 * {@link #builder()}; an attribute not given is 0 or the empty string.
 */
public final class SessionInfo {

    private static final SessionAttribute[] ATTRIBUTES = SessionAttribute.values();

    private final long[] numbers;
    private final String[] texts;

    private SessionInfo(long[] numbers, String[] texts) {
        this.numbers = numbers;
        this.texts = texts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of a numeric attribute. */
    public long number(SessionAttribute a) {
        if (!a.isNumeric()) {
            throw new IllegalArgumentException(a + " is text");
        }
        return numbers[a.ordinal()];
    }

    /** The value of a text attribute. */
    public String text(SessionAttribute a) {
        if (a.isNumeric()) {
            throw new IllegalArgumentException(a + " is a number");
        }
        return texts[a.ordinal()];
    }

    /** The value as an object: a {@link Long} or a {@link String}. */
    public Object value(SessionAttribute a) {
        return a.isNumeric() ? (Object) numbers[a.ordinal()] : texts[a.ordinal()];
    }

    // The attributes code reads most, by name.

    /** session-id-32 of the logs. */
    public long sessionId() {
        return numbers[SessionAttribute.SESSION_ID.ordinal()];
    }

    public String clientAddress() {
        return texts[SessionAttribute.CLIENT_ADDRESS.ordinal()];
    }

    public int clientPort() {
        return (int) numbers[SessionAttribute.CLIENT_PORT.ordinal()];
    }

    public String serverAddress() {
        return texts[SessionAttribute.SERVER_ADDRESS.ordinal()];
    }

    public int serverPort() {
        return (int) numbers[SessionAttribute.SERVER_PORT.ordinal()];
    }

    public int protocol() {
        return (int) numbers[SessionAttribute.PROTOCOL.ordinal()];
    }

    public String application() {
        return texts[SessionAttribute.APPLICATION.ordinal()];
    }

    public String sourceZone() {
        return texts[SessionAttribute.SOURCE_ZONE.ordinal()];
    }

    public String destinationZone() {
        return texts[SessionAttribute.DESTINATION_ZONE.ordinal()];
    }

    /** Packets in both directions. */
    public long packets() {
        return numbers[SessionAttribute.PACKETS_FROM_CLIENT.ordinal()]
                + numbers[SessionAttribute.PACKETS_FROM_SERVER.ordinal()];
    }

    /** Layer-3 bytes in both directions. */
    public long bytes() {
        return numbers[SessionAttribute.BYTES_FROM_CLIENT.ordinal()]
                + numbers[SessionAttribute.BYTES_FROM_SERVER.ordinal()];
    }

    /** Milliseconds from the first packet to the last. */
    public long durationMillis() {
        return numbers[SessionAttribute.LAST_SEEN_MILLIS.ordinal()] - numbers[SessionAttribute.START_MILLIS.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionInfo && Arrays.equals(numbers, ((SessionInfo) o).numbers)
                && Arrays.equals(texts, ((SessionInfo) o).texts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(numbers) * 31 + Arrays.hashCode(texts);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SessionInfo[");
        for (SessionAttribute a : ATTRIBUTES) {
            b.append(a == ATTRIBUTES[0] ? "" : ", ").append(a.key()).append('=').append(value(a));
        }
        return b.append(']').toString();
    }

    /**
     * Collects the values; {@link #build()} may be called once and hands its arrays to the
     * snapshot (listings build one per session, so no copy), after which the builder is spent.
     */
    public static final class Builder {
        private long[] numbers = new long[ATTRIBUTES.length];
        private String[] texts = new String[ATTRIBUTES.length];

        private Builder() {
            Arrays.fill(texts, "");
        }

        public Builder put(SessionAttribute a, long value) {
            if (!a.isNumeric()) {
                throw new IllegalArgumentException(a + " is text");
            }
            numbers[a.ordinal()] = value;
            return this;
        }

        public Builder put(SessionAttribute a, String value) {
            if (a.isNumeric()) {
                throw new IllegalArgumentException(a + " is a number");
            }
            texts[a.ordinal()] = Objects.requireNonNull(value, a.key());
            return this;
        }

        public SessionInfo build() {
            if (numbers == null) {
                throw new IllegalStateException("this builder has built its session already");
            }
            SessionInfo built = new SessionInfo(numbers, texts);
            numbers = null;
            texts = null;
            return built;
        }
    }
}
