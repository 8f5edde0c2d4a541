package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * HP Virtual Machine Group management over TCP: the client's first message is type {@code 0x16},
 * its 16-bit length (the whole payload's) and a zero byte. A TLS handshake record also starts
 * with {@code 0x16}: TLS is asked first.
 */
public final class HpVirtGrpDissector implements Dissector {

    private static final int TYPE = 0x16;
    private static final int HEADER = 4;

    private final int hpVirtGrp;

    public HpVirtGrpDissector(IdentificationCatalog catalog) {
        this.hpVirtGrp = catalog.id("HP-VIRTGRP");
    }

    @Override
    public String name() {
        return "hp-virtgrp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!p.fromClient() || p.index() != 0 || p.length() <= HEADER || p.u8(0) != TYPE
                || p.u16(1) != p.length() || p.u8(3) != 0) {
            return NOT_THIS;
        }
        out.application(hpVirtGrp);
        return IDENTIFIED;
    }
}
