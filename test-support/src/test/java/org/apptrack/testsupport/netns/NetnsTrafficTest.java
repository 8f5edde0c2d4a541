package org.apptrack.testsupport.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetnsTrafficTest {

    @Test
    void envPrintsWhatTheShellReadsBackUnchanged() {
        assertEquals("fd00:99::1", NetnsTraffic.shellQuoted("fd00:99::1"));
        assertEquals("''", NetnsTraffic.shellQuoted(""));
        assertEquals("'a b'", NetnsTraffic.shellQuoted("a b"));
        assertEquals("'it'\\''s'", NetnsTraffic.shellQuoted("it's"));
    }

    @Test
    void settingsOfATestBenchAreFreshAndFitInterfaceNames() {
        NetnsSettings one = NetnsSettings.unique();
        NetnsSettings two = NetnsSettings.unique();
        assertNotEquals(one.namespaceB(), two.namespaceB());
        assertTrue(one.vethA().length() <= 15 && one.vethB().length() <= 15, one.vethA());
        assertNull(NetnsSettings.defaults().rootA().namespaceA());
        assertEquals("at-a", NetnsSettings.defaults().namespaceA());
    }
}
