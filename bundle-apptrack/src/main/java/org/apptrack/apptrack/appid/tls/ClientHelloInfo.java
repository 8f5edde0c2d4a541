package org.apptrack.apptrack.appid.tls;

/**
 * What a ClientHello says, in a reused flyweight (one per parser user, filled by each parse,
 * nothing allocated): the server name (SNI host_name; with ECH the outer, public one), the ALPN
 * protocols (the first {@link #MAX_ALPN}), the legacy version, the versions offered in
 * supported_versions, and whether encrypted_client_hello (or the older encrypted_server_name) is
 * present. Valid after {@link TlsStatus#COMPLETE}; after {@link TlsStatus#NEED_MORE},
 * {@link #needed()} is set.
 */
public final class ClientHelloInfo {

    /** ALPN protocols kept per hello. */
    public static final int MAX_ALPN = 4;

    private final TlsName serverName = new TlsName();
    private final TlsNames alpn = new TlsNames(MAX_ALPN);
    private int legacyVersion;
    private int highestVersion;
    private boolean supportedVersionsPresent;
    private boolean offersTls13;
    private boolean encryptedClientHello;
    private boolean encryptedServerName;
    private boolean dtls;
    private boolean sslv2Compatible;
    private int messageLength;
    private int needed;

    /** Forgets the previous hello. */
    public void clear() {
        serverName.clear();
        alpn.clear();
        legacyVersion = 0;
        highestVersion = 0;
        supportedVersionsPresent = false;
        offersTls13 = false;
        encryptedClientHello = false;
        encryptedServerName = false;
        dtls = false;
        sslv2Compatible = false;
        messageLength = 0;
        needed = 0;
    }

    /** The first host_name of server_name; {@link TlsName#isPresent()} is false without one. */
    public TlsName serverName() {
        return serverName;
    }

    /** The ALPN protocols offered, in the client's order (empty without the extension). */
    public TlsNames alpn() {
        return alpn;
    }

    /** The version field of the hello body (0x0303 for TLS 1.2 and 1.3 clients). */
    public int legacyVersion() {
        return legacyVersion;
    }

    /** The newest version offered: from supported_versions (GREASE ignored), else the legacy version. */
    public int highestVersion() {
        return highestVersion;
    }

    public boolean supportedVersionsPresent() {
        return supportedVersionsPresent;
    }

    /** Whether TLS 1.3 (or DTLS 1.3, or a 1.3 draft) is among the versions offered. */
    public boolean offersTls13() {
        return offersTls13;
    }

    /** encrypted_client_hello (0xfe0d) is present: the real server name is encrypted, {@link #serverName()} is the outer one. */
    public boolean encryptedClientHello() {
        return encryptedClientHello;
    }

    /** encrypted_server_name (0xffce, the ESNI drafts) is present. */
    public boolean encryptedServerName() {
        return encryptedServerName;
    }

    /** Whether the hello came in DTLS. */
    public boolean dtls() {
        return dtls;
    }

    /** An SSL 2.0-compatible hello (RFC 5246 E.2, very old clients): no extensions, so no name. */
    public boolean sslv2Compatible() {
        return sslv2Compatible;
    }

    /** The hello's handshake body length. */
    public int messageLength() {
        return messageLength;
    }

    /** After {@link TlsStatus#NEED_MORE}: handshake bytes (header included) the message needs. */
    public int needed() {
        return needed;
    }

    void legacyVersion(int v) {
        legacyVersion = v;
        highestVersion = v;
    }

    void offeredVersion(int v) {
        if (TlsVersions.isGrease(v)) {
            return;
        }
        if (!supportedVersionsPresent || TlsVersions.newer(v, highestVersion, dtls)) {
            highestVersion = v;
        }
        supportedVersionsPresent = true;
        if (TlsVersions.isTls13(v)) {
            offersTls13 = true;
        }
    }

    void encryptedClientHello(boolean v) {
        encryptedClientHello = v;
    }

    void encryptedServerName(boolean v) {
        encryptedServerName = v;
    }

    void dtls(boolean v) {
        dtls = v;
    }

    void sslv2Compatible(boolean v) {
        sslv2Compatible = v;
    }

    void messageLength(int v) {
        messageLength = v;
    }

    void needed(int v) {
        needed = v;
    }

    @Override
    public String toString() {
        return "ClientHello[sni=" + serverName + ", alpn=" + alpn + ", legacy=" + TlsVersions.name(legacyVersion)
                + ", highest=" + TlsVersions.name(highestVersion) + (encryptedClientHello ? ", ech" : "")
                + (encryptedServerName ? ", esni" : "") + (dtls ? ", dtls" : "")
                + (sslv2Compatible ? ", sslv2" : "") + "]";
    }
}
