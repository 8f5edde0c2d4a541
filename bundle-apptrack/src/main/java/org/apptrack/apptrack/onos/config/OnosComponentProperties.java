package org.apptrack.apptrack.onos.config;

import java.util.Map;

/**
 * A component whose properties can be set with ONOS's {@code cfg}. ONOS keeps them in the
 * ConfigAdmin configuration named after the component's class, while the component reads its
 * own PID (the file); a small bridge component bound to the class-named PID hands them over.
 */
public interface OnosComponentProperties {

    /** The properties ONOS's cfg holds for the component; empty when there are none. */
    void componentProperties(Map<String, ?> properties);
}
