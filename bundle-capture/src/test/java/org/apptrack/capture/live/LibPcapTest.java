package org.apptrack.capture.live;

import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.apptrack.testsupport.process.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading libpcap, and the error when it is missing (no root needed). */
class LibPcapTest {

    @Test
    void missingLibraryTellsHowToInstallIt() {
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class,
                () -> LibPcap.loadLibrary(List.of("apptrack-no-such-pcap", "/nonexistent/libpcap.so.0.8")));
        assertTrue(e.getMessage().contains("apt-get install libpcap0.8"), e.getMessage());
        assertTrue(e.getMessage().contains("apptrack-no-such-pcap"), e.getMessage());
        assertTrue(e.getMessage().contains("/nonexistent/libpcap.so.0.8"), e.getMessage());
    }

    @Test
    void openWithoutLibpcapFailsWithInstallHint(@TempDir Path dir) throws Exception {
        CommandResult r = ChildJvm.runProbe(dir, List.of(),
                List.of("-D" + LibPcap.LIBRARY_PROPERTY + "=/nonexistent/libpcap.so.0.8"), "lo");
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("FAILED LIBRARY_MISSING cannot capture on interface 'lo': libpcap is not"),
                r.output());
        assertTrue(r.output().contains("apt-get install libpcap0.8"), r.output());
    }

    @Test
    void loadsDebianRuntimeLibrary() {
        Prerequisites.require("libpcap (apt-get install libpcap0.8)", Host.hasLibpcap());
        assertTrue(LibPcap.pcap_lib_version().startsWith("libpcap version "), LibPcap.pcap_lib_version());
        assertTrue(LibPcap.loadedFrom().contains("libpcap"), LibPcap.loadedFrom());
        assertTrue(LibPcap.V15.available, "libpcap >= 1.5");
        assertEquals("No such device exists", LibPcap.pcap_statustostr(LibPcap.PCAP_ERROR_NO_SUCH_DEVICE));
    }
}
