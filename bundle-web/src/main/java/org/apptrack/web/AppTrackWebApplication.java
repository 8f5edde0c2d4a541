package org.apptrack.web;

import java.util.Map;
import java.util.Set;
import org.apptrack.web.access.QueryParameterFilter;
import org.apptrack.web.access.RoleFilter;
import org.apptrack.web.appid.ApplicationIdentificationResource;
import org.apptrack.web.appqoe.AppQoeResource;
import org.apptrack.web.apptrack.CountersResource;
import org.apptrack.web.apptrack.OffloadResource;
import org.apptrack.web.apptrack.SessionsResource;
import org.apptrack.web.apptrack.ZonesResource;
import org.apptrack.web.dashboard.DashboardResource;
import org.apptrack.web.errors.BadParameterMapper;
import org.apptrack.web.errors.ServerErrorMapper;
import org.apptrack.web.errors.ServiceUnavailableMapper;
import org.apptrack.web.errors.WebApplicationExceptionMapper;
import org.apptrack.web.openapi.OpenApiResource;
import org.apptrack.web.resource.ServiceResource;
import org.apptrack.web.syslog.LogRecordsResource;
import org.apptrack.web.syslog.LogStreamsResource;
import org.onlab.osgi.ServiceDirectory;
import org.onlab.rest.AbstractWebApplication;
import org.onlab.rest.JsonBodyWriter;

/**
 * The AppTrack REST API, as ONOS apps declare theirs: web.xml names this class as Jersey's
 * {@code javax.ws.rs.Application}, and every path is below the bundle's {@code Web-ContextPath}
 * ({@code /onos/apptrack/v1/...}).
 *
 * <p>It lists its own filters and exception mappers instead of {@code AbstractWebApplication}'s:
 * ONOS's authorization filter refuses reading to a user with role admin but not viewer, and its
 * mappers leave the content type of an error to content negotiation, where every answer here is
 * JSON.
 */
public class AppTrackWebApplication extends AbstractWebApplication {

    /** Jersey's WADL answers OPTIONS and application.wadl in XML (and needs JAXB, absent on Java 11+). */
    private static final String DISABLE_WADL = "jersey.config.server.wadl.disableWadl";

    private final ServiceDirectory services;

    /** For the servlet container: services from the OSGi service registry. */
    public AppTrackWebApplication() {
        this(null);
    }

    /** With the services of {@code services} (null: the OSGi service registry), for the resources. */
    public AppTrackWebApplication(ServiceDirectory services) {
        this.services = services;
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                CountersResource.class, ApplicationIdentificationResource.class, SessionsResource.class, ZonesResource.class, OffloadResource.class,
                LogStreamsResource.class,
                LogRecordsResource.class,
                AppQoeResource.class, DashboardResource.class,
                OpenApiResource.class,
                RoleFilter.class, QueryParameterFilter.class, OptionsAsJson.class,
                WebApplicationExceptionMapper.class, BadParameterMapper.class, ServiceUnavailableMapper.class,
                ServerErrorMapper.class, JsonBodyWriter.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return services == null ? Map.of(DISABLE_WADL, true) : Map.of(DISABLE_WADL, true, ServiceResource.SERVICES_PROPERTY, services);
    }
}
