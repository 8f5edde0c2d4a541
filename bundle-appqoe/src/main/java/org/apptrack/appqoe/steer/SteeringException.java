package org.apptrack.appqoe.steer;

/** Steering could not be done; the message says what an operator has to fix. */
public class SteeringException extends Exception {

    private static final long serialVersionUID = 1L;

    public SteeringException(String message) {
        super(message);
    }

    public SteeringException(String message, Throwable cause) {
        super(message, cause);
    }
}
