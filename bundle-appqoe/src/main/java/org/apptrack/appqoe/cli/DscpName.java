package org.apptrack.appqoe.cli;

/** DSCP code points with their Junos names (be, cs1..cs7, afXY, ef), as "ef (46)". */
final class DscpName {

    private DscpName() {
    }

    /** "ef (46)", "af41 (34)", "be (0)"; a code point without a name as its number alone. */
    static String of(int dscp) {
        String name = name(dscp);
        return name == null ? Integer.toString(dscp) : name + " (" + dscp + ")";
    }

    private static String name(int dscp) {
        if (dscp == 0) {
            return "be";
        }
        if (dscp == 46) {
            return "ef";
        }
        if (dscp > 0 && dscp < 64 && dscp % 8 == 0) {
            return "cs" + dscp / 8;
        }
        // AFxy = 8x + 2y, x 1..4, y 1..3
        int x = dscp / 8;
        int y = (dscp % 8) / 2;
        if (dscp % 2 == 0 && x >= 1 && x <= 4 && y >= 1 && y <= 3) {
            return "af" + x + y;
        }
        return null;
    }
}
