package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** The port mapper's lookups of the NFS programs are the NFS client's first step. */
class OncRpcDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    /** A call to {@code program}, version, procedure, AUTH_UNIX credential of 20 bytes, no verifier. */
    private static Bytes call(long program, int version, int procedure) {
        return Bytes.of().u32(0x38434f69L).u32(0).u32(2).u32(program).u32(version).u32(procedure)
                .u32(1).u32(20).u32(0).u32(4).bytes(new byte[] {'h', 'o', 's', 't'}).u32(0).u32(0)
                .u32(0).u32(0);
    }

    @Test
    void rpcbindGetAddrAndPortmapGetPortOfMountd() {
        DissectorHarness v3 = DissectorHarness.udp(new OncRpcDissector(catalog), 111);
        assertEquals(IDENTIFIED, v3.client(call(100000, 3, 3).u32(100005).u32(3).u32(3)
                .bytes(new byte[] {'u', 'd', 'p', 0}).u32(0).u32(0).build()));
        assertEquals("NFS", catalog.application(v3.out.application()));
        assertEquals(IDENTIFIED, DissectorHarness.udp(new OncRpcDissector(catalog), 111).client(
                call(100000, 2, 3).u32(100003).u32(3).u32(17).u32(0).build()));
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new OncRpcDissector(catalog), 111).client(
                Bytes.of().u32(0x80000000L | 76).bytes(call(100000, 2, 3).u32(100003).u32(3).u32(6).u32(0).build())
                        .build()));
    }

    @Test
    void portMapperLookupsOfOtherProgramsAndOtherProceduresAreNotNfs() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new OncRpcDissector(catalog), 111).client(
                call(100000, 2, 3).u32(100007).u32(2).u32(17).u32(0).build()), "NIS's ypbind");
        assertEquals(NOT_THIS, DissectorHarness.udp(new OncRpcDissector(catalog), 111).client(
                call(100000, 2, 4).build()), "DUMP");
        assertEquals(NOT_THIS, DissectorHarness.udp(new OncRpcDissector(catalog), 111).client(
                call(100000, 2, 3).build()), "no arguments");
    }
}
