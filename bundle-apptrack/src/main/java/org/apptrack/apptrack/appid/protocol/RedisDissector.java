package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Redis (RESP, its protocol specification): the client's command as an array of bulk strings,
 * {@code *N\r\n$L\r\n...}.
 */
public final class RedisDissector implements Dissector {

    private final int redis;

    public RedisDissector(IdentificationCatalog catalog) {
        this.redis = catalog.id("RESP");
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!p.fromClient() || p.u8(0) != '*') {
            return p.fromClient() ? NOT_THIS : MAYBE;
        }
        int end = p.lineEnd(1);
        long count = end < 0 ? -1 : p.decimal(1, end);
        if (count < 1 || count > 1024 || p.u8(end + 2) != '$') {
            return NOT_THIS;
        }
        int next = p.lineEnd(end + 3);
        long length = next < 0 ? -1 : p.decimal(end + 3, next);
        if (length < 1 || length > 1 << 20) {
            return NOT_THIS;
        }
        out.application(redis);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
