package org.apptrack.appqoe.select;

/** Why a path was chosen, with the {@code reason} text of APPQOE_APP_BEST_PATH_SELECTED. */
public enum SelectionReason {
    APP_DETECTED("app detected"),
    SLA_VIOLATED("sla violated"),
    SWITCH_TO_HIGHER_PRIORITY("switch to higher priority link"),
    SESSION_CLOSE("session close");

    private final String logText;

    SelectionReason(String logText) {
        this.logText = logText;
    }

    public String logText() {
        return logText;
    }

    @Override
    public String toString() {
        return logText;
    }
}
