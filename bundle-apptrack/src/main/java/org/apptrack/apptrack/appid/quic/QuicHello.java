package org.apptrack.apptrack.appid.quic;

import org.apptrack.apptrack.appid.tls.ClientHelloInfo;
import org.apptrack.apptrack.appid.tls.TlsName;

/**
 * What a QUIC client's first datagrams say, in a reused flyweight: the version of its Initial,
 * whether it is Google QUIC, and the hello: a TLS ClientHello ({@link #hello()}: SNI, ALPN,
 * versions) or, for gQUIC's CHLO, the SNI tag in {@code hello().serverName()} and the UAID tag
 * in {@link #userAgent()}.
 */
public final class QuicHello {

    private final ClientHelloInfo hello = new ClientHelloInfo();
    private final TlsName userAgent = new TlsName();
    private int version;
    private boolean googleQuic;
    private int needed;

    public void clear() {
        hello.clear();
        userAgent.clear();
        version = 0;
        googleQuic = false;
        needed = 0;
    }

    /** The version field of the client's long header (or gQUIC public header). */
    public int version() {
        return version;
    }

    /** Google QUIC (Q0xx with a CHLO, or T05x): not the IETF protocol. */
    public boolean googleQuic() {
        return googleQuic;
    }

    /** The ClientHello's fields; for a CHLO only the server name. */
    public ClientHelloInfo hello() {
        return hello;
    }

    /** gQUIC CHLO's UAID tag (the client's user agent), absent otherwise. */
    public TlsName userAgent() {
        return userAgent;
    }

    /** After {@link QuicStatus#NEED_MORE}: the hello's length in bytes, when its header was read (else 0). */
    public int needed() {
        return needed;
    }

    void version(int v) {
        version = v;
        googleQuic = QuicVersion.isGoogle(v);
    }

    void needed(int n) {
        needed = n;
    }

    @Override
    public String toString() {
        return "QuicHello[" + QuicVersion.name(version) + ", " + hello + (userAgent.isPresent() ? ", ua=" + userAgent
                : "") + "]";
    }
}
