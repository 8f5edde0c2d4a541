package org.apptrack.web.resource;

import javax.ws.rs.core.Configuration;
import javax.ws.rs.core.Context;
import org.onlab.osgi.ServiceDirectory;
import org.onlab.rest.BaseResource;

/**
 * A resource that answers from a product service. The service is looked up for each request, so
 * a service that is gone (its bundle stopped or not installed) is a 503, not a stale object.
 */
public abstract class ServiceResource extends BaseResource {

    /**
     * Application property: the {@link ServiceDirectory} resources look services up in (the
     * application sets it when it is given one: tests do).
     */
    public static final String SERVICES_PROPERTY = "org.apptrack.web.services";

    @Context
    private Configuration configuration;

    /**
     * The service, from the application's directory when it has one, else from the OSGi registry.
     *
     * @throws org.onlab.osgi.ServiceNotFoundException when there is none (mapped to 503)
     */
    @Override
    public <T> T get(Class<T> service) {
        Object directory = configuration == null ? null
                : configuration.getProperty(SERVICES_PROPERTY);
        return directory instanceof ServiceDirectory ? ((ServiceDirectory) directory).get(service) : super.get(service);
    }
}
