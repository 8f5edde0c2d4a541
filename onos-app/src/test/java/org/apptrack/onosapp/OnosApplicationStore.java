package org.apptrack.onosapp;

import java.nio.file.Path;
import org.onosproject.common.app.ApplicationArchive;

/** ONOS's application archive store with its apps/ directory under a given root (ONOS: ../apps of Karaf). */
final class OnosApplicationStore extends ApplicationArchive {

    OnosApplicationStore(Path root) {
        setRootPath(root.toString());
    }
}
