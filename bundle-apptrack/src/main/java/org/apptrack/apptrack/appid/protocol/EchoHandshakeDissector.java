package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Game services over UDP whose handshake answer echoes the request, so that the pair, not one
 * datagram, is the signature:
 * <ul>
 * <li>Activision's game servers: a request starting {@code 0d02} (or {@code 0c02}) whose 16 bytes
 *     after those two come back in an answer starting with the other;</li>
 * <li>Epic Games' online services: a request of at least 34 bytes, its first word without flag
 *     {@code 0x08} and 24 zero bytes from byte 10, answered by the same first word with that flag.</li>
 * </ul>
 * The request claims the session; an answer that does not echo it ends the claim. Claiming on a
 * request alone is why this dissector is asked after all the others.
 */
public final class EchoHandshakeDissector implements Dissector {

    private static final int ACTIVISION_A = 0x0c02;
    private static final int ACTIVISION_B = 0x0d02;
    private static final int ACTIVISION_ECHOED = 16;
    private static final int EPIC_REQUEST = 34;
    private static final long EPIC_ANSWER_FLAG = 0x08;
    private static final int MAX_REQUESTS = 4;

    private static final int KIND = Payload.FIRST_STATE_WORD;
    private static final int FIRST = Payload.FIRST_STATE_WORD + 1;
    private static final int SECOND = Payload.FIRST_STATE_WORD + 2;
    private static final long KIND_ACTIVISION = 1;
    private static final long KIND_EPIC = 2;

    private final int activision;
    private final int epicGames;

    public EchoHandshakeDissector(IdentificationCatalog catalog) {
        this.activision = catalog.id("ACTIVISION");
        this.epicGames = catalog.id("EPICGAMES");
    }

    @Override
    public String name() {
        return "echo-handshake";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        long kind = p.state().word(KIND);
        if (kind == 0) {
            return request(p);
        }
        if (p.fromClient()) {
            // the request repeated while no answer came; more than a few: no handshake
            return p.index() < MAX_REQUESTS ? CLAIMED : NOT_THIS;
        }
        boolean echoed;
        boolean isActivision = (kind & 0xff) == KIND_ACTIVISION;
        if (isActivision) {
            int magic = p.u16(0);
            int sent = (int) (kind >>> 8);
            echoed = (magic == ACTIVISION_A || magic == ACTIVISION_B) && magic != sent
                    && p.length() >= 2 + ACTIVISION_ECHOED
                    && word(p, 2) == p.state().word(FIRST) && word(p, 10) == p.state().word(SECOND);
        } else {
            echoed = p.length() > 4 && p.u32(0) == (p.state().word(FIRST) | EPIC_ANSWER_FLAG);
        }
        if (!echoed) {
            return NOT_THIS;
        }
        out.application(isActivision ? activision : epicGames);
        return IDENTIFIED;
    }

    private static int request(Payload p) {
        if (!p.fromClient() || p.index() != 0) {
            return NOT_THIS;
        }
        int magic = p.u16(0);
        if ((magic == ACTIVISION_A || magic == ACTIVISION_B) && p.length() >= 2 + ACTIVISION_ECHOED) {
            p.state().word(KIND, KIND_ACTIVISION | (long) magic << 8);
            p.state().word(FIRST, word(p, 2));
            p.state().word(SECOND, word(p, 10));
            return CLAIMED;
        }
        long first = p.u32(0);
        if (p.length() >= EPIC_REQUEST && first != 0 && (first & EPIC_ANSWER_FLAG) == 0 && word(p, 10) == 0 && word(p, 18) == 0
                && word(p, 26) == 0) {
            p.state().word(KIND, KIND_EPIC);
            p.state().word(FIRST, first);
            return CLAIMED;
        }
        return NOT_THIS;
    }

    /** The 8 bytes at {@code at} as one value (the caller checked they fit). */
    private static long word(Payload p, int at) {
        return p.u32(at) << 32 | p.u32(at + 4);
    }
}
