package org.apptrack.syslog.config;

import org.apptrack.syslog.settings.LogStreamSettings;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Metatype of one security-log stream ({@code etc/org.apptrack.syslog.stream-NAME.cfg}). The
 * values are validated by {@link LogStreamSettings#parse}, which names the field it rejects.
 */
@ObjectClassDefinition(
        id = LogStreamSettings.FACTORY_PID,
        name = "AppTrack security-log stream",
        description = "One destination of the security log, as an SRX 'security log stream'.")
public @interface LogStreamConfig {

    @AttributeDefinition(name = "Name", required = false,
            description = "Stream name; defaults to the NAME part of the configuration file name.")
    String name() default "";

    @AttributeDefinition(name = "Transport", options = {
            @Option(value = "udp", label = "UDP, one message per datagram"),
            @Option(value = "tcp", label = "TCP (RFC 6587)"),
            @Option(value = "tls", label = "TLS (RFC 5425)"),
            @Option(value = "file", label = "Local file, rotating")})
    String transport() default "udp";

    @AttributeDefinition(name = "Format", options = {
            @Option(value = "sd-syslog", label = "Structured syslog, brief (ends at ']')"),
            @Option(value = "structured-syslog", label = "Structured syslog with the text body"),
            @Option(value = "syslog", label = "Plain syslog (RFC 3164)")})
    String format() default "sd-syslog";

    @AttributeDefinition(name = "Host", required = false, description = "Receiver host name or address.")
    String host() default "";

    @AttributeDefinition(name = "Port", required = false,
            description = "Receiver port; defaults to 514 (UDP, TCP) or 6514 (TLS).")
    int port() default 0;

    @AttributeDefinition(name = "Framing", options = {
            @Option(value = "octet-counting", label = "Octet counting (RFC 6587 3.4.1)"),
            @Option(value = "newline", label = "Newline (RFC 6587 3.4.2)")},
            description = "TCP and TLS only.")
    String framing() default "octet-counting";

    @AttributeDefinition(name = "Source address", required = false,
            description = "Local address to send from.")
    String sourceAddress() default "";

    @AttributeDefinition(name = "SD-ID", description = "SD-ID of the structured data element.")
    String sdId() default "junos@2636.1.1.1.2.129";

    @AttributeDefinition(name = "Hostname", required = false,
            description = "HOSTNAME in the header; defaults to this machine's name.")
    String hostname() default "";

    @AttributeDefinition(name = "Facility", description = "Syslog facility number, 0..23 (1 = user).")
    int facility() default 1;

    @AttributeDefinition(name = "Time zone",
            description = "Zone of the timestamps: Z or UTC (written Z), an offset such as +00:00, or a region id.")
    String timeZone() default "Z";

    @AttributeDefinition(name = "Timestamp precision", options = {
            @Option(value = "seconds", label = "Seconds"),
            @Option(value = "milliseconds", label = "Milliseconds"),
            @Option(value = "microseconds", label = "Microseconds")})
    String timestampPrecision() default "milliseconds";

    @AttributeDefinition(name = "Queue capacity",
            description = "Records held while the receiver is slow or down (a session-close record takes about 3 KB"
                    + " of heap; records beyond this are dropped and counted).")
    int queueCapacity() default 16384;

    @AttributeDefinition(name = "Rate limit (records per second)",
            description = "Records per second this stream accepts, 0 for no limit (the default), at most 1000000."
                    + " Bursts of up to one second's worth pass at once; records beyond the rate are dropped before"
                    + " the queue and counted as rate-limited.")
    int rateLimit() default 0;

    @AttributeDefinition(name = "Rate-limit summary interval (s)",
            description = "While the rate limit drops records, the stream sends at most one "
                    + "APPTRACK_LOG_RATE_LIMITED record per interval with the number dropped in it; 1..3600.")
    int rateLimitSummarySeconds() default 60;

    @AttributeDefinition(name = "Reconnect minimum (ms)")
    int reconnectMinMillis() default 100;

    @AttributeDefinition(name = "Reconnect maximum (ms)")
    int reconnectMaxMillis() default 30000;

    @AttributeDefinition(name = "TLS trust store", required = false,
            description = "PKCS12 or JKS file with the CA certificates that sign the receiver's certificate.")
    String tlsTrustStore() default "";

    @AttributeDefinition(name = "TLS trust store password", required = false, type = AttributeType.PASSWORD)
    String tlsTrustStorePassword() default "";

    @AttributeDefinition(name = "TLS client key store", required = false,
            description = "PKCS12 or JKS file with this client's key and certificate (mutual TLS).")
    String tlsKeyStore() default "";

    @AttributeDefinition(name = "TLS client key store password", required = false, type = AttributeType.PASSWORD)
    String tlsKeyStorePassword() default "";

    @AttributeDefinition(name = "TLS hostname verification",
            description = "Check that the receiver's certificate names the host.")
    boolean tlsVerifyHostname() default true;

    @AttributeDefinition(name = "File path", required = false, description = "File transport: the file to write.")
    String filePath() default "";

    @AttributeDefinition(name = "File rotation size (bytes)")
    long fileMaxBytes() default 10485760L;

    @AttributeDefinition(name = "Rotated files kept")
    int fileMaxFiles() default 5;
}
