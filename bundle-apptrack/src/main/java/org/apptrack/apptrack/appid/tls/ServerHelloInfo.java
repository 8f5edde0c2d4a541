package org.apptrack.apptrack.appid.tls;

/**
 * What the server's first flight says, in a reused flyweight: from the ServerHello the selected
 * version (supported_versions, else the legacy field), cipher suite and ALPN protocol; from the
 * Certificate message, visible only up to TLS 1.2, the first certificate's subject common name
 * and its first {@link #MAX_DNS_NAMES} subjectAltName DNS names. Valid after
 * {@link TlsStatus#COMPLETE}; {@link #needed()} after {@link TlsStatus#NEED_MORE}.
 */
public final class ServerHelloInfo {

    /** subjectAltName DNS names kept per certificate. */
    public static final int MAX_DNS_NAMES = 4;

    private final TlsName alpn = new TlsName();
    private final TlsName commonName = new TlsName();
    private final TlsName organization = new TlsName();
    private final TlsName organizationalUnit = new TlsName();
    private final TlsNames dnsNames = new TlsNames(MAX_DNS_NAMES);
    private boolean serverHelloSeen;
    private int legacyVersion;
    private int selectedVersion;
    private int cipherSuite;
    private boolean helloRetryRequest;
    private boolean certificateSeen;
    private boolean certificateTruncated;
    private int needed;

    public void clear() {
        alpn.clear();
        clearCertificate();
        serverHelloSeen = false;
        legacyVersion = 0;
        selectedVersion = 0;
        cipherSuite = 0;
        helloRetryRequest = false;
        needed = 0;
    }

    void clearCertificate() {
        commonName.clear();
        organization.clear();
        organizationalUnit.clear();
        dnsNames.clear();
        certificateSeen = false;
        certificateTruncated = false;
    }

    /** Whether the ServerHello was parsed (the fields below it are set). */
    public boolean serverHelloSeen() {
        return serverHelloSeen;
    }

    public int legacyVersion() {
        return legacyVersion;
    }

    /** The version the server chose: supported_versions when present, else the legacy field. */
    public int selectedVersion() {
        return selectedVersion;
    }

    /** Whether the chosen version encrypts the rest of the handshake (no certificate in the clear). */
    public boolean isTls13() {
        return TlsVersions.isTls13(selectedVersion);
    }

    public int cipherSuite() {
        return cipherSuite;
    }

    /** The ALPN protocol the server selected (absent without the extension). */
    public TlsName alpn() {
        return alpn;
    }

    /** The ServerHello is a HelloRetryRequest (TLS 1.3): the client sends a second ClientHello. */
    public boolean helloRetryRequest() {
        return helloRetryRequest;
    }

    /** Whether a Certificate message with at least the start of a certificate was read. */
    public boolean certificateSeen() {
        return certificateSeen;
    }

    /**
     * Whether only a prefix of the first certificate was read (the reassembly buffer was full):
     * the names found in that prefix are reported, later ones are missing.
     */
    public boolean certificateTruncated() {
        return certificateTruncated;
    }

    /** The last CN attribute of the first certificate's subject (absent if none or not a text string). */
    public TlsName subjectCommonName() {
        return commonName;
    }

    /** The last O attribute of the first certificate's subject (absent if none or not a text string). */
    public TlsName subjectOrganization() {
        return organization;
    }

    /** The last OU attribute of the first certificate's subject (absent if none or not a text string). */
    public TlsName subjectOrganizationalUnit() {
        return organizationalUnit;
    }

    /** The first certificate's subjectAltName dNSName entries, in order. */
    public TlsNames dnsNames() {
        return dnsNames;
    }

    /** After {@link TlsStatus#NEED_MORE}: handshake bytes, from the flight's first byte, still to read. */
    public int needed() {
        return needed;
    }

    void serverHello(int legacy, int cipher) {
        serverHelloSeen = true;
        legacyVersion = legacy;
        selectedVersion = legacy;
        cipherSuite = cipher;
    }

    void selectedVersion(int v) {
        selectedVersion = v;
    }

    void helloRetryRequest(boolean v) {
        helloRetryRequest = v;
    }

    TlsName alpnSlot() {
        return alpn;
    }

    TlsName commonNameSlot() {
        return commonName;
    }

    TlsName organizationSlot() {
        return organization;
    }

    TlsName organizationalUnitSlot() {
        return organizationalUnit;
    }

    TlsNames dnsNameSlots() {
        return dnsNames;
    }

    void certificateSeen(boolean truncated) {
        certificateSeen = true;
        certificateTruncated = truncated;
    }

    void needed(int v) {
        needed = v;
    }

    @Override
    public String toString() {
        return "ServerHello[version=" + TlsVersions.name(selectedVersion) + ", alpn=" + alpn
                + (helloRetryRequest ? ", hrr" : "") + (certificateSeen ? ", cn=" + commonName + ", o=" + organization
                + ", ou=" + organizationalUnit + ", dns=" + dnsNames
                + (certificateTruncated ? " (truncated)" : "") : "") + "]";
    }
}
