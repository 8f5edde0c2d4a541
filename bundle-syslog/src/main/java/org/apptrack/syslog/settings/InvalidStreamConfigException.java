package org.apptrack.syslog.settings;

/** A stream configuration was rejected; {@link #field()} names the property at fault. */
public final class InvalidStreamConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidStreamConfigException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public InvalidStreamConfigException(String field, String reason, Throwable cause) {
        super(field + ": " + reason, cause);
        this.field = field;
    }

    /** The configuration property that was rejected. */
    public String field() {
        return field;
    }
}
