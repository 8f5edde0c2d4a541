package org.apptrack.appqoe.onos.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.appqoe.impl.AppQoeManager;
import org.junit.jupiter.api.Test;

/** The bridge reads the PID ONOS's ComponentConfigManager writes for AppQoeManager: its class name. */
class AppQoeCfgPropertiesTest {

    @Test
    void bridgesThePidOnosWritesForTheManager() {
        assertEquals(AppQoeManager.class.getName(), AppQoeCfgProperties.PID);
    }
}
