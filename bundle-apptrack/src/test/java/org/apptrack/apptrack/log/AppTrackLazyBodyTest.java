package org.apptrack.apptrack.log;

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
 * The body a layout renders lazily, from the record's values, equals the body written eagerly
 * field by field by the rules of the SRX line (kept below as the reference), for every message
 * type, with and without NAT, logical system, absent and hostile values; and so do the wire bytes.
 */
class AppTrackLazyBodyTest {

    @Test
    void lazyBodyEqualsTheEagerBodyForEveryMessageType() {
        Random random = new Random(2636);
        for (int i = 0; i < 2000; i++) {
            Sample f = randomFields(random);
            assertEquals(EagerBodies.create(f), build(AppTrackMessage.CREATE, f).body(), "create " + i);
            assertEquals(EagerBodies.volumeUpdate(f), build(AppTrackMessage.VOLUME_UPDATE, f).body(), "vol " + i);
            assertEquals(EagerBodies.close(f), build(AppTrackMessage.CLOSE, f).body(), "close " + i);
            assertEquals(EagerBodies.routeUpdate(f), build(AppTrackMessage.ROUTE_UPDATE, f).body(), "route " + i);
        }
    }

    @Test
    void wireBytesEqualThoseOfEagerTextRecordsInEveryFormat() {
        Random random = new Random(129);
        for (LogFormat format : LogFormat.values()) {
            SyslogFormatter formatter = SyslogFormatter.create(FormatSettings.of(format, "fw"));
            for (int i = 0; i < 300; i++) {
                Sample f = randomFields(random);
                check(formatter, AppTrackMessage.CREATE, EagerBodies::create, f);
                check(formatter, AppTrackMessage.VOLUME_UPDATE, EagerBodies::volumeUpdate, f);
                check(formatter, AppTrackMessage.CLOSE, EagerBodies::close, f);
                check(formatter, AppTrackMessage.ROUTE_UPDATE, EagerBodies::routeUpdate, f);
            }
        }
    }

    /** Formats the record and the same record rebuilt with text values and an eager body. */
    private static void check(SyslogFormatter formatter, AppTrackMessage message, Function<Sample, String> eagerBody,
                              Sample f) {
        LogRecord lazy = build(message, f);
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

    /** Random values and their record's time and logical system. */
    static final class Sample {
        final FieldValueMap values = new FieldValueMap();
        long timeMillis;
        String logicalSystem;

        String text(AppTrackField f) {
            return values.text(f);
        }

        long number(AppTrackField f) {
            return values.number(f);
        }
    }

    private static LogRecord build(AppTrackMessage message, Sample f) {
        return message.build(f.values, f.timeMillis, f.logicalSystem);
    }

    static Sample randomFields(Random r) {
        Sample f = new Sample();
        f.timeMillis = 1588868860111L + r.nextInt(1_000_000);
        FieldValueMap v = f.values;
        v.set(AppTrackField.SOURCE_ADDRESS, r.nextInt(8) == 0 ? null : "10.0." + r.nextInt(256) + "." + r.nextInt(256));
        v.set(AppTrackField.DESTINATION_ADDRESS, r.nextBoolean() ? "2001:db8::" + Integer.toHexString(r.nextInt(65536))
                : "93.184.216.34");
        v.set(AppTrackField.SOURCE_PORT, r.nextInt(65536));
        v.set(AppTrackField.DESTINATION_PORT, r.nextInt(65536));
        if (r.nextInt(3) == 0) {
            v.set(AppTrackField.NAT_SOURCE_ADDRESS, "198.51.100." + r.nextInt(256));
            v.set(AppTrackField.NAT_SOURCE_PORT, r.nextInt(65536));
        }
        if (r.nextInt(3) == 0) {
            v.set(AppTrackField.NAT_DESTINATION_ADDRESS, "203.0.113." + r.nextInt(256));
            v.set(AppTrackField.NAT_DESTINATION_PORT, r.nextInt(65536));
        }
        v.set(AppTrackField.PROTOCOL_ID, r.nextInt(256));
        v.set(AppTrackField.SESSION_ID_32, r.nextInt() & 0xffffffffL);
        for (AppTrackField field : AppTrackField.values()) {
            switch (field) {
                case SOURCE_ADDRESS: case DESTINATION_ADDRESS: case NAT_SOURCE_ADDRESS: case NAT_DESTINATION_ADDRESS:
                case SOURCE_PORT: case DESTINATION_PORT: case NAT_SOURCE_PORT: case NAT_DESTINATION_PORT:
                case PROTOCOL_ID: case SESSION_ID_32:
                    break;
                default:
                    if (field.isNumeric()) {
                        v.set(field, number(r));
                    } else {
                        v.set(field, text(r));
                    }
            }
        }
        int ls = r.nextInt(4);
        f.logicalSystem = ls == 0 ? "LSYS1" : ls == 1 ? LogRecord.ROOT_LOGICAL_SYSTEM : null;
        return f;
    }

    /** The bodies written field by field, by the rules of the real device line: the reference. */
    static final class EagerBodies {
        private static final String NA = "N/A";

        static String create(Sample f) {
            StringBuilder body = new StringBuilder("AppTrack session created ");
            prefix(body, f);
            user(body, f);
            tail(body, f, AppTrackField.DESTINATION_INTERFACE_NAME, AppTrackField.CATEGORY, AppTrackField.SUB_CATEGORY,
                    AppTrackField.SOURCE_L3VPN_VRF_GROUP_NAME, AppTrackField.DESTINATION_L3VPN_VRF_GROUP_NAME);
            return body.toString();
        }

        static String volumeUpdate(Sample f) {
            StringBuilder body = new StringBuilder("AppTrack volume update: ");
            prefix(body, f);
            counters(body, f);
            user(body, f);
            tail(body, f, AppTrackField.PROFILE_NAME, AppTrackField.RULE_NAME, AppTrackField.ROUTING_INSTANCE,
                    AppTrackField.DESTINATION_INTERFACE_NAME, AppTrackField.CATEGORY, AppTrackField.SUB_CATEGORY,
                    AppTrackField.SOURCE_L3VPN_VRF_GROUP_NAME, AppTrackField.DESTINATION_L3VPN_VRF_GROUP_NAME,
                    AppTrackField.DSCP_VALUE, AppTrackField.APBR_RULE_TYPE);
            return body.toString();
        }

        static String close(Sample f) {
            StringBuilder body = new StringBuilder("AppTrack session closed ")
                    .append(na(f.text(AppTrackField.REASON))).append(": ");
            prefix(body, f);
            counters(body, f);
            user(body, f);
            tail(body, f, AppTrackField.PROFILE_NAME, AppTrackField.RULE_NAME, AppTrackField.ROUTING_INSTANCE,
                    AppTrackField.DESTINATION_INTERFACE_NAME);
            String uplink = f.text(AppTrackField.UPLINK_INCOMING_INTERFACE_NAME);
            body.append(' ').append(uplink == null ? "" : uplink)
                    .append(' ').append(f.number(AppTrackField.UPLINK_TX_BYTES))
                    .append(' ').append(f.number(AppTrackField.UPLINK_RX_BYTES));
            tail(body, f, AppTrackField.CATEGORY, AppTrackField.SUB_CATEGORY, AppTrackField.MULTIPATH_RULE_NAME,
                    AppTrackField.SOURCE_L3VPN_VRF_GROUP_NAME, AppTrackField.DESTINATION_L3VPN_VRF_GROUP_NAME,
                    AppTrackField.DSCP_VALUE, AppTrackField.APBR_RULE_TYPE);
            return body.toString();
        }

        static String routeUpdate(Sample f) {
            StringBuilder body = new StringBuilder("AppTrack route update: ");
            prefix(body, f);
            user(body, f);
            tail(body, f, AppTrackField.PROFILE_NAME, AppTrackField.RULE_NAME, AppTrackField.ROUTING_INSTANCE,
                    AppTrackField.DESTINATION_INTERFACE_NAME, AppTrackField.CATEGORY, AppTrackField.SUB_CATEGORY,
                    AppTrackField.APBR_POLICY_NAME, AppTrackField.WEBFILTER_CATEGORY,
                    AppTrackField.SOURCE_L3VPN_VRF_GROUP_NAME, AppTrackField.DESTINATION_L3VPN_VRF_GROUP_NAME,
                    AppTrackField.DSCP_VALUE, AppTrackField.APBR_RULE_TYPE);
            return body.toString();
        }

        private static void prefix(StringBuilder body, Sample f) {
            body.append(na(f.text(AppTrackField.SOURCE_ADDRESS))).append('/').append(f.number(AppTrackField.SOURCE_PORT))
                    .append("->").append(na(f.text(AppTrackField.DESTINATION_ADDRESS))).append('/')
                    .append(f.number(AppTrackField.DESTINATION_PORT));
            tail(body, f, AppTrackField.SERVICE_NAME, AppTrackField.APPLICATION, AppTrackField.NESTED_APPLICATION);
            body.append(' ').append(na(f.text(AppTrackField.NAT_SOURCE_ADDRESS))).append('/')
                    .append(f.number(AppTrackField.NAT_SOURCE_PORT)).append("->")
                    .append(na(f.text(AppTrackField.NAT_DESTINATION_ADDRESS))).append('/')
                    .append(f.number(AppTrackField.NAT_DESTINATION_PORT));
            tail(body, f, AppTrackField.SRC_NAT_RULE_NAME, AppTrackField.DST_NAT_RULE_NAME);
            body.append(' ').append(f.number(AppTrackField.PROTOCOL_ID));
            tail(body, f, AppTrackField.POLICY_NAME, AppTrackField.SOURCE_ZONE_NAME, AppTrackField.DESTINATION_ZONE_NAME);
            body.append(' ').append(f.number(AppTrackField.SESSION_ID_32));
        }

        private static void counters(StringBuilder body, Sample f) {
            body.append(' ').append(f.number(AppTrackField.PACKETS_FROM_CLIENT)).append('(')
                    .append(f.number(AppTrackField.BYTES_FROM_CLIENT)).append(')')
                    .append(' ').append(f.number(AppTrackField.PACKETS_FROM_SERVER)).append('(')
                    .append(f.number(AppTrackField.BYTES_FROM_SERVER)).append(')')
                    .append(' ').append(f.number(AppTrackField.ELAPSED_TIME));
        }

        private static void user(StringBuilder body, Sample f) {
            tail(body, f, AppTrackField.USERNAME, AppTrackField.ROLES, AppTrackField.ENCRYPTED);
        }

        private static void tail(StringBuilder body, Sample f, AppTrackField... fields) {
            for (AppTrackField field : fields) {
                body.append(' ').append(na(f.text(field)));
            }
        }

        private static String na(String value) {
            return value == null ? NA : value;
        }
    }
}
