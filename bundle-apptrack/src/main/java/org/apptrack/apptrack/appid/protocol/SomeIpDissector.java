package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * SOME/IP, AUTOSAR's scalable service-oriented middleware over IP (and its service discovery,
 * service 0xffff): a 16-byte header (message id, a length that counts from the request id to the
 * end, request id, protocol version 1, interface version, message type, return code) per message;
 * the messages must tile the payload. Message types: request, request without return, notification, response, error,
 * each possibly with the transport-protocol (segmentation) flag.
 */
public final class SomeIpDissector implements Dissector {

    private static final int HEADER = 16;
    private static final int LENGTH_BASE = 8;
    private static final int PROTOCOL_VERSION = 1;
    private static final int TP_FLAG = 0x20;
    private static final int MAX_RETURN_CODE = 0x5e;
    private static final int MAX_MESSAGES = 32;

    private final int someIp;

    public SomeIpDissector(IdentificationCatalog catalog) {
        this.someIp = catalog.id("SOMEIP");
    }

    @Override
    public String name() {
        return "someip";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() < HEADER) {
            return NOT_THIS;
        }
        int at = 0;
        for (int m = 0; m < MAX_MESSAGES && at < p.length(); m++) {
            long length = p.u32(at + 4);
            if (length < LENGTH_BASE || !header(p, at)) {
                return NOT_THIS;
            }
            long next = at + LENGTH_BASE + length;
            if (next > p.length()) {
                return NOT_THIS;
            }
            at = (int) next;
        }
        if (at != p.length()) {
            return NOT_THIS;
        }
        out.application(someIp);
        out.encrypted(false);
        return IDENTIFIED;
    }

    private static boolean header(Payload p, int at) {
        if (p.u8(at + 12) != PROTOCOL_VERSION || p.u8(at + 15) > MAX_RETURN_CODE) {
            return false;
        }
        int type = p.u8(at + 14) & ~TP_FLAG;
        return type == 0x00 || type == 0x01 || type == 0x02 || type == 0x80 || type == 0x81;
    }
}
