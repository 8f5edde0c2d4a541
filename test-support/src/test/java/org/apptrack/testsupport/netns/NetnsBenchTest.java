package org.apptrack.testsupport.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;
import org.junit.jupiter.api.Test;

/** The bench on this machine: both sides reach each other over IPv4 and IPv6; close leaves nothing. */
class NetnsBenchTest {

    private static final Duration PING = Duration.ofSeconds(20);

    @Test
    void twoNamespacesReachEachOtherAndCloseRemovesThem() throws Exception {
        requirePrerequisites();
        NetnsSettings settings = NetnsSettings.unique();
        try (NetnsBench bench = NetnsBench.create(settings)) {
            assertPings(bench);
            assertEquals(2, NetnsBench.existingNamespaces(settings).size());
        }
        assertEquals(List.of(), NetnsBench.existingNamespaces(settings));
    }

    @Test
    void theRootNamespaceAsSideA() throws Exception {
        requirePrerequisites();
        String iface;
        try (NetnsBench bench = NetnsBench.rootAndNamespace()) {
            iface = bench.a().iface();
            assertEquals(0, Commands.run(PING, "ip", "link", "show", iface).exit(), "A's end is in the root namespace");
            assertPings(bench);
        }
        assertNotEquals(0, Commands.run(PING, "ip", "link", "show", iface).exit(), "the veth pair is gone");
    }

    private static void requirePrerequisites() {
        Prerequisites.require("root, to create network namespaces", Host.isRoot());
        Prerequisites.requireCommands("ip", "ping");
    }

    private static void assertPings(NetnsBench bench) throws Exception {
        CommandResult v4 = bench.b().run(PING, "ping", "-4", "-c", "1", "-W", "5", bench.a().v4());
        assertEquals(0, v4.exit(), v4.output());
        CommandResult v6 = bench.a().run(PING, "ping", "-6", "-c", "1", "-W", "5", bench.b().v6());
        assertEquals(0, v6.exit(), v6.output());
    }
}
