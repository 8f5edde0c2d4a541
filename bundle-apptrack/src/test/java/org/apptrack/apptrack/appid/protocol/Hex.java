package org.apptrack.apptrack.appid.protocol;

/** Payloads written as hexadecimal in tests (spaces allowed). */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        String s = hex.replace(" ", "");
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
