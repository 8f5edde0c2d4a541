package org.apptrack.web.access;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.ext.Provider;
import org.apptrack.web.errors.BadParameterException;

/**
 * Every resource refuses a query parameter it does not take, and one given twice, the same way:
 * 400 naming it. A misspelt filter ({@code protcol=tcp}) must not widen a listing or a clear to
 * every session. What a method takes is what its {@code @QueryParam}s name.
 */
@Provider
@Priority(Priorities.USER)
public class QueryParameterFilter implements ContainerRequestFilter {

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<String> known = queryParameters(method);
        for (Map.Entry<String, List<String>> p : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = p.getKey();
            if (!known.contains(name)) {
                throw new BadParameterException(name, name + ": unknown parameter ("
                        + (known.isEmpty() ? "this resource takes none" : String.join(", ", known)) + ")");
            }
            if (p.getValue().size() > 1) {
                throw new BadParameterException(name, name + ": given more than once");
            }
        }
    }

    /** The names of the method's {@code @QueryParam}s, in the order it declares them. */
    static List<String> queryParameters(Method method) {
        List<String> names = new ArrayList<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam) {
                    names.add(((QueryParam) a).value());
                }
            }
        }
        return names;
    }
}
