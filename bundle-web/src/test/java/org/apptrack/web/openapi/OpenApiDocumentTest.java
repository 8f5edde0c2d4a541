package org.apptrack.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import org.apptrack.apptrack.api.Dimension;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionOrder;
import org.apptrack.web.AppTrackWebApplication;
import org.apptrack.web.InMemoryApi;
import org.apptrack.web.TestServices;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes exactly the resources the application registers: every path and
 * method, no more, with the same path and query parameters, and the values the code accepts where
 * it lists them; and the resource serves it, to the same users as the rest of the API. That it is
 * valid OpenAPI is {@link OpenApiValidationTest}'s.
 */
class OpenApiDocumentTest {

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    private final ObjectNode document = OpenApiResource.read();

    @Test
    void everyRegisteredOperationIsDocumentedAndNothingElse() {
        Map<String, Set<String>> registered = registeredOperations();
        Map<String, Set<String>> documented = documentedOperations(document);
        assertTrue(registered.size() > 10, "found the resources: " + registered.keySet());

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : registered.entrySet()) {
            Set<String> params = documented.get(e.getKey());
            if (params == null) {
                problems.add(e.getKey() + ": registered but not in openapi.json");
            } else if (!params.equals(e.getValue())) {
                problems.add(e.getKey() + ": parameters " + e.getValue() + " in the code, " + params + " in openapi.json");
            }
        }
        for (String op : documented.keySet()) {
            if (!registered.containsKey(op)) {
                problems.add(op + ": in openapi.json but no resource answers it");
            }
        }
        if (!problems.isEmpty()) {
            fail("openapi.json is out of step with the resources:\n  " + String.join("\n  ", problems));
        }
    }

    /** The filters and the role check answer for every resource: each operation says so. */
    @Test
    void everyOperationDocumentsTheRefusalsEveryResourceCanAnswer() {
        forEachOperation(document, (key, operation) -> {
            for (String code : List.of("400", "401", "403")) {
                assertTrue(operation.path("responses").has(code), key + " documents " + code);
            }
        });
    }

    @Test
    void theSessionSchemaHasEverySessionAttributeWithItsType() {
        JsonNode properties = schema("Session").path("properties");
        Map<String, String> documented = new TreeMap<>();
        properties.fields().forEachRemaining(f -> documented.put(f.getKey(), f.getValue().path("type").asText()));
        Map<String, String> attributes = new TreeMap<>();
        for (SessionAttribute a : SessionAttribute.values()) {
            attributes.put(a.key(), a.isNumeric() ? "integer" : "string");
        }
        assertEquals(attributes, documented);
    }

    @Test
    void theSortParameterListsEverySessionOrder() {
        JsonNode sort = parameter(document.path("paths").path("/v1/sessions").path("get"), "sort");
        Set<String> documented = new TreeSet<>();
        sort.path("schema").path("enum").forEach(v -> documented.add(v.asText()));
        Set<String> orders = Arrays.stream(SessionOrder.values()).map(SessionOrder::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(orders, documented);
    }

    @Test
    void theDashboardTopParameterAndSchemaListEveryDimension() {
        Set<String> dimensions = Arrays.stream(Dimension.values()).map(Dimension::key)
                .collect(Collectors.toCollection(TreeSet::new));
        JsonNode by = parameter(document.path("paths").path("/v1/dashboard/top").path("get"), "by");
        Set<String> documented = new TreeSet<>();
        by.path("schema").path("enum").forEach(v -> documented.add(v.asText()));
        assertEquals(dimensions, documented);
        Set<String> inSchema = new TreeSet<>();
        schema("DashboardTop").path("properties").path("by").path("enum").forEach(v -> inSchema.add(v.asText()));
        assertEquals(dimensions, inSchema);
    }

    @Test
    void theApiServesTheDocumentToItsReadersOnly() throws Exception {
        try (InMemoryApi api = new InMemoryApi(new TestServices())) {
            InMemoryApi.Reply read = api.call(InMemoryApi.VIEWER, "GET", "v1/openapi.json");
            assertEquals(200, read.status, read.toString());
            assertEquals("application/json", read.contentType);
            assertEquals(document, read.json);
            assertEquals(401, api.call(null, "GET", "v1/openapi.json").status);
            assertEquals(403, api.call("guest:ssh", "GET", "v1/openapi.json").status);
            assertEquals(400, api.call("GET", "v1/openapi.json?format=yaml").status);
        }
    }

    /**
     * "METHOD /path" of every resource method the application registers, with its parameters
     * ("path:NAME", "query:NAME"), from the JAX-RS annotations as Jersey reads them.
     */
    static Map<String, Set<String>> registeredOperations() {
        Map<String, Set<String>> operations = new TreeMap<>();
        for (Class<?> type : new AppTrackWebApplication().getClasses()) {
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue; // a filter, mapper or writer
            }
            for (Method m : type.getMethods()) {
                String httpMethod = httpMethod(m);
                Path sub = m.getAnnotation(Path.class);
                if (httpMethod == null) {
                    if (sub != null) {
                        fail(type.getSimpleName() + "." + m.getName() + ": a sub-resource locator, which this test cannot follow");
                    }
                    continue;
                }
                String path = normalize(base.value() + (sub == null ? "" : "/" + sub.value()));
                operations.put(httpMethod + " " + path, parameters(m));
            }
        }
        return operations;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    private static Set<String> parameters(Method m) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : m.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a instanceof PathParam) {
                    names.add("path:" + ((PathParam) a).value());
                } else if (a instanceof QueryParam) {
                    names.add("query:" + ((QueryParam) a).value());
                }
            }
        }
        return names;
    }

    /** "/a/{id}" from "a//{id: [0-9]+}/": one leading slash, no trailing one, templates without their regex. */
    static String normalize(String path) {
        String p = ("/" + path).replaceAll("/+", "/").replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** "METHOD /path" of every operation of the document, with its parameters (path-level ones too). */
    static Map<String, Set<String>> documentedOperations(ObjectNode document) {
        Map<String, Set<String>> operations = new TreeMap<>();
        forEachOperation(document, (key, operation) -> {
            String path = key.substring(key.indexOf(' ') + 1);
            Set<String> names = new TreeSet<>();
            for (JsonNode p : document.path("paths").path(path).path("parameters")) {
                names.add(describe(document, p));
            }
            for (JsonNode p : operation.path("parameters")) {
                names.add(describe(document, p));
            }
            operations.put(key, names);
        });
        return operations;
    }

    private interface OperationVisitor {
        void visit(String key, JsonNode operation);
    }

    private static void forEachOperation(ObjectNode document, OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (OPERATIONS.contains(op.getKey())) {
                    visitor.visit(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
                }
            }
        }
    }

    private static String describe(ObjectNode document, JsonNode parameter) {
        JsonNode p = resolve(document, parameter);
        return p.path("in").asText() + ":" + p.path("name").asText();
    }

    private static JsonNode resolve(ObjectNode document, JsonNode node) {
        String ref = node.path("$ref").asText(null);
        return ref == null ? node : document.at(ref.substring(1));
    }

    private JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode p : operation.path("parameters")) {
            JsonNode resolved = resolve(document, p);
            if (name.equals(resolved.path("name").asText())) {
                return resolved;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    private JsonNode schema(String name) {
        JsonNode s = document.path("components").path("schemas").path(name);
        assertTrue(s.isObject(), "schema " + name);
        return s;
    }
}
