package org.apptrack.apptrack.appid;

/**
 * The call service behind a media session (STUN/TURN, DTLS, SRTP) to a service's published
 * addresses: a messenger's relays carry its calls (TELEGRAM's are TELEGRAMVOIP, WHATSAPP's
 * WHATSAPPCALL); a call service's own ranges name it (GOOGLECALL, ZOOM, MS-TEAMS). A range
 * shared by several services of one company (Facebook's, for WhatsApp and Messenger calls alike)
 * names none.
 */
final class CallApplications {

    private static final String[][] CALLS = {
        {"TELEGRAM", "TELEGRAMVOIP"},
        {"WHATSAPP", "WHATSAPPCALL"},
        {"GOOGLECALL", "GOOGLECALL"},
        {"ZOOM", "ZOOM"},
        {"MS-TEAMS", "MS-TEAMS"},
    };

    private final int[] service;
    private final int[] call;
    private final int[] media;

    CallApplications(IdentificationCatalog catalog) {
        service = new int[CALLS.length];
        call = new int[CALLS.length];
        for (int i = 0; i < CALLS.length; i++) {
            service[i] = catalog.id(CALLS[i][0]);
            call[i] = catalog.id(CALLS[i][1]);
        }
        media = new int[] {catalog.id("STUN"), catalog.id("DTLS"), catalog.id("SRTP")};
    }

    /** The call application of a media session to an address of {@code application}, or 0. */
    int callOf(int application) {
        for (int i = 0; i < service.length; i++) {
            if (application != 0 && service[i] == application) {
                return call[i];
            }
        }
        return 0;
    }

    /** Whether the application is a transport of real-time media that a call service runs over. */
    boolean media(int application) {
        for (int m : media) {
            if (m != 0 && m == application) {
                return true;
            }
        }
        return false;
    }
}
