package org.apptrack.capture.live;

/**
 * Opens a live capture in a separate JVM (as another user, or with another libpcap path) and
 * prints the outcome: {@code OPENED <linktype>} (exit 0) or {@code FAILED <reason> <message>}
 * (exit 2).
 */
public final class CaptureProbe {

    private CaptureProbe() {
    }

    public static void main(String[] args) {
        try (LiveCapture capture = LiveCapture.open(args[0], 0, false, null, 0)) {
            System.out.println("OPENED " + capture.linkType());
        } catch (LiveCaptureException e) {
            System.out.println("FAILED " + e.reason() + " " + e.getMessage());
            System.exit(2);
        }
    }
}
