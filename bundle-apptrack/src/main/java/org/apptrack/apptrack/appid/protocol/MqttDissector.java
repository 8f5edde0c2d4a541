package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/** MQTT (3.1, 3.1.1, 5.0): the client's CONNECT packet, its remaining length and the protocol name {@code MQTT} or {@code MQIsdp}. */
public final class MqttDissector implements Dissector {

    private static final byte[] MQTT = Ascii.bytes("\u0000\u0004MQTT");
    private static final byte[] MQISDP = Ascii.bytes("\u0000\u0006MQIsdp");

    private final int mqtt;

    public MqttDissector(IdentificationCatalog catalog) {
        this.mqtt = catalog.id("MQTT");
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.u8(0) != 0x10) {
            return NOT_THIS;
        }
        int at = 1;
        int length = 0;
        for (int shift = 0; shift <= 21; shift += 7) {
            int b = p.u8(at++);
            if (b < 0) {
                return NOT_THIS;
            }
            length |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (at + length < p.length() || !(p.matches(at, MQTT) || p.matches(at, MQISDP))) {
            return NOT_THIS;
        }
        out.application(mqtt);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
