package org.apptrack.appqoe.config;

import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apptrack.appqoe.select.Affinity;
import org.apptrack.appqoe.select.LinkPreference;
import org.apptrack.appqoe.sla.JitterType;
import org.apptrack.appqoe.sla.MatchMode;
import org.apptrack.appqoe.sla.MetricsProfile;
import org.apptrack.appqoe.sla.SlaRule;

/**
 * Reads AppQoE's configuration ({@code etc/org.apptrack.appqoe.cfg}, PID {@value #PID}) from
 * ConfigAdmin's flat properties: {@code enabled}, {@code steering.*} and the named objects
 * {@code pathGroup.G.*}, {@code activeProbe.PP.*}, {@code metricsProfile.M.*}, {@code slaRule.S.*},
 * {@code apbrProfile.A.*} (see {@link AppQoeConfigDefinition} and the example file). Parsing has
 * no side effects (no name lookups), so a caller can keep its previous configuration when it fails.
 */
public final class AppQoeSettings {

    public static final String PID = "org.apptrack.appqoe";

    static final String PATH_GROUP = "pathGroup";
    static final String ACTIVE_PROBE = "activeProbe";
    static final String METRICS_PROFILE = "metricsProfile";
    static final String SLA_RULE = "slaRule";
    static final String APBR_PROFILE = "apbrProfile";
    static final String STEERING = "steering";

    static final int MAX_GROUPS = 256;
    static final int MAX_PATHS_PER_GROUP = 64;
    static final int MAX_RULES_PER_PROFILE = 1024;

    private static final Set<String> FAMILIES = Set.of(PATH_GROUP, ACTIVE_PROBE, METRICS_PROFILE, SLA_RULE, APBR_PROFILE);
    private static final Set<String> METRICS_FIELDS = Set.of("rtt", "jitter", "jitterType", "loss", "match");

    private AppQoeSettings() {
    }

    /**
     * The configuration these properties describe.
     *
     * @throws IllegalArgumentException whose message starts with the full key at fault
     */
    public static AppQoeConfig parse(Map<String, ?> properties) {
        SortedMap<String, String> all = normalize(properties);
        SortedMap<String, String> steering = new TreeMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            String root = dot < 0 ? key : key.substring(0, dot);
            if (key.equals("enabled") || FAMILIES.contains(root) && dot > 0) {
                continue;
            }
            if (FAMILIES.contains(key) && e.getValue().isEmpty()) {
                continue; // the Metatype's description-only attributes, as a configuration editor saves them
            }
            if (root.equals(STEERING) && dot > 0) {
                steering.put(key.substring(dot + 1), e.getValue());
                continue;
            }
            throw new IllegalArgumentException(key + ": unknown key (known: enabled, pathGroup.G.*, activeProbe.PP.*,"
                    + " metricsProfile.M.*, slaRule.S.*, apbrProfile.A.*, steering.*)");
        }
        KeyedFields root = new KeyedFields("", all);
        boolean enabled = root.bool("enabled", false);

        Map<String, MetricsProfile> profiles = new LinkedHashMap<>();
        root.children(METRICS_PROFILE).forEach((name, f) -> profiles.put(name, metricsProfile(name, f)));
        Map<String, ActiveProbeConfig> probes = new LinkedHashMap<>();
        root.children(ACTIVE_PROBE).forEach((name, f) -> probes.put(name, ActiveProbeConfig.parse(name, f)));
        Map<String, DestinationGroupConfig> groups = new LinkedHashMap<>();
        SortedMap<String, KeyedFields> groupFields = root.children(PATH_GROUP);
        if (groupFields.size() > MAX_GROUPS) {
            throw new IllegalArgumentException(PATH_GROUP + ": at most " + MAX_GROUPS + " destination path groups");
        }
        int pathCount = 0;
        for (Map.Entry<String, KeyedFields> g : groupFields.entrySet()) {
            DestinationGroupConfig group = DestinationGroupConfig.parse(g.getKey(), g.getValue());
            if (group.paths().size() > MAX_PATHS_PER_GROUP) {
                throw g.getValue().error("path", "at most " + MAX_PATHS_PER_GROUP + " paths");
            }
            pathCount += group.paths().size();
            groups.put(group.name(), group);
        }
        Map<String, SlaRuleConfig> slaRules = new LinkedHashMap<>();
        root.children(SLA_RULE).forEach((name, f) -> slaRules.put(name, slaRule(name, f, profiles, probes)));
        Map<String, ApbrProfileConfig> apbr = new LinkedHashMap<>();
        Map<String, String> zoneOwner = new TreeMap<>();
        root.children(APBR_PROFILE).forEach((name, f) ->
                apbr.put(name, apbrProfile(name, f, groups, slaRules, zoneOwner)));
        SteeringConfig steer = SteeringConfig.parse(new KeyedFields(STEERING + ".", steering), pathCount);
        if (steer.actuator() == ActuatorKind.ONOS) {
            for (DestinationGroupConfig g : groups.values()) {
                for (PathConfig p : g.paths()) {
                    if (p.connectPoint() == null) {
                        throw new IllegalArgumentException(p.key("connectPoint")
                                + ": missing; steering.actuator onos steers through the path's ONOS egress connect point");
                    }
                }
            }
        }
        return new AppQoeConfig(enabled, groups, probes, profiles, slaRules, apbr, steer);
    }

    /** Text values by key; framework keys (service.pid, felix.fileinstall.filename, ...) left out. */
    private static SortedMap<String, String> normalize(Map<String, ?> properties) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            String key = e.getKey();
            if (key == null || e.getValue() == null || isFrameworkKey(key)) {
                continue;
            }
            out.put(key.trim(), text(e.getValue()));
        }
        return out;
    }

    static boolean isFrameworkKey(String key) {
        return key.startsWith("service.") || key.startsWith("felix.") || key.startsWith("component.")
                || key.startsWith("osgi.") || key.startsWith("org.apache.karaf.") || key.equals("objectClass");
    }

    /** Arrays and collections (Metatype cardinality, Karaf's typed config) become a comma-separated list. */
    private static String text(Object value) {
        if (value instanceof Collection) {
            List<String> items = new ArrayList<>();
            for (Object o : (Collection<?>) value) {
                items.add(String.valueOf(o).trim());
            }
            return String.join(", ", items);
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)).trim());
            }
            return String.join(", ", items);
        }
        return value.toString().trim();
    }

    private static MetricsProfile metricsProfile(String name, KeyedFields f) {
        f.allowOnly(METRICS_FIELDS, Set.of());
        long rtt = f.number("rtt", 0, 0, 60_000_000);
        long jitter = f.number("jitter", 0, 0, 60_000_000);
        double loss = f.decimal("loss", 0, 0, 100);
        String jitterName = f.choice("jitterType", "two-way", "two-way", "ingress-jitter", "egress-jitter");
        JitterType jitterType = jitterName.equals("two-way") ? JitterType.TWO_WAY
                : jitterName.equals("ingress-jitter") ? JitterType.INGRESS : JitterType.EGRESS;
        MatchMode match = MatchMode.valueOf(f.choice("match", "any", "any", "all").toUpperCase(Locale.ROOT));
        if (rtt == 0 && jitter == 0 && loss == 0) {
            throw f.error("rtt", "a metrics profile needs at least one target of rtt, jitter, loss");
        }
        return new MetricsProfile(name, rtt, jitter, jitterType, loss, match);
    }

    private static SlaRuleConfig slaRule(String name, KeyedFields f, Map<String, MetricsProfile> profiles,
                                         Map<String, ActiveProbeConfig> probes) {
        f.allowOnly(SlaRuleConfig.FIELDS, Set.of());
        String profileName = f.required("metricsProfile");
        MetricsProfile profile = profiles.get(profileName);
        if (profile == null) {
            throw f.error("metricsProfile", "no metrics profile \"" + profileName + "\"");
        }
        ActiveProbeConfig probe = null;
        if (f.has("activeProbeParams")) {
            probe = probes.get(f.text("activeProbeParams"));
            if (probe == null) {
                throw f.error("activeProbeParams", "no active probe parameters \"" + f.text("activeProbeParams") + "\"");
            }
        }
        int percentage = f.integer("passive.samplingPercentage", SlaRuleConfig.DEFAULT_SAMPLING_PERCENTAGE, 1, 100);
        Duration period = f.duration("passive.samplingPeriod",
                Duration.ofSeconds(SlaRuleConfig.DEFAULT_SAMPLING_PERIOD_SECONDS),
                Duration.ofSeconds(SlaRule.MIN_SAMPLING_PERIOD_SECONDS), Duration.ofSeconds(SlaRule.MAX_SAMPLING_PERIOD_SECONDS));
        if (period.toMillis() % 1000 != 0) {
            throw f.error("passive.samplingPeriod", "must be whole seconds, was " + f.text("passive.samplingPeriod"));
        }
        int violationCount = f.integer("passive.violationCount", SlaRuleConfig.DEFAULT_VIOLATION_COUNT,
                SlaRule.MIN_VIOLATION_COUNT, SlaRule.MAX_VIOLATION_COUNT);
        Duration idle = f.duration("switchIdleTime", SlaRuleConfig.DEFAULT_SWITCH_IDLE_TIME, Duration.ZERO,
                Duration.ofHours(1));
        int recovery = f.integer("recoveryPeriods", SlaRule.DEFAULT_RECOVERY_PERIODS, 1, 60);
        // A period must be able to hold violation-count probes, or the rule could never be violated.
        int minSamples = Math.max(10, violationCount);
        if (probe != null) {
            long perPeriod = period.toNanos() / probe.interval().toNanos() * probe.burstSize();
            if (perPeriod < violationCount) {
                throw f.error("passive.violationCount", "must be at most the " + perPeriod + " probes of activeProbe "
                        + probe.name() + " in a sampling period of " + Durations.format(period) + ", was " + violationCount);
            }
            minSamples = (int) Math.max(violationCount, Math.min(10, perPeriod));
        }
        SlaRule rule = new SlaRule(name, profile, (int) period.toSeconds(), violationCount, minSamples, recovery);
        return new SlaRuleConfig(rule, probe, percentage, idle);
    }

    private static ApbrProfileConfig apbrProfile(String name, KeyedFields f, Map<String, DestinationGroupConfig> groups,
                                                 Map<String, SlaRuleConfig> slaRules, Map<String, String> zoneOwner) {
        f.allowOnly(ApbrProfileConfig.FIELDS, Set.of("rule"));
        List<String> zones = f.list("zone");
        if (zones.isEmpty()) {
            throw f.error("zone", "missing; a profile applies to the sessions of its source zones");
        }
        for (String zone : zones) {
            if (!KeyedFields.NAME.matcher(zone).matches()) {
                throw f.error("zone", "not a zone name: '" + zone + "'");
            }
            String other = zoneOwner.putIfAbsent(zone, name);
            if (other != null) {
                throw f.error("zone", "zone " + zone + " already has apbrProfile " + other);
            }
        }
        SortedMap<String, KeyedFields> ruleFields = f.children("rule");
        if (ruleFields.isEmpty()) {
            throw f.error("rule", "a profile needs at least one rule (rule.R.destinationGroup)");
        }
        if (ruleFields.size() > MAX_RULES_PER_PROFILE) {
            throw f.error("rule", "at most " + MAX_RULES_PER_PROFILE + " rules");
        }
        List<ApbrRuleConfig> rules = new ArrayList<>();
        Map<Integer, String> orders = new TreeMap<>();
        for (Map.Entry<String, KeyedFields> r : ruleFields.entrySet()) {
            ApbrRuleConfig rule = apbrRule(name, r.getKey(), r.getValue(), groups, slaRules);
            if (rule.order() != Integer.MAX_VALUE) {
                String other = orders.putIfAbsent(rule.order(), rule.name());
                if (other != null) {
                    throw r.getValue().error("order", "rule " + other + " has order " + rule.order() + " too");
                }
            }
            rules.add(rule);
        }
        // stable sort: equal (absent) orders keep name order
        rules.sort(Comparator.comparingInt(ApbrRuleConfig::order));
        return new ApbrProfileConfig(name, zones, rules);
    }

    private static ApbrRuleConfig apbrRule(String profile, String name, KeyedFields f,
                                           Map<String, DestinationGroupConfig> groups, Map<String, SlaRuleConfig> slaRules) {
        f.allowOnly(ApbrRuleConfig.FIELDS, Set.of());
        int order = f.integer("order", Integer.MAX_VALUE, 1, 65535);
        ApbrMatch match = ApbrMatch.parse(f);
        String groupName = f.required("destinationGroup");
        DestinationGroupConfig group = groups.get(groupName);
        if (group == null) {
            throw f.error("destinationGroup", "no destination path group \"" + groupName + "\"");
        }
        SlaRuleConfig sla = null;
        if (f.has("slaRule")) {
            sla = slaRules.get(f.text("slaRule"));
            if (sla == null) {
                throw f.error("slaRule", "no SLA rule \"" + f.text("slaRule") + "\"");
            }
        }
        String tag = f.text("preferredLinkTag", "");
        if (!tag.isEmpty() && !group.hasLinkTag(tag)) {
            throw f.error("preferredLinkTag", "no path of destination path group " + groupName + " has link tag \""
                    + tag + "\"");
        }
        Affinity affinity = Affinity.valueOf(f.choice("affinity", "loose", "strict", "loose").toUpperCase(Locale.ROOT));
        if (affinity == Affinity.STRICT && tag.isEmpty()) {
            throw f.error("affinity", "strict needs a preferredLinkTag");
        }
        LinkPreference preference = tag.isEmpty() ? LinkPreference.NONE : new LinkPreference(tag, affinity);
        if (sla != null && sla.activeProbe() != null && sla.activeProbe().type() == ProbeType.STAMP) {
            for (PathConfig p : group.paths()) {
                String missing = p.reflector() == null ? "reflector" : p.sourceAddress() == null ? "sourceAddress" : null;
                if (missing != null) {
                    throw new IllegalArgumentException(p.key(missing) + ": missing; "
                            + f.prefix().substring(0, f.prefix().length() - 1) + " probes this path with STAMP (slaRule "
                            + sla.name() + ", activeProbe " + sla.activeProbe().name() + ")");
                }
            }
        }
        return new ApbrRuleConfig(profile, name, order, match, group, sla, preference);
    }
}
