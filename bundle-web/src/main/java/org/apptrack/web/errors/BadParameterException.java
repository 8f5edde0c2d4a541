package org.apptrack.web.errors;

/** A request parameter (query or path) with a bad value: a 400 that names it. */
public class BadParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /** {@code message} starts with the parameter's name ("port: out of range 0..65535: 70000"). */
    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** A product API's refusal ({@link IllegalArgumentException} whose message starts with the name). */
    public BadParameterException(String parameter, IllegalArgumentException cause) {
        super(cause.getMessage(), cause);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
