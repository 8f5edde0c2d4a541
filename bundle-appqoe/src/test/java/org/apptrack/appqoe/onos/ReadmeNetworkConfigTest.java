package org.apptrack.appqoe.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apptrack.apptrack.onos.config.FlatKeysConfig;
import org.apptrack.apptrack.onos.netcfg.AppTrackNetworkConfig;
import org.apptrack.appqoe.onos.netcfg.AppQoeNetworkConfig;
import org.junit.jupiter.api.Test;
import org.onosproject.core.DefaultApplicationId;

/** The README's network configuration example is one ONOS accepts: both configurations pass {@code isValid}. */
class ReadmeNetworkConfigTest {

    @Test
    void theReadmesExampleIsValid() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("onos-netcfg NODE")) {
                start = i + 1;
            }
        }
        assertTrue(start > 0, "the README shows an onos-netcfg example");
        StringBuilder json = new StringBuilder();
        for (int i = start; !lines.get(i).trim().startsWith("```"); i++) {
            json.append(lines.get(i)).append('\n');
        }
        JsonNode app = new ObjectMapper().readTree(json.toString()).path("apps").path("org.apptrack.apptrack");
        assertEquals(List.of("apptrack", "appqoe"), List.of(app.fieldNames().next(), "appqoe"));
        check(new AppTrackNetworkConfig(), "apptrack", app.get("apptrack"));
        check(new AppQoeNetworkConfig(), "appqoe", app.get("appqoe"));
    }

    private static void check(FlatKeysConfig config, String key, JsonNode json) {
        config.init(new DefaultApplicationId(1, "org.apptrack.apptrack"), key, json, new ObjectMapper(), null);
        assertTrue(config.isValid(), key);
    }
}
