package org.apptrack.capture.live;

import java.io.IOException;

/**
 * A live capture could not be opened or used. The message names the interface and says what is
 * wrong and, where there is one, what to do; {@link #reason()} classifies it for callers.
 */
public class LiveCaptureException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** libpcap (or JNA) is not installed or not loadable. */
        LIBRARY_MISSING,
        /** The interface does not exist. */
        NO_SUCH_DEVICE,
        /** The process lacks root / CAP_NET_RAW and CAP_NET_ADMIN. */
        PERMISSION_DENIED,
        /** The interface exists but is down. */
        INTERFACE_DOWN,
        /** The BPF filter expression does not compile or cannot be installed. */
        INVALID_FILTER,
        /** The interface's link-layer type cannot be converted to Ethernet. */
        UNSUPPORTED_LINK_TYPE,
        /** The operation is not possible on this capture (e.g. sending on "any"). */
        UNSUPPORTED_OPERATION,
        /** An argument is out of range. */
        INVALID_ARGUMENT,
        /** The capture was closed. */
        CLOSED,
        /** Any other libpcap error. */
        PCAP_ERROR
    }

    private final Reason reason;
    private final String interfaceName;

    public LiveCaptureException(Reason reason, String interfaceName, String message) {
        super(message);
        this.reason = reason;
        this.interfaceName = interfaceName;
    }

    public LiveCaptureException(Reason reason, String interfaceName, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.interfaceName = interfaceName;
    }

    /** The classification of the failure. */
    public Reason reason() {
        return reason;
    }

    /** The interface the capture was for. */
    public String interfaceName() {
        return interfaceName;
    }
}
