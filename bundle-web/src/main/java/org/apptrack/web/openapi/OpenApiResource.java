package org.apptrack.web.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.apptrack.web.json.Json;

/**
 * {@code GET /onos/apptrack/v1/openapi.json}: the OpenAPI 3.0 description of this REST API, behind
 * the same authentication and roles as the resources it describes.
 *
 * <p>The document is written by hand ({@code openapi.json} next to this class) rather than
 * generated: swagger-core's annotations and reader are libraries ONOS 2.7 does not ship, and this
 * bundle imports only what ONOS's runtime provides. {@code OpenApiDocumentTest} keeps it in step
 * with the resources the application registers (paths, methods, parameters) and validates it with
 * an OpenAPI parser.
 */
@Path("v1/openapi.json")
public class OpenApiResource {

    /** The document's class path resource, relative to this class. */
    public static final String DOCUMENT = "openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode document() {
        return Holder.DOCUMENT;
    }

    /** Read once, when first asked for; a copy per answer is not needed since nobody changes it. */
    private static final class Holder {
        static final ObjectNode DOCUMENT = read();
    }

    /** The document as packaged in the bundle. */
    public static ObjectNode read() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("the bundle has no " + DOCUMENT);
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
