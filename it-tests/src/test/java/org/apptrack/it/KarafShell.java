package org.apptrack.it;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** Runs Karaf console commands inside the container, as an operator types them. */
final class KarafShell {

    private KarafShell() {
    }

    /** The command's output (standard output and error together). */
    static String execute(SessionFactory sessions, String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessions.create(InputStream.nullInputStream(), out, out);
        try {
            session.execute(command);
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The exception of a command that must fail. Karaf prints it as "Error executing command:
     * MESSAGE" on the console and {@code bin/client} exits non-zero; a command that only printed
     * its error would return normally here and fail the test.
     */
    static Exception failure(SessionFactory sessions, String command) throws Exception {
        String output;
        try {
            output = execute(sessions, command);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("'" + command + "' did not fail; it printed: " + output);
    }
}
