package org.apptrack.apptrack.cli;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apptrack.apptrack.api.ApplicationIdentificationService;

/**
 * The application catalog in force, and its reload without a restart (the file's errors are
 * shown and the catalog in force stays).
 */
@Service
@Command(scope = "apptrack", name = "appid-catalog",
        description = "Shows the application catalog's version, or reloads it (from a file, or the bundled one)")
public class AppIdCatalogCommand implements Action {

    @Reference
    ApplicationIdentificationService appId;

    @Option(name = "--reload", description = "Loads the catalog again: the bundled one, or --file")
    boolean reload;

    @Option(name = "--file", description = "A catalog file (JSON, the bundled file's format) to load with --reload")
    String file;

    @Override
    public Object execute() {
        if (file != null && !reload) {
            throw new IllegalArgumentException("--file needs --reload");
        }
        if (reload) {
            System.out.println(appId.reloadCatalog(file));
        } else {
            System.out.println("Application catalog " + appId.catalogVersion());
        }
        return null;
    }
}
