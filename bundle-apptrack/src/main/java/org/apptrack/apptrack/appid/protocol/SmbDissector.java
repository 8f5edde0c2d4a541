package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * SMB over TCP ([MS-SMB2] 2.1, [MS-CIFS] 2.1): a NetBIOS session message (type 0, its length
 * equal to the rest or more, for a message spanning segments) holding an SMB1 ({@code 0xFF SMB})
 * or SMB2/3 ({@code 0xFE SMB}, {@code 0xFD SMB} transform) header. The session is named by the
 * NetBIOS session service that frames it (as the naming table maps nDPI's {@code NetBIOS.SMBv1}),
 * the SMB dialect inside as its nested application.
 */
public final class SmbDissector implements Dissector {

    private static final long SMB1 = 0xff534d42L;
    private static final long SMB2 = 0xfe534d42L;
    private static final long SMB3_TRANSFORM = 0xfd534d42L;

    private final int netbios;
    private final int smb;
    private final int smb1;

    public SmbDissector(IdentificationCatalog catalog) {
        this.netbios = catalog.id("NETBIOS");
        this.smb = catalog.id("SMB");
        this.smb1 = catalog.id("SMBV1");
    }

    @Override
    public String name() {
        return "smb";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        long header = p.u32(4);
        if (p.u8(0) != 0 || p.u24(1) + 4 < p.length() && p.u24(1) + 4 != p.length()
                || !(header == SMB1 || header == SMB2 || header == SMB3_TRANSFORM)) {
            return NOT_THIS;
        }
        out.application(netbios);
        out.nested(header == SMB1 ? smb1 : smb);
        out.encrypted(header == SMB3_TRANSFORM);
        return IDENTIFIED;
    }
}
