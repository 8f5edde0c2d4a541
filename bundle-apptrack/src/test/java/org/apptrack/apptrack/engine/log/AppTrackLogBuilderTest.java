package org.apptrack.apptrack.engine.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.SyslogFormatter;
import org.apptrack.testsupport.data.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AppTrackLogBuilderTest {

    // ---- Field lists copied from srx-log-format.md, "Field order" (independent of the main code) ----
    private static final String P = "source-address source-port destination-address destination-port service-name"
            + " application nested-application nat-source-address nat-source-port nat-destination-address"
            + " nat-destination-port src-nat-rule-name dst-nat-rule-name protocol-id policy-name"
            + " source-zone-name destination-zone-name session-id-32";
    private static final String C = "packets-from-client bytes-from-client packets-from-server bytes-from-server elapsed-time";
    private static final String U = "username roles encrypted";
    private static final List<String> CREATE = words(P, U, "destination-interface-name category sub-category"
            + " source-l3vpn-vrf-group-name destination-l3vpn-vrf-group-name");
    private static final List<String> VOL_UPDATE = words(P, C, U, "profile-name rule-name routing-instance"
            + " destination-interface-name category sub-category source-l3vpn-vrf-group-name"
            + " destination-l3vpn-vrf-group-name dscp-value apbr-rule-type");
    private static final List<String> CLOSE = words("reason", P, C, U, "profile-name rule-name routing-instance"
            + " destination-interface-name uplink-incoming-interface-name uplink-tx-bytes uplink-rx-bytes category"
            + " sub-category multipath-rule-name source-l3vpn-vrf-group-name destination-l3vpn-vrf-group-name"
            + " dscp-value apbr-rule-type");
    private static final List<String> ROUTE_UPDATE = words(P, U, "profile-name rule-name routing-instance"
            + " destination-interface-name category sub-category apbr-policy-name webfilter-category"
            + " source-l3vpn-vrf-group-name destination-l3vpn-vrf-group-name dscp-value apbr-rule-type");

    private final AppTrackLogBuilder builder = new AppTrackLogBuilder();

    private static List<String> words(String... parts) {
        return Arrays.asList(String.join(" ", parts).split(" "));
    }

    private static List<String> names(LogRecord r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.fieldCount(); i++) {
            out.add(r.name(i));
        }
        return out;
    }

    // ---- (1) field order and names ----

    @Test
    void fieldOrderAndNamesFollowTheReference() {
        SessionLogFields f = sampleHolder();
        assertEquals(CREATE, names(builder.create(f)));
        assertEquals(VOL_UPDATE, names(builder.volumeUpdate(f)));
        assertEquals(CLOSE, names(builder.close(f)));
        assertEquals(ROUTE_UPDATE, names(builder.routeUpdate(f)));
        assertEquals("APPTRACK_SESSION_CREATE", builder.create(f).wireTag());
        assertEquals("APPTRACK_SESSION_VOL_UPDATE", builder.volumeUpdate(f).wireTag());
        assertEquals("APPTRACK_SESSION_CLOSE", builder.close(f).wireTag());
        assertEquals("APPTRACK_SESSION_ROUTE_UPDATE", builder.routeUpdate(f).wireTag());
        assertEquals("RT_FLOW", builder.create(f).appName());
        assertEquals(6, builder.create(f).severity());
        assertEquals(f.eventTimeMillis, builder.close(f).timeMillis());
    }

    // ---- (2) the real plain-text create line, byte for byte ----

    @Test
    void realPlainTextCreateLineIsReproducedByteForByte() throws IOException {
        Path log = TestData.path("srx-syslog", "misc-public.log");
        Assumptions.assumeTrue(Files.isRegularFile(log), TestData.missing(log));
        String line = Files.readAllLines(log, StandardCharsets.UTF_8).get(2);

        SessionLogFields f = new SessionLogFields();
        f.sourceAddress = "192.168.105.3";
        f.sourcePort = 59896;
        f.destinationAddress = "192.168.106.163";
        f.destinationPort = 443;
        f.serviceName = "junos-https";
        f.application = "UNKNOWN";
        f.nestedApplication = "UNKNOWN";
        // no NAT: nat-* left at "same as original"
        f.protocolId = 6;
        f.policyName = "lab_vmware";
        f.sourceZoneName = "lab";
        f.destinationZoneName = "vmware";
        f.sessionId32 = 111547;
        f.encrypted = "UNKNOWN";
        f.destinationInterfaceName = "reth1.106";
        f.eventTimeMillis = Instant.parse("2022-04-28T10:57:14Z").toEpochMilli();

        SyslogFormatter fmt = SyslogFormatter.create(FormatSettings.of(LogFormat.SYSLOG, "firewall1"));
        byte[] wire = fmt.formatToArray(builder.create(f));
        assertEquals(line, new String(wire, StandardCharsets.UTF_8));
        assertArrayEquals(line.getBytes(StandardCharsets.UTF_8), wire);
    }

    // ---- plain-text bodies of the other messages (layout inferred from the create line) ----

    @Test
    void plainTextBodiesOfTheOtherMessages() {
        SessionLogFields f = sampleHolder();
        assertEquals("AppTrack session created 10.0.0.1/40000->192.0.2.7/443 junos-https SSL UNKNOWN"
                + " 198.51.100.1/1024->192.0.2.7/443 snat1 N/A 6 p1 trust untrust 77 alice staff Yes"
                + " ge-0/0/1.0 Web N/A N/A N/A", builder.create(f).body());
        assertEquals("AppTrack volume update: 10.0.0.1/40000->192.0.2.7/443 junos-https SSL UNKNOWN"
                + " 198.51.100.1/1024->192.0.2.7/443 snat1 N/A 6 p1 trust untrust 77 5(392) 3(646) 60"
                + " alice staff Yes N/A N/A N/A ge-0/0/1.0 Web N/A N/A N/A N/A N/A", builder.volumeUpdate(f).body());
        assertEquals("AppTrack session closed TCP FIN: 10.0.0.1/40000->192.0.2.7/443 junos-https SSL UNKNOWN"
                + " 198.51.100.1/1024->192.0.2.7/443 snat1 N/A 6 p1 trust untrust 77 5(392) 3(646) 60"
                + " alice staff Yes N/A N/A N/A ge-0/0/1.0  0 0 Web N/A N/A N/A N/A N/A N/A",
                builder.close(f).body());
        assertEquals("AppTrack route update: 10.0.0.1/40000->192.0.2.7/443 junos-https SSL UNKNOWN"
                + " 198.51.100.1/1024->192.0.2.7/443 snat1 N/A 6 p1 trust untrust 77"
                + " alice staff Yes N/A N/A N/A ge-0/0/1.0 Web N/A N/A N/A N/A N/A N/A N/A",
                builder.routeUpdate(f).body());
    }

    @Test
    void structuredSyslogAppendsTheBody() {
        SessionLogFields f = sampleHolder();
        LogRecord r = builder.close(f);
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
        checkSeedSample(SEED_92_CREATE, builder::create, CREATE, Map.of());
    }

    @Test
    void seedVolumeUpdateSample() {
        checkSeedSample(SEED_130_VOL, builder::volumeUpdate, VOL_UPDATE, Map.of());
    }

    @Test
    void seedCloseSamples() {
        checkSeedSample(SEED_106_CLOSE, builder::close, CLOSE, Map.of());
        checkSeedSample(SEED_134_CLOSE, builder::close, CLOSE, Map.of());
    }

    @Test
    void seedRouteUpdateSamples() {
        checkSeedSample(SEED_126_ROUTE, builder::routeUpdate, ROUTE_UPDATE, Map.of());
        // The 18.4R1 sample spells "subcategory"; srx-log-format.md (and every other sample) says
        // "sub-category", which wins.
        checkSeedSample(SEED_102_ROUTE, builder::routeUpdate, ROUTE_UPDATE, Map.of("subcategory", "sub-category"));
    }

    /**
     * Fills a holder from the sample's fields, builds the record, formats it as sd-syslog and
     * requires: the reference order; every sample field present with the sample's value and in the
     * sample's relative order (the samples show subsets of the full list: newer fields are missing
     * from older samples); every field the sample lacks at its default (N/A, "0", or "" for
     * uplink-incoming-interface-name).
     */
    private static void checkSeedSample(String sample, Function<SessionLogFields, LogRecord> build,
                                        List<String> expectedOrder, Map<String, String> renames) {
        Map<String, String> sampleFields = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parseSample(sample).entrySet()) {
            sampleFields.put(renames.getOrDefault(e.getKey(), e.getKey()), e.getValue());
        }
        SessionLogFields f = new SessionLogFields();
        f.eventTimeMillis = Instant.parse("2018-10-25T08:00:18.179Z").toEpochMilli();
        fill(f, sampleFields);

        String wire = new String(SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "multihome-spoke"))
                .formatToArray(build.apply(f)), StandardCharsets.UTF_8);
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

    private static void fill(SessionLogFields f, Map<String, String> v) {
        for (Map.Entry<String, String> e : v.entrySet()) {
            String s = e.getValue();
            switch (e.getKey()) {
                case "reason": f.closeReason = s; break;
                case "source-address": f.sourceAddress = s; break;
                case "source-port": f.sourcePort = Integer.parseInt(s); break;
                case "destination-address": f.destinationAddress = s; break;
                case "destination-port": f.destinationPort = Integer.parseInt(s); break;
                case "service-name": f.serviceName = s; break;
                case "application": f.application = s; break;
                case "nested-application": f.nestedApplication = s; break;
                case "nat-source-address": f.natSourceAddress = s; break;
                case "nat-source-port": f.natSourcePort = Integer.parseInt(s); break;
                case "nat-destination-address": f.natDestinationAddress = s; break;
                case "nat-destination-port": f.natDestinationPort = Integer.parseInt(s); break;
                case "src-nat-rule-name": f.srcNatRuleName = s; break;
                case "dst-nat-rule-name": f.dstNatRuleName = s; break;
                case "protocol-id": f.protocolId = Integer.parseInt(s); break;
                case "policy-name": f.policyName = s; break;
                case "source-zone-name": f.sourceZoneName = s; break;
                case "destination-zone-name": f.destinationZoneName = s; break;
                case "session-id-32": f.sessionId32 = Long.parseLong(s); break;
                case "packets-from-client": f.packetsFromClient = Long.parseLong(s); break;
                case "bytes-from-client": f.bytesFromClient = Long.parseLong(s); break;
                case "packets-from-server": f.packetsFromServer = Long.parseLong(s); break;
                case "bytes-from-server": f.bytesFromServer = Long.parseLong(s); break;
                case "elapsed-time": f.elapsedTimeSeconds = Long.parseLong(s); break;
                case "username": f.username = s; break;
                case "roles": f.roles = s; break;
                case "encrypted": f.encrypted = s; break;
                case "profile-name": f.profileName = s; break;
                case "rule-name": f.ruleName = s; break;
                case "routing-instance": f.routingInstance = s; break;
                case "destination-interface-name": f.destinationInterfaceName = s; break;
                case "uplink-incoming-interface-name": f.uplinkIncomingInterfaceName = s; break;
                case "uplink-tx-bytes": f.uplinkTxBytes = Long.parseLong(s); break;
                case "uplink-rx-bytes": f.uplinkRxBytes = Long.parseLong(s); break;
                case "category": f.category = s; break;
                case "sub-category": f.subCategory = s; break;
                case "multipath-rule-name": f.multipathRuleName = s; break;
                case "source-l3vpn-vrf-group-name": f.sourceL3vpnVrfGroupName = s; break;
                case "destination-l3vpn-vrf-group-name": f.destinationL3vpnVrfGroupName = s; break;
                case "dscp-value": f.dscpValue = s; break;
                case "apbr-rule-type": f.apbrRuleType = s; break;
                case "apbr-policy-name": f.apbrPolicyName = s; break;
                case "webfilter-category": f.webfilterCategory = s; break;
                default: throw new AssertionError("sample field not in srx-log-format.md: " + e.getKey());
            }
        }
    }

    // ---- (4) _LS variants ----

    @Test
    void logicalSystemVariantHasLogicalSystemNameFirst() {
        SessionLogFields f = sampleHolder();
        f.logicalSystem = "LSYS1";
        List<Function<SessionLogFields, LogRecord>> all = List.of(builder::create, builder::volumeUpdate,
                builder::close, builder::routeUpdate);
        List<List<String>> orders = List.of(CREATE, VOL_UPDATE, CLOSE, ROUTE_UPDATE);
        for (int i = 0; i < all.size(); i++) {
            LogRecord r = all.get(i).apply(f);
            assertTrue(r.isLogicalSystemRecord());
            assertTrue(r.wireTag().endsWith("_LS"), r.wireTag());
            assertEquals("logical-system-name", r.name(0));
            assertEquals("LSYS1", r.value(0));
            assertEquals(orders.get(i), names(r).subList(1, r.fieldCount()));
        }
        String wire = new String(SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "bhavani"))
                .formatToArray(builder.create(f)), StandardCharsets.UTF_8);
        assertTrue(wire.contains(" RT_FLOW - APPTRACK_SESSION_CREATE_LS [junos@2636.1.1.1.2.129"
                + " logical-system-name=\"LSYS1\" source-address=\"10.0.0.1\" "), wire);

        f.logicalSystem = LogRecord.ROOT_LOGICAL_SYSTEM;
        LogRecord root = builder.create(f);
        assertFalse(root.isLogicalSystemRecord());
        assertEquals("APPTRACK_SESSION_CREATE", root.wireTag());
        assertEquals(CREATE, names(root));
    }

    // ---- (5) N/A defaults ----

    private static final Set<String> NUMERIC = Set.of("source-port", "destination-port", "nat-source-port",
            "nat-destination-port", "protocol-id", "session-id-32", "packets-from-client", "bytes-from-client",
            "packets-from-server", "bytes-from-server", "elapsed-time", "uplink-tx-bytes", "uplink-rx-bytes");

    @Test
    void absentValuesAreNotApplicable() {
        SessionLogFields f = new SessionLogFields();
        for (LogRecord r : List.of(builder.create(f), builder.volumeUpdate(f), builder.close(f),
                builder.routeUpdate(f))) {
            for (int i = 0; i < r.fieldCount(); i++) {
                String name = r.name(i);
                String expected = NUMERIC.contains(name) ? "0"
                        : name.equals("uplink-incoming-interface-name") ? "" : "N/A";
                assertEquals(expected, r.value(i), r.wireTag() + " " + name);
            }
        }
        assertEquals("AppTrack session closed N/A: N/A/0->N/A/0 N/A N/A N/A N/A/0->N/A/0 N/A N/A 0 N/A N/A N/A 0"
                + " 0(0) 0(0) 0 N/A N/A N/A N/A N/A N/A N/A  0 0 N/A N/A N/A N/A N/A N/A N/A",
                builder.close(f).body());
    }

    @Test
    void natDefaultsToOriginalAndResetRestoresDefaults() {
        SessionLogFields f = sampleHolder();
        f.natSourceAddress = null;
        f.natSourcePort = SessionLogFields.SAME_AS_ORIGINAL;
        LogRecord r = builder.create(f);
        assertEquals("10.0.0.1", r.value("nat-source-address"));
        assertEquals("40000", r.value("nat-source-port"));
        assertEquals("192.0.2.7", r.value("nat-destination-address"));

        f.reset();
        assertEquals(builder.close(new SessionLogFields()), builder.close(f));
        assertEquals(builder.create(new SessionLogFields()), builder.create(f));
    }

    @Test
    void valuesAreEscapedOnTheWire() {
        SessionLogFields f = sampleHolder();
        f.username = "ev\"il] x";
        String wire = new String(SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "fw"))
                .formatToArray(builder.create(f)), StandardCharsets.UTF_8);
        assertEquals("ev\"il] x", parseSdElement(wire).get("username"));
    }

    /** A filled holder: source NAT only, some tail fields left absent. */
    private static SessionLogFields sampleHolder() {
        SessionLogFields f = new SessionLogFields();
        f.sourceAddress = "10.0.0.1";
        f.sourcePort = 40000;
        f.destinationAddress = "192.0.2.7";
        f.destinationPort = 443;
        f.serviceName = "junos-https";
        f.application = "SSL";
        f.nestedApplication = "UNKNOWN";
        f.natSourceAddress = "198.51.100.1";
        f.natSourcePort = 1024;
        f.srcNatRuleName = "snat1";
        f.protocolId = 6;
        f.policyName = "p1";
        f.sourceZoneName = "trust";
        f.destinationZoneName = "untrust";
        f.sessionId32 = 77;
        f.packetsFromClient = 5;
        f.bytesFromClient = 392;
        f.packetsFromServer = 3;
        f.bytesFromServer = 646;
        f.elapsedTimeSeconds = 60;
        f.username = "alice";
        f.roles = "staff";
        f.encrypted = "Yes";
        f.destinationInterfaceName = "ge-0/0/1.0";
        f.category = "Web";
        f.closeReason = "TCP FIN";
        f.eventTimeMillis = Instant.parse("2020-05-07T16:27:40.111Z").toEpochMilli();
        return f;
    }
}
