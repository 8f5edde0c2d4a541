package org.apptrack.apptrack.cli;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apptrack.apptrack.api.ApplicationIdentificationService;

/** As {@code show services application-identification counter}. */
@Service
@Command(scope = "apptrack", name = "appid-counters", description = "Shows the application identification counters")
public class AppIdCountersCommand implements Action {

    @Reference
    ApplicationIdentificationService appId;

    @Override
    public Object execute() {
        for (Map.Entry<String, Long> e : appId.identificationCounters().entrySet()) {
            System.out.printf("%-56s %,d%n", e.getKey(), e.getValue());
        }
        return null;
    }
}
