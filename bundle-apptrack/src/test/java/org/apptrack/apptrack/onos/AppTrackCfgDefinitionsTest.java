package org.apptrack.apptrack.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.apptrack.apptrack.config.AppTrackConfig;
import org.apptrack.apptrack.impl.AppTrackManager;
import org.apptrack.testsupport.onos.CfgDefinitions;
import org.junit.jupiter.api.Test;

/**
 * The properties ONOS's {@code cfg} shows for AppTrackManager ({@code AppTrackManager.cfgdef},
 * read by ONOS's registerProperties) are the metatype's, name, type and default, so the two
 * cannot drift apart.
 */
class AppTrackCfgDefinitionsTest {

    /** The metatype's attributes that stay in the node's file: they name this host. */
    private static final Set<String> FILE_ONLY = Set.of("managementEndpoints");

    @Test
    void cfgDefinitionsAreTheMetatypesAttributes() {
        assertEquals(CfgDefinitions.signaturesOf(AppTrackConfig.class, FILE_ONLY),
                CfgDefinitions.signatures(CfgDefinitions.of(AppTrackManager.class)));
    }
}
