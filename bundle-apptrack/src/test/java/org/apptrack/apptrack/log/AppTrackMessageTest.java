package org.apptrack.apptrack.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.SyslogFormatter;
import org.apptrack.testsupport.data.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The AppTrack messages: their declared layouts against the reference ({@code srx-log-format.md},
 * parsed here), real device lines and the seed document's samples reproduced, bodies, NAT and
 * absent values, logical systems.
 */
class AppTrackMessageTest {

    /** The field lists of srx-log-format.md's "Field order" table, by message tag: the reference. */
    private static final Map<String, List<String>> REFERENCE = SpecFieldOrder.read();
    private static final List<String> CREATE = REFERENCE.get("APPTRACK_SESSION_CREATE");
    private static final List<String> VOL_UPDATE = REFERENCE.get("APPTRACK_SESSION_VOL_UPDATE");
    private static final List<String> CLOSE = REFERENCE.get("APPTRACK_SESSION_CLOSE");
    private static final List<String> ROUTE_UPDATE = REFERENCE.get("APPTRACK_SESSION_ROUTE_UPDATE");
    private static final List<String> NEXTHOP_CHANGE = REFERENCE.get("RT_FLOW_NEXTHOP_CHANGE");

    private static List<String> names(LogRecord r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.fieldCount(); i++) {
            out.add(r.name(i));
        }
        return out;
    }

    // ---- (1) field order and names ----

    @Test
    void everyLayoutIsTheReferencesAndItsRecordsTakeTheFastPath() {
        for (AppTrackMessage m : AppTrackMessage.values()) {
            List<String> declared = new ArrayList<>();
            for (AppTrackField f : m.layout().fields()) {
                declared.add(f.wireName());
            }
            assertEquals(REFERENCE.get(m.tag()), declared, m.tag());
            LogRecord r = m.build(sample(), TIME);
            assertEquals(declared, names(r), m.tag());
            assertSame(m.layout().names(), r.fieldNames(), m.tag() + " built on the fast path");
            assertEquals(m.tag(), r.wireTag());
            assertEquals("RT_FLOW", r.appName());
            assertEquals(6, r.severity());
            assertEquals(TIME, r.timeMillis());
        }
    }

    // ---- (2) the real plain-text create line, byte for byte ----

    @Test
    void realPlainTextCreateLineIsReproducedByteForByte() throws IOException {
        Path log = TestData.path("srx-syslog", "misc-public.log");
        Assumptions.assumeTrue(Files.isRegularFile(log), TestData.missing(log));
        String line = Files.readAllLines(log, StandardCharsets.UTF_8).get(2);

        FieldValueMap f = new FieldValueMap()
                .set(AppTrackField.SOURCE_ADDRESS, "192.168.105.3").set(AppTrackField.SOURCE_PORT, 59896)
                .set(AppTrackField.DESTINATION_ADDRESS, "192.168.106.163").set(AppTrackField.DESTINATION_PORT, 443)
                .set(AppTrackField.SERVICE_NAME, "junos-https").set(AppTrackField.APPLICATION, "UNKNOWN")
                .set(AppTrackField.NESTED_APPLICATION, "UNKNOWN") // no NAT: nat-* left at "same as original"
                .set(AppTrackField.PROTOCOL_ID, 6).set(AppTrackField.POLICY_NAME, "lab_vmware")
                .set(AppTrackField.SOURCE_ZONE_NAME, "lab").set(AppTrackField.DESTINATION_ZONE_NAME, "vmware")
                .set(AppTrackField.SESSION_ID_32, 111547).set(AppTrackField.ENCRYPTED, "UNKNOWN")
                .set(AppTrackField.DESTINATION_INTERFACE_NAME, "reth1.106");
        long time = Instant.parse("2022-04-28T10:57:14Z").toEpochMilli();

        SyslogFormatter fmt = SyslogFormatter.create(FormatSettings.of(LogFormat.SYSLOG, "firewall1"));
        byte[] wire = fmt.formatToArray(AppTrackMessage.CREATE.build(f, time));
        assertEquals(line, new String(wire, StandardCharsets.UTF_8));
        assertArrayEquals(line.getBytes(StandardCharsets.UTF_8), wire);
    }

    // ---- plain-text bodies of the other messages (layout inferred from the create line) ----

    @Test
    void plainTextBodiesOfTheOtherMessages() {
        FieldValueMap f = sample();
        assertEquals("AppTrack session created 10.0.0.1/40000->192.0.2.7/443 junos-https SSL UNKNOWN"
                + " 198.51.100.1/1024->192.0.2.7/443 snat1 N/A 6 p1 trust untrust 77 alice staff Yes"
                + " ge-0/0/1.0 Web N/A N/A N/A", AppTrackMessage.CREATE.build(f, TIME).body());
        assertEquals("AppTrack volume update: 10.0.0.1/40000->192.0.2.7/443 junos-https SSL UNKNOWN"
                + " 198.51.100.1/1024->192.0.2.7/443 snat1 N/A 6 p1 trust untrust 77 5(392) 3(646) 60"
                + " alice staff Yes N/A N/A N/A ge-0/0/1.0 Web N/A N/A N/A N/A N/A", AppTrackMessage.VOLUME_UPDATE.build(f, TIME).body());
        assertEquals("AppTrack session closed TCP FIN: 10.0.0.1/40000->192.0.2.7/443 junos-https SSL UNKNOWN"
                + " 198.51.100.1/1024->192.0.2.7/443 snat1 N/A 6 p1 trust untrust 77 5(392) 3(646) 60"
                + " alice staff Yes N/A N/A N/A ge-0/0/1.0  0 0 Web N/A N/A N/A N/A N/A N/A",
                AppTrackMessage.CLOSE.build(f, TIME).body());
        assertEquals("AppTrack route update: 10.0.0.1/40000->192.0.2.7/443 junos-https SSL UNKNOWN"
                + " 198.51.100.1/1024->192.0.2.7/443 snat1 N/A 6 p1 trust untrust 77"
                + " alice staff Yes N/A N/A N/A ge-0/0/1.0 Web N/A N/A N/A N/A N/A N/A N/A",
                AppTrackMessage.ROUTE_UPDATE.build(f, TIME).body());
    }

    @Test
    void structuredSyslogAppendsTheBody() {
        LogRecord r = AppTrackMessage.CLOSE.build(sample(), TIME);
        String wire = new String(SyslogFormatter.create(FormatSettings.of(LogFormat.STRUCTURED_SYSLOG, "fw"))
                .formatToArray(r), StandardCharsets.UTF_8);
        assertTrue(wire.endsWith("] " + r.body()), wire);
    }

    // ---- (3) seed-document samples ----
    // Samples copied from 000_750492ec1f711fce.txt (line numbers given); curly quotes kept as in the seed.

    /** Seed line 92 (create; destination-interface-name/category/sub-category in curly quotes). */
    private static final String SEED_92_CREATE = "APPTRACK_SESSION_CREATE user@host.1.1.1.2.129 source-address=\"4.0.0.1\" source-port=\"48873\" destination-address=\"5.0.0.1\" destination-port=\"80\" service-name=\"junos-http\" application=\"UNKNOWN\" nested-application=\"UNKNOWN\" nat-source-address=\"4.0.0.1\" nat-source-port=\"48873\" nat-destination-address=\"5.0.0.1\" nat-destination-port=\"80\" src-nat-rule-name=\"N/A\" dst-nat-rule-name=\"N/A\" protocol-id=\"6\" policy-name=\"permit-all\" source-zone-name=\"trust\" destination-zone-name=\"untrust\" session-id-32=\"32\" username=\"user1\" roles=\"DEPT1\" encrypted=\"UNKNOWN\" destination-interface-name=\u201Dge-0/0/0\u201D category=\u201DN/A\u201D sub-category=\u201DN/A\u201D]";
    /** Seed line 130 (volume update, 20.x with l3vpn vrf groups). */
    private static final String SEED_130_VOL = "RT_FLOW - APPTRACK_SESSION_VOL_UPDATE [junos@2636.1.1.1.2.129 source-address=\"4.0.0.1\" source-port=\"34219\" destination-address=\"5.0.0.1\" destination-port=\"80\" service-name=\"junos-http\" application=\"HTTP\" nested-application=\"UNKNOWN\" nat-source-address=\"4.0.0.1\" nat-source-port=\"34219\" nat-destination-address=\"5.0.0.1\" nat-destination-port=\"80\" src-nat-rule-name=\"N/A\" dst-nat-rule-name=\"N/A\" protocol-id=\"6\" policy-name=\"policy1\" source-zone-name=\"trust\" destination-zone-name=\"untrust\" session-id-32=\"4\" packets-from-client=\"6\" bytes-from-client=\"425\" packets-from-server=\"5\" bytes-from-server=\"561\" elapsed-time=\"1\" username=\"N/A\" roles=\"N/A\" encrypted=\"No\" profile-name=\"p1\" rule-name=\"r1\" routing-instance=\"default\" destination-interface-name=\"ge-0/0/1.0\" source-l3vpn-vrf-group-name=\"vpn-A\" destination-l3vpn-vrf-group-name=\"vpn-A\"]";
    /** Seed line 106 (2018-10-25 close with multipath-rule-name). */
    private static final String SEED_106_CLOSE = "2018-10-25T01:00:18.179-07:00 multihome-spoke RT_FLOW - APPTRACK_SESSION_CLOSE [junos@2636.1.1.1.2.129 reason=\"idle Timeout\" source-address=\"19.0.0.2\" source-port=\"34880\" destination-address=\"9.0.0.2\" destination-port=\"80\" service-name=\"junos-http\" application=\"HTTP\" nested-application=\"GOOGLE-GEN\" nat-source-address=\"19.0.0.2\" nat-source-port=\"34880\" nat-destination-address=\"9.0.0.2\" nat-destination-port=\"80\" src-nat-rule-name=\"N/A\" dst-nat-rule-name=\"N/A\" protocol-id=\"6\" policy-name=\"1\" source-zone-name=\"trust\" destination-zone-name=\"untrust1\" session-id-32=\"9625\" packets-from-client=\"347\" bytes-from-client=\"18199\" packets-from-server=\"388\" bytes-from-server=\"131928\" elapsed-time=\"411\" username=\"N/A\" roles=\"N/A\" encrypted=\"No\" profile-name=\"apbr1\" rule-name=\"rule1\" routing-instance=\"TC1_VPN\" destination-interface-name=\"gr-0/0/0.4\" uplink-incoming-interface-name=\"\" uplink-tx-bytes=\"0\" uplink-rx-bytes=\"0\" multipath-rule-name=\"multi1\"]";
    /** Seed line 134 (RT_FLOW - APPTRACK_SESSION_CLOSE with l3vpn vrf groups). */
    private static final String SEED_134_CLOSE = "RT_FLOW - APPTRACK_SESSION_CLOSE [junos@2636.1.1.1.2.129 reason=\"TCP FIN\" source-address=\"4.0.0.1\" source-port=\"34219\" destination-address=\"5.0.0.1\" destination-port=\"80\" service-name=\"junos-http\" application=\"HTTP\" nested-application=\"UNKNOWN\" nat-source-address=\"4.0.0.1\" nat-source-port=\"34219\" nat-destination-address=\"5.0.0.1\" nat-destination-port=\"80\" src-nat-rule-name=\"N/A\" dst-nat-rule-name=\"N/A\" protocol-id=\"6\" policy-name=\"policy1\" source-zone-name=\"trust\" destination-zone-name=\"untrust\" session-id-32=\"4\" packets-from-client=\"6\" bytes-from-client=\"425\" packets-from-server=\"5\" bytes-from-server=\"561\" elapsed-time=\"1\" username=\"N/A\" roles=\"N/A\" encrypted=\"No\" profile-name=\"p1\" rule-name=\"r1\" routing-instance=\"default\" destination-interface-name=\"ge-0/0/1.0\" uplink-incoming-interface-name=\"\" uplink-tx-bytes=\"0\" uplink-rx-bytes=\"0\" multipath-rule-name=\"N/A\" source-l3vpn-vrf-group-name=\"vpn-A\" destination-l3vpn-vrf-group-name=\"vpn-A\"]";
    /** Seed line 126 (route update with l3vpn vrf groups). */
    private static final String SEED_126_ROUTE = "RT_FLOW - APPTRACK_SESSION_ROUTE_UPDATE [junos@2636.1.1.1.2.129 source-address=\"1.3.0.10\" source-port=\"990\" destination-address=\"8.3.0.10\" destination-port=\"8080\" service-name=\"None\" application=\"HTTP\" nested-application=\"UNKNOWN\" nat-source-address=\"1.3.0.10\" nat-source-port=\"990\" nat-destination-address=\"8.3.0.10\" nat-destination-port=\"8080\" src-nat-rule-name=\"N/A\" dst-nat-rule-name=\"N/A\" protocol-id=\"6\" policy-name=\"1\" source-zone-name=\"trust_lan2\" destination-zone-name=\"sdwan\" session-id-32=\"432399\" username=\"N/A\" roles=\"N/A\" encrypted=\"No\" profile-name=\"p2\" rule-name=\"r1\" routing-instance=\"Default_VPN_LAN2\" destination-interface-name=\"gr-0/0/0.0\" source-l3vpn-vrf-group-name=\"vpn-A\" destination-l3vpn-vrf-group-name=\"vpn-A\"]";
    /** Seed line 102 (18.4R1 route update; writes "subcategory"). */
    private static final String SEED_102_ROUTE = "APPTRACK_SESSION_ROUTE_UPDATE [junos@2636.1.1.1.2.129 source-address=\"4.0.0.1\" source-port=\"251\" destination-address=\"5.0.0.1\" destination-port=\"250\" service-name=\"None\" application=\"HTTP\" nested-application=\"UNKNOWN\" nat-source-address=\"4.0.0.1\" nat-source-port=\"251\" nat-destination-address=\"5.0.0.1\" nat-destination-port=\"250\" src-nat-rule-name=\"N/A\" dst-nat-rule-name=\"N/A\" protocol-id=\"6\" policy-name=\"1\" source-zone-name=\"trust\" destination-zone-name=\"untrust\" session-id-32=\"866\" username=\"N/A\" roles=\"N/A\" encrypted=\"N/A\" profile-name=\"profile1\" rule-name=\"rule1\" routing-instance=\"RI1\" destination-interface-name=\"ge-0/0/2.0\" category=\"Web\" subcategory=\"N/A\" apbr-policy-name=\"sla1\" webfilter-category=\"N/A\"]";

    @Test
    void seedCreateSample() {
        checkSeedSample(SEED_92_CREATE, AppTrackMessage.CREATE, CREATE, Map.of());
    }

    @Test
    void seedVolumeUpdateSample() {
        checkSeedSample(SEED_130_VOL, AppTrackMessage.VOLUME_UPDATE, VOL_UPDATE, Map.of());
    }

    @Test
    void seedCloseSamples() {
        checkSeedSample(SEED_106_CLOSE, AppTrackMessage.CLOSE, CLOSE, Map.of());
        checkSeedSample(SEED_134_CLOSE, AppTrackMessage.CLOSE, CLOSE, Map.of());
    }

    /** Seed line 142 (next-hop change, first sample). */
    private static final String SEED_142_NEXTHOP = "RT_FLOW_NEXTHOP_CHANGE [junos@2636.1.1.1.2.129 source-address=\"4.1.0.1\" source-port=\"43540\" destination-address=\"5.1.0.1\" destination-port=\"7000\" service-name=\"None\" application=\"JNPR-UDPSVR-ADDR\" nested-application=\"UNKNOWN\" nat-source-address=\"4.1.0.1\" nat-source-port=\"43540\" nat-destination-address=\"5.1.0.1\" nat-destination-port=\"7000\" src-nat-rule-name=\"N/A\" dst-nat-rule-name=\"N/A\" protocol-id=\"17\" policy-name=\"1\" source-zone-name=\"trust\" destination-zone-name=\"untrust\" session-id-32=\"2\" packets-from-client=\"1\" bytes-from-client=\"105\" packets-from-server=\"0\" bytes-from-server=\"0\" elapsed-time=\"0\" username=\"N/A\" roles=\"N/A\" encrypted=\"No\" profile-name=\"profile1\" rule-name=\"rule1\" routing-instance=\"RI1\" destination-interface-name=\"ge-0/0/1.0\" last-destination-interface-name=\"ge-0/0/4.0\" uplink-incoming-interface-name=\"\" last-incoming-interface-name=\"N/A\" uplink-tx-bytes=\"0\" uplink-rx-bytes=\"0\" apbr-policy-name=\"N/A\" dscp-value=\"N/A\" apbr-rule-type=\"application\"]";
    /** Seed line 152 (19.3R1 next-hop change with dscp-value and apbr-rule-type in curly quotes). */
    private static final String SEED_152_NEXTHOP = "RT_FLOW_NEXTHOP_CHANGE [junos@2636.1.1.1.2.129 source-address=\"4.0.0.1\" source-port=\"1999\" destination-address=\"157.240.23.35\" destination-port=\"80\" service-name=\"junos-http\" application=\"UNKNOWN\" nested-application=\"UNKNOWN\" nat-source-address=\"4.0.0.1\" nat-source-port=\"1999\" nat-destination-address=\"157.240.23.35\" nat-destination-port=\"80\" src-nat-rule-name=\"N/A\" dst-nat-rule-name=\"N/A\" protocol-id=\"6\" policy-name=\"1\" source-zone-name=\"trust\" destination-zone-name=\"untrust\" session-id-32=\"3287\" packets-from-client=\"1\" bytes-from-client=\"60\" packets-from-server=\"0\" bytes-from-server=\"0\" elapsed-time=\"0\" username=\"N/A\" roles=\"N/A\" encrypted=\"No\" profile-name=\"profile1\" rule-name=\"rule1\" routing-instance=\"RI1\" destination-interface-name=\"ge-0/0/1.0\" last-destination-interface-name=\"ge-0/0/4.0\" uplink-incoming-interface-name=\"\" last-incoming-interface-name=\"N/A\" uplink-tx-bytes=\"0\" uplink-rx-bytes=\"0\" apbr-policy-name=\"sla1\" dscp-value=\u201D13\u201D apbr-rule-type=\u201Ddscp\u201D]";
    /** Seed line 148 (19.3R1 route update with dscp-value and apbr-rule-type). */
    private static final String SEED_148_ROUTE = "APPTRACK_SESSION_ROUTE_UPDATE [junos@2636.1.1.1.2.129 source-address=\"4.0.0.1\" source-port=\"33040\" destination-address=\"5.0.0.1\" destination-port=\"80\" service-name=\"junos-http\" application=\"HTTP\" nested-application=\"FACEBOOK-SOCIALRSS\" nat-source-address=\"4.0.0.1\" nat-source-port=\"33040\" nat-destination-address=\"5.0.0.1\" nat-destination-port=\"80\" src-nat-rule-name=\"N/A\" dst-nat-rule-name=\"N/A\" protocol-id=\"6\" policy-name=\"permit-all\" source-zone-name=\"trust\" destination-zone-name=\"untrust\" session-id-32=\"28\" username=\"user1\" roles=\"DEPT1\" encrypted=\"No\" profile-name=\u201Dpf1\u201D rule-name=\u201Dfacebook1\u201D routing-instance=\u201Dinstance1\u201D destination-interface-name=\u201Dst0.0\u201D dscp-value=\u201D13\u201D apbr-rule-type=\u201Dapplication-dscp\u201D]";

    @Test
    void seedNextHopChangeSamples() {
        checkSeedSample(SEED_142_NEXTHOP, AppTrackMessage.NEXTHOP_CHANGE, NEXTHOP_CHANGE, Map.of());
        checkSeedSample(SEED_152_NEXTHOP, AppTrackMessage.NEXTHOP_CHANGE, NEXTHOP_CHANGE, Map.of());
        checkSeedSample(SEED_148_ROUTE, AppTrackMessage.ROUTE_UPDATE, ROUTE_UPDATE, Map.of());
    }

    @Test
    void seedRouteUpdateSamples() {
        checkSeedSample(SEED_126_ROUTE, AppTrackMessage.ROUTE_UPDATE, ROUTE_UPDATE, Map.of());
        // The 18.4R1 sample spells "subcategory"; srx-log-format.md (and every other sample) says
        // "sub-category", which wins.
        checkSeedSample(SEED_102_ROUTE, AppTrackMessage.ROUTE_UPDATE, ROUTE_UPDATE, Map.of("subcategory", "sub-category"));
    }

    /**
     * Fills a holder from the sample's fields, builds the record, formats it as sd-syslog and
     * requires: the reference order; every sample field present with the sample's value and in the
     * sample's relative order (the samples show subsets of the full list: newer fields are missing
     * from older samples); every field the sample lacks at its default (N/A, "0", or "" for
     * uplink-incoming-interface-name).
     */
    private static void checkSeedSample(String sample, AppTrackMessage message, List<String> expectedOrder,
                                        Map<String, String> renames) {
        Map<String, String> sampleFields = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parseSample(sample).entrySet()) {
            sampleFields.put(renames.getOrDefault(e.getKey(), e.getKey()), e.getValue());
        }
        FieldValueMap f = new FieldValueMap();
        fill(f, sampleFields);

        String wire = new String(SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "multihome-spoke"))
                .formatToArray(message.build(f, Instant.parse("2018-10-25T08:00:18.179Z").toEpochMilli())),
                StandardCharsets.UTF_8);
        Map<String, String> out = parseSdElement(wire);
        assertEquals(expectedOrder, new ArrayList<>(out.keySet()), wire);

        List<String> outNames = new ArrayList<>(out.keySet());
        int last = -1;
        for (Map.Entry<String, String> e : sampleFields.entrySet()) {
            int at = outNames.indexOf(e.getKey());
            assertTrue(at > last, "field " + e.getKey() + " out of order or missing in " + wire);
            last = at;
            assertEquals(e.getValue(), out.get(e.getKey()), e.getKey());
        }
        for (Map.Entry<String, String> e : out.entrySet()) {
            if (!sampleFields.containsKey(e.getKey())) {
                assertEquals(defaultOf(e.getKey()), e.getValue(), "absent field " + e.getKey());
            }
        }
    }

    private static String defaultOf(String name) {
        if (name.equals("uplink-incoming-interface-name")) {
            return "";
        }
        if (name.equals("uplink-tx-bytes") || name.equals("uplink-rx-bytes")) {
            return "0";
        }
        return "N/A";
    }

    private static final Pattern SAMPLE_FIELD = Pattern.compile("([a-z0-9-]+)=[\"\u201C\u201D]([^\"\u201C\u201D]*)[\"\u201C\u201D]");

    /** name="value" pairs of a seed sample; curly quotes (a documentation artefact) read as '"'. */
    private static Map<String, String> parseSample(String sample) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = SAMPLE_FIELD.matcher(sample);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** The SD-PARAMs of a formatted RFC 5424 message, unescaping \" \\ \]. */
    static Map<String, String> parseSdElement(String wire) {
        int p = wire.indexOf('[');
        p = wire.indexOf(' ', p); // past the SD-ID
        Map<String, String> out = new LinkedHashMap<>();
        while (wire.charAt(p) == ' ') {
            int eq = wire.indexOf('=', p);
            String name = wire.substring(p + 1, eq);
            assertEquals('"', wire.charAt(eq + 1));
            StringBuilder v = new StringBuilder();
            int i = eq + 2;
            while (wire.charAt(i) != '"') {
                if (wire.charAt(i) == '\\') {
                    i++;
                }
                v.append(wire.charAt(i++));
            }
            assertNull(out.put(name, v.toString()), "duplicate " + name);
            p = i + 1;
        }
        assertEquals(']', wire.charAt(p));
        return out;
    }

    private static void fill(FieldValueMap f, Map<String, String> v) {
        for (Map.Entry<String, String> e : v.entrySet()) {
            AppTrackField field = AppTrackField.ofWireName(e.getKey());
            if (field == null) {
                throw new AssertionError("sample field not in srx-log-format.md: " + e.getKey());
            }
            if (field.isNumeric()) {
                f.set(field, Long.parseLong(e.getValue()));
            } else {
                f.set(field, e.getValue());
            }
        }
    }

    // ---- (4) _LS variants ----

    @Test
    void logicalSystemVariantHasLogicalSystemNameFirst() {
        FieldValueMap f = sample();
        List<List<String>> orders = List.of(CREATE, VOL_UPDATE, CLOSE, ROUTE_UPDATE, NEXTHOP_CHANGE);
        for (int i = 0; i < AppTrackMessage.values().length; i++) {
            LogRecord r = AppTrackMessage.values()[i].build(f, TIME, "LSYS1");
            assertTrue(r.isLogicalSystemRecord());
            assertTrue(r.wireTag().endsWith("_LS"), r.wireTag());
            assertEquals("logical-system-name", r.name(0));
            assertEquals("LSYS1", r.value(0));
            assertEquals(orders.get(i), names(r).subList(1, r.fieldCount()));
        }
        String wire = new String(SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "bhavani"))
                .formatToArray(AppTrackMessage.CREATE.build(f, TIME, "LSYS1")), StandardCharsets.UTF_8);
        assertTrue(wire.contains(" RT_FLOW - APPTRACK_SESSION_CREATE_LS [junos@2636.1.1.1.2.129"
                + " logical-system-name=\"LSYS1\" source-address=\"10.0.0.1\" "), wire);

        LogRecord root = AppTrackMessage.CREATE.build(f, TIME, LogRecord.ROOT_LOGICAL_SYSTEM);
        assertFalse(root.isLogicalSystemRecord());
        assertEquals("APPTRACK_SESSION_CREATE", root.wireTag());
        assertEquals(CREATE, names(root));
        assertEquals(root, AppTrackMessage.CREATE.build(f, TIME, null));
    }

    // ---- (5) N/A defaults ----

    private static final Set<String> NUMERIC = Set.of("source-port", "destination-port", "nat-source-port",
            "nat-destination-port", "protocol-id", "session-id-32", "packets-from-client", "bytes-from-client",
            "packets-from-server", "bytes-from-server", "elapsed-time", "uplink-tx-bytes", "uplink-rx-bytes");

    @Test
    void absentValuesAreNotApplicable() {
        FieldValueMap f = new FieldValueMap();
        for (AppTrackMessage m : AppTrackMessage.values()) {
            LogRecord r = m.build(f, TIME);
            for (int i = 0; i < r.fieldCount(); i++) {
                String name = r.name(i);
                String expected = NUMERIC.contains(name) ? "0"
                        : name.equals("uplink-incoming-interface-name") ? "" : "N/A";
                assertEquals(expected, r.value(i), r.wireTag() + " " + name);
            }
        }
        assertEquals("AppTrack session closed N/A: N/A/0->N/A/0 N/A N/A N/A N/A/0->N/A/0 N/A N/A 0 N/A N/A N/A 0"
                + " 0(0) 0(0) 0 N/A N/A N/A N/A N/A N/A N/A  0 0 N/A N/A N/A N/A N/A N/A N/A",
                AppTrackMessage.CLOSE.build(f, TIME).body());
    }

    @Test
    void natDefaultsToOriginal() {
        FieldValueMap f = sample();
        assertEquals("198.51.100.1", AppTrackMessage.CREATE.build(f, TIME).value("nat-source-address"));
        FieldValueMap noNat = new FieldValueMap().set(AppTrackField.SOURCE_ADDRESS, "10.0.0.1")
                .set(AppTrackField.SOURCE_PORT, 40000).set(AppTrackField.DESTINATION_ADDRESS, "192.0.2.7")
                .set(AppTrackField.DESTINATION_PORT, 443);
        LogRecord r = AppTrackMessage.CREATE.build(noNat, TIME);
        assertEquals("10.0.0.1", r.value("nat-source-address"));
        assertEquals("40000", r.value("nat-source-port"));
        assertEquals("192.0.2.7", r.value("nat-destination-address"));
        assertEquals("443", r.value("nat-destination-port"));
    }

    @Test
    void valuesAreEscapedOnTheWire() {
        FieldValueMap f = sample().set(AppTrackField.USERNAME, "ev\"il] x");
        String wire = new String(SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "fw"))
                .formatToArray(AppTrackMessage.CREATE.build(f, TIME)), StandardCharsets.UTF_8);
        assertEquals("ev\"il] x", parseSdElement(wire).get("username"));
    }

    private static final long TIME = Instant.parse("2020-05-07T16:27:40.111Z").toEpochMilli();

    /** Filled values: source NAT only, some tail fields left absent. */
    private static FieldValueMap sample() {
        return new FieldValueMap()
                .set(AppTrackField.SOURCE_ADDRESS, "10.0.0.1").set(AppTrackField.SOURCE_PORT, 40000)
                .set(AppTrackField.DESTINATION_ADDRESS, "192.0.2.7").set(AppTrackField.DESTINATION_PORT, 443)
                .set(AppTrackField.SERVICE_NAME, "junos-https").set(AppTrackField.APPLICATION, "SSL")
                .set(AppTrackField.NESTED_APPLICATION, "UNKNOWN")
                .set(AppTrackField.NAT_SOURCE_ADDRESS, "198.51.100.1").set(AppTrackField.NAT_SOURCE_PORT, 1024)
                .set(AppTrackField.SRC_NAT_RULE_NAME, "snat1").set(AppTrackField.PROTOCOL_ID, 6)
                .set(AppTrackField.POLICY_NAME, "p1").set(AppTrackField.SOURCE_ZONE_NAME, "trust")
                .set(AppTrackField.DESTINATION_ZONE_NAME, "untrust").set(AppTrackField.SESSION_ID_32, 77)
                .set(AppTrackField.PACKETS_FROM_CLIENT, 5).set(AppTrackField.BYTES_FROM_CLIENT, 392)
                .set(AppTrackField.PACKETS_FROM_SERVER, 3).set(AppTrackField.BYTES_FROM_SERVER, 646)
                .set(AppTrackField.ELAPSED_TIME, 60).set(AppTrackField.USERNAME, "alice")
                .set(AppTrackField.ROLES, "staff").set(AppTrackField.ENCRYPTED, "Yes")
                .set(AppTrackField.DESTINATION_INTERFACE_NAME, "ge-0/0/1.0").set(AppTrackField.CATEGORY, "Web")
                .set(AppTrackField.REASON, "TCP FIN");
    }
}
