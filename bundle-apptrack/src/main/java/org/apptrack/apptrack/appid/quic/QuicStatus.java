package org.apptrack.apptrack.appid.quic;

/**
 * What {@link QuicInitialReader} made of a client datagram. Every status but {@link #NEED_MORE}
 * is final: the caller stops offering the session's datagrams.
 */
public enum QuicStatus {

    /** The client's hello (TLS ClientHello, or gQUIC CHLO) was read: see {@link QuicHello}. */
    COMPLETE,

    /** Initial packets were read but the hello is not whole yet (it continues in a later datagram). */
    NEED_MORE,

    /** The datagram cannot be QUIC. */
    NOT_QUIC,

    /** QUIC, but no client Initial: a short header, a Retry or Version Negotiation, a later packet type. */
    NOT_INITIAL,

    /** A long header of a version whose Initial protection is not known (or a version-negotiation probe). */
    UNSUPPORTED_VERSION,

    /** The Initial did not authenticate with the keys of its Destination Connection ID. */
    DECRYPT_FAILED,

    /** Header, frames or hello inconsistent. */
    MALFORMED,

    /** The hello needs more than the reassembly buffer holds. */
    TOO_LONG
}
