package org.apptrack.syslog.settings;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Map;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.TimestampPrecision;

/**
 * One stream's validated configuration. {@link #parse} checks every property an operator can
 * get wrong and names it in the exception, so a bad file never starts a half-working stream.
 */
public final class LogStreamSettings {

    /** Factory PID: files {@code etc/org.apptrack.syslog.stream-NAME.cfg}. */
    public static final String FACTORY_PID = "org.apptrack.syslog.stream";

    public static final int DEFAULT_QUEUE_CAPACITY = 16384;
    public static final int MAX_QUEUE_CAPACITY = 1 << 24;
    /**
     * Highest {@code rateLimit}, records per second (Junos allows 1..65,535). Beyond a million a
     * limit no longer protects a receiver: no transport here delivers that many per stream.
     */
    public static final int MAX_RATE_LIMIT = 1_000_000;
    /** Default {@code rateLimitSummarySeconds}: at most one rate-limit summary a minute. */
    public static final int DEFAULT_RATE_LIMIT_SUMMARY_SECONDS = 60;
    public static final int MAX_RATE_LIMIT_SUMMARY_SECONDS = 3600;

    private final String name;
    private final TransportKind transport;
    private final FormatSettings format;
    private final String host;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final Framing framing;
    private final int queueCapacity;
    private final int reconnectMinMillis;
    private final int reconnectMaxMillis;
    private final int rateLimit;
    private final int rateLimitSummarySeconds;
    private final TlsSettings tls;
    private final Path filePath;
    private final long fileMaxBytes;
    private final int fileMaxFiles;

    private LogStreamSettings(Builder b) {
        this.name = b.name;
        this.transport = b.transport;
        this.format = b.format;
        this.host = b.host;
        this.remote = b.remote;
        this.local = b.local;
        this.framing = b.framing;
        this.queueCapacity = b.queueCapacity;
        this.reconnectMinMillis = b.reconnectMinMillis;
        this.reconnectMaxMillis = b.reconnectMaxMillis;
        this.rateLimit = b.rateLimit;
        this.rateLimitSummarySeconds = b.rateLimitSummarySeconds;
        this.tls = b.tls;
        this.filePath = b.filePath;
        this.fileMaxBytes = b.fileMaxBytes;
        this.fileMaxFiles = b.fileMaxFiles;
    }

    /**
     * Validates a stream's properties (ConfigAdmin dictionary as a map).
     *
     * @param defaultName the name to use when the properties have none (from the file name)
     * @throws InvalidStreamConfigException naming the first property that is wrong
     */
    public static LogStreamSettings parse(Map<String, ?> props, String defaultName)
            throws InvalidStreamConfigException {
        Builder b = new Builder();
        b.name = string(props, "name", defaultName);
        if (b.name == null || b.name.isEmpty()) {
            throw new InvalidStreamConfigException("name", "missing");
        }
        if (!b.name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidStreamConfigException("name", "use 1..64 letters, digits, '.', '_' or '-': " + b.name);
        }
        String transportName = string(props, "transport", "udp");
        b.transport = TransportKind.fromConfigName(transportName);
        if (b.transport == null) {
            throw new InvalidStreamConfigException("transport", "unknown transport '" + transportName
                    + "' (use udp, tcp, tls or file)");
        }
        String formatName = string(props, "format", LogFormat.SD_SYSLOG.configName());
        LogFormat logFormat = LogFormat.fromConfigName(formatName);
        if (logFormat == null) {
            throw new InvalidStreamConfigException("format", "unknown format '" + formatName
                    + "' (use sd-syslog, structured-syslog or syslog)");
        }
        b.format = formatSettings(props, logFormat);
        b.queueCapacity = integer(props, "queueCapacity", DEFAULT_QUEUE_CAPACITY, 1, MAX_QUEUE_CAPACITY);
        b.reconnectMinMillis = integer(props, "reconnectMinMillis", 100, 1, 3_600_000);
        b.reconnectMaxMillis = integer(props, "reconnectMaxMillis", 30_000, b.reconnectMinMillis, 3_600_000);
        b.rateLimit = integer(props, "rateLimit", 0, 0, MAX_RATE_LIMIT);
        b.rateLimitSummarySeconds = integer(props, "rateLimitSummarySeconds", DEFAULT_RATE_LIMIT_SUMMARY_SECONDS, 1,
                MAX_RATE_LIMIT_SUMMARY_SECONDS);
        String framingName = string(props, "framing", Framing.OCTET_COUNTING.configName());
        b.framing = Framing.fromConfigName(framingName);
        if (b.framing == null) {
            throw new InvalidStreamConfigException("framing", "unknown framing '" + framingName
                    + "' (use octet-counting or newline)");
        }
        if (b.transport == TransportKind.FILE) {
            String path = string(props, "filePath", "");
            if (path.isEmpty()) {
                throw new InvalidStreamConfigException("filePath", "required for the file transport");
            }
            b.filePath = Paths.get(path).toAbsolutePath();
            Path dir = b.filePath.getParent();
            if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new InvalidStreamConfigException("filePath", "parent is not a directory: " + dir);
            }
            b.fileMaxBytes = longValue(props, "fileMaxBytes", 10L << 20, 4096, Long.MAX_VALUE);
            b.fileMaxFiles = integer(props, "fileMaxFiles", 5, 0, 1000);
        } else {
            b.host = string(props, "host", "");
            if (b.host.isEmpty()) {
                throw new InvalidStreamConfigException("host", "required for the " + b.transport.configName()
                        + " transport");
            }
            int port = integer(props, "port", 0, 0, 65535);
            if (port == 0) {
                port = b.transport.defaultPort();
            }
            b.remote = new InetSocketAddress(resolve("host", b.host), port);
            String source = string(props, "sourceAddress", "");
            if (!source.isEmpty()) {
                InetAddress address = resolve("sourceAddress", source);
                try {
                    if (!address.isAnyLocalAddress() && NetworkInterface.getByInetAddress(address) == null) {
                        throw new InvalidStreamConfigException("sourceAddress", "not an address of this host: "
                                + source);
                    }
                } catch (SocketException e) {
                    throw new InvalidStreamConfigException("sourceAddress", e.getMessage(), e);
                }
                b.local = new InetSocketAddress(address, 0);
            }
            if (b.transport == TransportKind.TLS) {
                b.tls = tlsSettings(props);
            }
        }
        return new LogStreamSettings(b);
    }

    private static FormatSettings formatSettings(Map<String, ?> props, LogFormat logFormat)
            throws InvalidStreamConfigException {
        String hostname = string(props, "hostname", "");
        if (hostname.isEmpty()) {
            hostname = localHostname();
        }
        FormatSettings settings;
        try {
            settings = FormatSettings.of(logFormat, hostname);
        } catch (IllegalArgumentException e) {
            throw new InvalidStreamConfigException("hostname", e.getMessage(), e);
        }
        int facility = integer(props, "facility", FormatSettings.DEFAULT_FACILITY, 0, 23);
        settings = settings.withFacility(facility);
        try {
            settings = settings.withSdId(string(props, "sdId", FormatSettings.DEFAULT_SD_ID));
        } catch (IllegalArgumentException e) {
            throw new InvalidStreamConfigException("sdId", e.getMessage(), e);
        }
        try {
            settings = settings.withTimeZone(string(props, "timeZone", "Z"));
        } catch (IllegalArgumentException e) {
            throw new InvalidStreamConfigException("timeZone", e.getMessage(), e);
        }
        String precisionName = string(props, "timestampPrecision", TimestampPrecision.MILLISECONDS.configName());
        TimestampPrecision precision = TimestampPrecision.fromConfigName(precisionName);
        if (precision == null) {
            throw new InvalidStreamConfigException("timestampPrecision", "unknown precision '" + precisionName
                    + "' (use seconds, milliseconds or microseconds)");
        }
        return settings.withPrecision(precision);
    }

    private static TlsSettings tlsSettings(Map<String, ?> props) throws InvalidStreamConfigException {
        String trustStore = string(props, "tlsTrustStore", "");
        char[] trustPassword = string(props, "tlsTrustStorePassword", "").toCharArray();
        if (trustStore.isEmpty()) {
            throw new InvalidStreamConfigException("tlsTrustStore", "required for the tls transport"
                    + " (the CA certificates that sign the receiver's certificate)");
        }
        KeyStore trust = loadKeyStore("tlsTrustStore", trustStore, trustPassword);
        String keyStore = string(props, "tlsKeyStore", "");
        char[] keyPassword = string(props, "tlsKeyStorePassword", "").toCharArray();
        KeyStore keys = null;
        if (!keyStore.isEmpty()) {
            keys = loadKeyStore("tlsKeyStore", keyStore, keyPassword);
        }
        boolean verifyHostname = bool(props, "tlsVerifyHostname", true);
        return new TlsSettings(trust, keys, keyPassword, verifyHostname);
    }

    private static KeyStore loadKeyStore(String field, String file, char[] password)
            throws InvalidStreamConfigException {
        Path path = Paths.get(file);
        if (!Files.isReadable(path)) {
            throw new InvalidStreamConfigException(field, "cannot read " + path.toAbsolutePath());
        }
        String type = file.toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, password);
            if (ks.size() == 0) {
                throw new InvalidStreamConfigException(field, "no entries in " + path);
            }
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidStreamConfigException(field, "cannot load " + type + " " + path + ": " + e.getMessage(), e);
        }
    }

    private static InetAddress resolve(String field, String host) throws InvalidStreamConfigException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidStreamConfigException(field, "cannot resolve '" + host + "'", e);
        }
    }

    private static String localHostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isEmpty() ? "localhost" : name.replaceAll("[^\\x21-\\x7e]", "_");
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String string(Map<String, ?> props, String key, String fallback) {
        Object v = props.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? fallback : s;
    }

    private static boolean bool(Map<String, ?> props, String key, boolean fallback)
            throws InvalidStreamConfigException {
        Object v = props.get(key);
        if (v == null || v.toString().trim().isEmpty()) {
            return fallback;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new InvalidStreamConfigException(key, "not true or false: " + v);
    }

    private static int integer(Map<String, ?> props, String key, int fallback, int min, int max)
            throws InvalidStreamConfigException {
        return (int) longValue(props, key, fallback, min, max);
    }

    private static long longValue(Map<String, ?> props, String key, long fallback, long min, long max)
            throws InvalidStreamConfigException {
        Object v = props.get(key);
        if (v == null || v.toString().trim().isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = v instanceof Number ? ((Number) v).longValue() : Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new InvalidStreamConfigException(key, "not a number: " + v, e);
        }
        if (value < min || value > max) {
            throw new InvalidStreamConfigException(key, "out of range " + min + ".." + max + ": " + value);
        }
        return value;
    }

    public String name() {
        return name;
    }

    public TransportKind transport() {
        return transport;
    }

    public FormatSettings format() {
        return format;
    }

    /** The receiver's host as configured; null for the file transport. */
    public String host() {
        return host;
    }

    /** The receiver, resolved when the configuration was accepted; null for the file transport. */
    public InetSocketAddress remote() {
        return remote;
    }

    /** Local address to send from, or null for any. */
    public InetSocketAddress local() {
        return local;
    }

    public Framing framing() {
        return framing;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    public int reconnectMinMillis() {
        return reconnectMinMillis;
    }

    public int reconnectMaxMillis() {
        return reconnectMaxMillis;
    }

    /** Records per second the stream accepts, 0 for no limit. */
    public int rateLimit() {
        return rateLimit;
    }

    /** How often, at most, a rate-limited stream sends the summary of what its limit refused. */
    public int rateLimitSummarySeconds() {
        return rateLimitSummarySeconds;
    }

    /** TLS material; null unless the transport is TLS. */
    public TlsSettings tls() {
        return tls;
    }

    public Path filePath() {
        return filePath;
    }

    public long fileMaxBytes() {
        return fileMaxBytes;
    }

    public int fileMaxFiles() {
        return fileMaxFiles;
    }

    /** {@code host:port} or the file path, for status output. */
    public String destination() {
        if (transport == TransportKind.FILE) {
            return filePath.toString();
        }
        return host + ":" + remote.getPort();
    }

    /** TLS trust and key material, loaded and checked when the configuration was parsed. */
    public static final class TlsSettings {
        private final KeyStore trustStore;
        private final KeyStore keyStore;
        private final char[] keyPassword;
        private final boolean verifyHostname;

        TlsSettings(KeyStore trustStore, KeyStore keyStore, char[] keyPassword, boolean verifyHostname) {
            this.trustStore = trustStore;
            this.keyStore = keyStore;
            this.keyPassword = keyPassword;
            this.verifyHostname = verifyHostname;
        }

        /** CA certificates to trust. */
        public KeyStore trustStore() {
            return trustStore;
        }

        /** Client key and certificate, or null for no client authentication. */
        public KeyStore keyStore() {
            return keyStore;
        }

        public char[] keyPassword() {
            return keyPassword.clone();
        }

        public boolean verifyHostname() {
            return verifyHostname;
        }
    }

    private static final class Builder {
        String name;
        TransportKind transport;
        FormatSettings format;
        String host;
        InetSocketAddress remote;
        InetSocketAddress local;
        Framing framing;
        int queueCapacity;
        int reconnectMinMillis;
        int reconnectMaxMillis;
        int rateLimit;
        int rateLimitSummarySeconds;
        TlsSettings tls;
        Path filePath;
        long fileMaxBytes;
        int fileMaxFiles;
    }
}
