package org.apptrack.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.Provider;
import org.apptrack.web.json.Json;

/**
 * Jersey answers OPTIONS by itself, in plain text ("HEAD, DELETE, GET, OPTIONS"); here it is JSON
 * like every other answer: {@code {"allow": ["DELETE", "GET", "HEAD", "OPTIONS"]}}, the Allow
 * header unchanged.
 */
@Provider
public class OptionsAsJson implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"OPTIONS".equals(request.getMethod()) || response.getStatus() != 200
                || MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        ObjectNode body = Json.object();
        ArrayNode allow = body.putArray("allow");
        Set<String> methods = new TreeSet<>(response.getAllowedMethods());
        methods.forEach(allow::add);
        response.setEntity(body, null, MediaType.APPLICATION_JSON_TYPE);
    }
}
