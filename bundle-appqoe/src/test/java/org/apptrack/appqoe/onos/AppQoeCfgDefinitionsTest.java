package org.apptrack.appqoe.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.apptrack.appqoe.config.AppQoeConfigDefinition;
import org.apptrack.appqoe.impl.AppQoeManager;
import org.apptrack.testsupport.onos.CfgDefinitions;
import org.junit.jupiter.api.Test;

/**
 * The properties ONOS's {@code cfg} shows for AppQoeManager ({@code AppQoeManager.cfgdef}) are the
 * metatype's, name, type and default; the named objects, which the metatype only describes, are
 * network configuration.
 */
class AppQoeCfgDefinitionsTest {

    private static final Set<String> DESCRIPTION_ONLY = Set.of("pathGroup", "activeProbe", "metricsProfile",
            "slaRule", "apbrProfile");

    @Test
    void cfgDefinitionsAreTheMetatypesAttributes() {
        assertEquals(CfgDefinitions.signaturesOf(AppQoeConfigDefinition.class, DESCRIPTION_ONLY),
                CfgDefinitions.signatures(CfgDefinitions.of(AppQoeManager.class)));
    }
}
