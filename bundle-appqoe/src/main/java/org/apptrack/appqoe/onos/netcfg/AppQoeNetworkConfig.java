package org.apptrack.appqoe.onos.netcfg;

import java.util.Map;
import java.util.Set;
import org.apptrack.apptrack.onos.config.FlatKeys;
import org.apptrack.apptrack.onos.config.FlatKeysConfig;
import org.apptrack.apptrack.onos.config.JsonFlattener;
import org.apptrack.appqoe.config.AppQoeSettings;

/**
 * AppQoE's configuration as ONOS network configuration, under
 * {@code apps -> org.apptrack.apptrack -> appqoe}: the keys of {@code etc/org.apptrack.appqoe.cfg}
 * as nested objects ({@code pathGroup.G.path.P.interface} is
 * {@code {"pathGroup": {"G": {"path": {"P": {"interface": "eth1"}}}}}}), lists for the
 * comma-separated values; {@link AppQoeSettings} validates it. When present it replaces the
 * file's path groups, probes, profiles, SLA rules and APBR profiles; {@code enabled} and
 * {@code steering.*}, when given, win over the file's and cfg's.
 */
public final class AppQoeNetworkConfig extends FlatKeysConfig {

    public static final String KEY = "appqoe";
    /** The families of flat keys this configuration owns when present. */
    public static final Set<String> OWNED_PREFIXES = Set.of("pathGroup.", "activeProbe.", "metricsProfile.",
            "slaRule.", "apbrProfile.");

    @Override
    public FlatKeys flatKeys() {
        FlatKeys out = new FlatKeys(rootPath());
        JsonFlattener.flatten(node, "", rootPath(), out);
        return out;
    }

    @Override
    public void parse(Map<String, Object> properties) {
        AppQoeSettings.parse(properties);
    }
}
