package org.apptrack.apptrack.appid.tls;

/**
 * What a TLS parser or reassembler made of the bytes it was given. Every status but
 * {@link #NEED_MORE} is final: the caller stops offering that direction's bytes.
 */
public enum TlsStatus {

    /** The message(s) sought were parsed: read the result object. */
    COMPLETE,

    /**
     * A plausible prefix: more bytes of the same direction are needed. The result's
     * {@code needed()} says how many handshake bytes (from the message's first byte) the
     * message needs, so that a caller can decide whether to reassemble up to its cap.
     */
    NEED_MORE,

    /** The bytes cannot be TLS: record type, version or length out of range, or not a hello. */
    NOT_TLS,

    /** TLS records, but not a handshake: application data, an alert (a capture that starts mid-session). */
    NO_HANDSHAKE,

    /** TLS framing whose content is inconsistent: lengths that overrun, fields out of range. */
    MALFORMED,

    /** Reassembly gave up: the message needs more than the reassembly buffer holds. */
    TOO_LONG
}
