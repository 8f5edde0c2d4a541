package org.apptrack.appqoe.probe;

/**
 * DSCP values and the IP_TOS byte that carries them (DSCP in the upper six bits, ECN zero); shared
 * by the probe transports.
 */
public final class Dscp {

    private Dscp() {
    }

    public static int check(String field, int dscp) {
        if (dscp < 0 || dscp > 63) {
            throw new IllegalArgumentException(field + " must be 0..63: " + dscp);
        }
        return dscp;
    }

    public static int toTos(int dscp) {
        return dscp << 2;
    }
}
