package org.apptrack.appqoe.sla;

/** The {@code violation-reason} bitmask of APPQOE_*SLA_METRIC_VIOLATION logs. */
public final class ViolationReason {

    public static final int RTT = 1;
    public static final int JITTER = 2;
    public static final int LOSS = 4;

    private ViolationReason() {
    }

    /** E.g. "rtt+jitter" for 3, "none" for 0. */
    public static String describe(int mask) {
        if (mask == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        if ((mask & RTT) != 0) {
            sb.append("rtt");
        }
        if ((mask & JITTER) != 0) {
            sb.append(sb.length() > 0 ? "+" : "").append("jitter");
        }
        if ((mask & LOSS) != 0) {
            sb.append(sb.length() > 0 ? "+" : "").append("loss");
        }
        return sb.toString();
    }
}
