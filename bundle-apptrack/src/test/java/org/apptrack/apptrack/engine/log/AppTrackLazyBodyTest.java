package org.apptrack.apptrack.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Function;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.SyslogFormatter;
import org.junit.jupiter.api.Test;

/**
 * The body the builder renders lazily, from the record's values, equals the body the previous
 * builder wrote eagerly field by field (kept below as the reference), for every message type,
 * with and without NAT, logical system, absent and hostile values; and so do the wire bytes.
 */
class AppTrackLazyBodyTest {

    private final AppTrackLogBuilder builder = new AppTrackLogBuilder();

    @Test
    void lazyBodyEqualsTheEagerBodyForEveryMessageType() {
        Random random = new Random(2636);
        for (int i = 0; i < 2000; i++) {
            SessionLogFields f = randomFields(random);
            assertEquals(EagerBodies.create(f), builder.create(f).body(), "create " + i);
            assertEquals(EagerBodies.volumeUpdate(f), builder.volumeUpdate(f).body(), "vol " + i);
            assertEquals(EagerBodies.close(f), builder.close(f).body(), "close " + i);
            assertEquals(EagerBodies.routeUpdate(f), builder.routeUpdate(f).body(), "route " + i);
        }
    }

    @Test
    void wireBytesEqualThoseOfEagerTextRecordsInEveryFormat() {
        Random random = new Random(129);
        for (LogFormat format : LogFormat.values()) {
            SyslogFormatter formatter = SyslogFormatter.create(FormatSettings.of(format, "fw"));
            for (int i = 0; i < 300; i++) {
                SessionLogFields f = randomFields(random);
                check(formatter, builder::create, EagerBodies::create, f);
                check(formatter, builder::volumeUpdate, EagerBodies::volumeUpdate, f);
                check(formatter, builder::close, EagerBodies::close, f);
                check(formatter, builder::routeUpdate, EagerBodies::routeUpdate, f);
            }
        }
    }

    /** Formats the record and the same record rebuilt with text values and an eager body. */
    private static void check(SyslogFormatter formatter, Function<SessionLogFields, LogRecord> build,
                              Function<SessionLogFields, String> eagerBody, SessionLogFields f) {
        LogRecord lazy = build.apply(f);
        LogRecord.Builder eager = LogRecord.builder(lazy.tag()).time(lazy.timeMillis());
        for (int i = 0; i < lazy.fieldCount(); i++) {
            eager.field(lazy.name(i), lazy.value(i));
        }
        if (lazy.isLogicalSystemRecord()) {
            eager.logicalSystem(lazy.logicalSystem());
        }
        LogRecord reference = eager.body(eagerBody.apply(f)).build();
        assertEquals(reference, lazy);
        assertEquals(new String(formatter.formatToArray(reference), StandardCharsets.UTF_8),
                new String(formatter.formatToArray(lazy), StandardCharsets.UTF_8));
    }

    private static final String[] TEXTS = {null, "", "N/A", "trust", "a\"b\\c]d", "evil\r\nline", "Zürich €😀",
        "default-policy-logical-system-00", "TCP FIN"};
    private static final long[] NUMBERS = {0, 1, 443, 65535, 4_294_967_295L, Long.MAX_VALUE};

    private static String text(Random r) {
        return TEXTS[r.nextInt(TEXTS.length)];
    }

    private static long number(Random r) {
        return r.nextBoolean() ? NUMBERS[r.nextInt(NUMBERS.length)] : r.nextInt(1_000_000);
    }

    static SessionLogFields randomFields(Random r) {
        SessionLogFields f = new SessionLogFields();
        f.eventTimeMillis = 1588868860111L + r.nextInt(1_000_000);
        f.sourceAddress = r.nextInt(8) == 0 ? null : "10.0." + r.nextInt(256) + "." + r.nextInt(256);
        f.destinationAddress = r.nextBoolean() ? "2001:db8::" + Integer.toHexString(r.nextInt(65536)) : "93.184.216.34";
        f.sourcePort = r.nextInt(65536);
        f.destinationPort = r.nextInt(65536);
        if (r.nextInt(3) == 0) {
            f.natSourceAddress = "198.51.100." + r.nextInt(256);
            f.natSourcePort = r.nextInt(65536);
        }
        if (r.nextInt(3) == 0) {
            f.natDestinationAddress = "203.0.113." + r.nextInt(256);
            f.natDestinationPort = r.nextInt(65536);
        }
        f.serviceName = text(r);
        f.application = text(r);
        f.nestedApplication = text(r);
        f.srcNatRuleName = text(r);
        f.dstNatRuleName = text(r);
        f.protocolId = r.nextInt(256);
        f.policyName = text(r);
        f.sourceZoneName = text(r);
        f.destinationZoneName = text(r);
        f.sessionId32 = r.nextInt() & 0xffffffffL;
        f.packetsFromClient = number(r);
        f.bytesFromClient = number(r);
        f.packetsFromServer = number(r);
        f.bytesFromServer = number(r);
        f.elapsedTimeSeconds = number(r);
        f.username = text(r);
        f.roles = text(r);
        f.encrypted = text(r);
        f.profileName = text(r);
        f.ruleName = text(r);
        f.routingInstance = text(r);
        f.destinationInterfaceName = text(r);
        f.uplinkIncomingInterfaceName = text(r);
        f.uplinkTxBytes = number(r);
        f.uplinkRxBytes = number(r);
        f.category = text(r);
        f.subCategory = text(r);
        f.multipathRuleName = text(r);
        f.sourceL3vpnVrfGroupName = text(r);
        f.destinationL3vpnVrfGroupName = text(r);
        f.dscpValue = text(r);
        f.apbrRuleType = text(r);
        f.apbrPolicyName = text(r);
        f.webfilterCategory = text(r);
        int ls = r.nextInt(4);
        f.logicalSystem = ls == 0 ? "LSYS1" : ls == 1 ? LogRecord.ROOT_LOGICAL_SYSTEM : null;
        f.closeReason = text(r);
        return f;
    }

    /** The bodies as the builder wrote them before they became lazy: the reference. */
    static final class EagerBodies {
        private static final String NA = "N/A";

        static String create(SessionLogFields f) {
            StringBuilder body = new StringBuilder(AppTrackLogBuilder.CREATE_BODY);
            prefix(body, f);
            user(body, f);
            tail(body, f.destinationInterfaceName, f.category, f.subCategory, f.sourceL3vpnVrfGroupName,
                    f.destinationL3vpnVrfGroupName);
            return body.toString();
        }

        static String volumeUpdate(SessionLogFields f) {
            StringBuilder body = new StringBuilder(AppTrackLogBuilder.VOL_UPDATE_BODY);
            prefix(body, f);
            counters(body, f);
            user(body, f);
            tail(body, f.profileName, f.ruleName, f.routingInstance, f.destinationInterfaceName, f.category,
                    f.subCategory, f.sourceL3vpnVrfGroupName, f.destinationL3vpnVrfGroupName, f.dscpValue,
                    f.apbrRuleType);
            return body.toString();
        }

        static String close(SessionLogFields f) {
            String reason = na(f.closeReason);
            StringBuilder body = new StringBuilder(AppTrackLogBuilder.CLOSE_BODY).append(reason).append(": ");
            prefix(body, f);
            counters(body, f);
            user(body, f);
            tail(body, f.profileName, f.ruleName, f.routingInstance, f.destinationInterfaceName,
                    f.uplinkIncomingInterfaceName == null ? "" : f.uplinkIncomingInterfaceName,
                    Long.toString(f.uplinkTxBytes), Long.toString(f.uplinkRxBytes), f.category, f.subCategory,
                    f.multipathRuleName, f.sourceL3vpnVrfGroupName, f.destinationL3vpnVrfGroupName, f.dscpValue,
                    f.apbrRuleType);
            return body.toString();
        }

        static String routeUpdate(SessionLogFields f) {
            StringBuilder body = new StringBuilder(AppTrackLogBuilder.ROUTE_UPDATE_BODY);
            prefix(body, f);
            user(body, f);
            tail(body, f.profileName, f.ruleName, f.routingInstance, f.destinationInterfaceName, f.category,
                    f.subCategory, f.apbrPolicyName, f.webfilterCategory, f.sourceL3vpnVrfGroupName,
                    f.destinationL3vpnVrfGroupName, f.dscpValue, f.apbrRuleType);
            return body.toString();
        }

        private static void prefix(StringBuilder body, SessionLogFields f) {
            String src = na(f.sourceAddress);
            String dst = na(f.destinationAddress);
            String sport = Integer.toString(f.sourcePort);
            String dport = Integer.toString(f.destinationPort);
            String natSrc = f.natSourceAddress == null ? src : f.natSourceAddress;
            String natDst = f.natDestinationAddress == null ? dst : f.natDestinationAddress;
            String natSport = f.natSourcePort == SessionLogFields.SAME_AS_ORIGINAL
                    ? sport : Integer.toString(f.natSourcePort);
            String natDport = f.natDestinationPort == SessionLogFields.SAME_AS_ORIGINAL
                    ? dport : Integer.toString(f.natDestinationPort);
            body.append(src).append('/').append(sport).append("->").append(dst).append('/').append(dport)
                    .append(' ').append(na(f.serviceName)).append(' ').append(na(f.application)).append(' ')
                    .append(na(f.nestedApplication))
                    .append(' ').append(natSrc).append('/').append(natSport).append("->")
                    .append(natDst).append('/').append(natDport);
            tail(body, f.srcNatRuleName, f.dstNatRuleName, Integer.toString(f.protocolId), f.policyName,
                    f.sourceZoneName, f.destinationZoneName, Long.toString(f.sessionId32));
        }

        private static void counters(StringBuilder body, SessionLogFields f) {
            body.append(' ').append(f.packetsFromClient).append('(').append(f.bytesFromClient).append(')')
                    .append(' ').append(f.packetsFromServer).append('(').append(f.bytesFromServer).append(')')
                    .append(' ').append(f.elapsedTimeSeconds);
        }

        private static void user(StringBuilder body, SessionLogFields f) {
            tail(body, f.username, f.roles, f.encrypted);
        }

        private static void tail(StringBuilder body, String... values) {
            for (String v : values) {
                body.append(' ').append(na(v));
            }
        }

        private static String na(String value) {
            return value == null ? NA : value;
        }
    }
}
