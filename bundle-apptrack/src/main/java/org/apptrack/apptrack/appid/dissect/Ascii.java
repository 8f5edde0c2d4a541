package org.apptrack.apptrack.appid.dissect;

import java.nio.charset.StandardCharsets;

/** ASCII constants for dissectors' signatures. */
public final class Ascii {

    private Ascii() {
    }

    public static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
