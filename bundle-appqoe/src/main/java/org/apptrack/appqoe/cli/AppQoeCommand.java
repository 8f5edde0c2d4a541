package org.apptrack.appqoe.cli;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apptrack.appqoe.api.AppQoeService;

/** An AppQoE command: the service it reads, and the state lines that qualify what it shows. */
abstract class AppQoeCommand implements Action {

    @Reference
    AppQoeService appQoe;

    /** Narrowed from {@link Action}: a refusal is an unchecked exception with the reason. */
    @Override
    public abstract Object execute();

    /** Says so when AppQoE is not enabled; whether it is. */
    boolean printEnabled(PrintStream out) {
        String refused = appQoe.configurationError();
        if (refused != null && !refused.isEmpty()) {
            out.println("Configuration refused, the previous one stays in force: " + refused);
        }
        if (!appQoe.enabled()) {
            out.println("AppQoE is not enabled: no path is probed, no application steered.");
        }
        return appQoe.enabled();
    }

    /**
     * Whether AppQoE runs and whether its decisions move traffic: without an actuator the
     * console would otherwise suggest that the paths shown are the paths sessions take.
     */
    void printState(PrintStream out) {
        if (!printEnabled(out)) {
            return;
        }
        if (!appQoe.steering()) {
            out.println("Decisions are logged, not applied: actuator " + appQoe.actuator());
        }
        String error = appQoe.actuatorError();
        if (error != null && !error.isEmpty()) {
            out.println("Actuator " + appQoe.actuator() + " error: " + error);
        }
    }
}
