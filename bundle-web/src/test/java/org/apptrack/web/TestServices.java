package org.apptrack.web;

import java.util.HashMap;
import java.util.Map;
import org.onlab.osgi.ServiceDirectory;
import org.onlab.osgi.ServiceNotFoundException;

/** A service directory over a map, for the resources outside OSGi; a missing service fails as in OSGi. */
public final class TestServices implements ServiceDirectory {

    private final Map<Class<?>, Object> services = new HashMap<>();

    public <T> TestServices add(Class<T> type, T service) {
        services.put(type, service);
        return this;
    }

    @Override
    public <T> T get(Class<T> type) {
        Object s = services.get(type);
        if (s == null) {
            throw new ServiceNotFoundException("Service " + type.getName() + " not found");
        }
        return type.cast(s);
    }
}
