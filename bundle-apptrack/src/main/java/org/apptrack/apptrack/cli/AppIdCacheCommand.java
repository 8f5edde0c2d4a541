package org.apptrack.apptrack.cli;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apptrack.apptrack.api.ApplicationCacheEntry;
import org.apptrack.apptrack.api.ApplicationIdentificationService;

/** As {@code show services application-identification application-system-cache} (and its clear). */
@Service
@Command(scope = "apptrack", name = "appid-cache", description = "Shows (or clears) the application system cache")
public class AppIdCacheCommand implements Action {

    @Reference
    ApplicationIdentificationService appId;

    @Option(name = "--clear", description = "Empties the cache")
    boolean clear;

    @Option(name = "--limit", description = "The most entries to show (default 100)")
    int limit = 100;

    @Override
    public Object execute() {
        if (clear) {
            appId.clearApplicationSystemCache();
            System.out.println("Application system cache cleared");
            return null;
        }
        System.out.printf("%-40s %6s %8s %-24s %-24s %8s%n", "Server", "Port", "Protocol", "Application",
                "Nested application", "Timeout");
        for (ApplicationCacheEntry e : appId.applicationSystemCache(Math.max(0, limit))) {
            System.out.printf("%-40s %6d %8d %-24s %-24s %8d%n", e.serverAddress(), e.serverPort(), e.protocol(),
                    e.application(), e.nestedApplication(), e.secondsLeft());
        }
        return null;
    }
}
