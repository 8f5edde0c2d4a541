package org.apptrack.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.web.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The packaged document is valid OpenAPI 3.0, as swagger-parser (the reference parser of the
 * OpenAPI tools) reads it: no error, no warning, every {@code $ref} resolved.
 *
 * <p>swagger-parser needs a newer Jackson than ONOS's 2.11, which the bundle compiles and the other
 * tests run against. So it runs in a class loader of its own: the parser's jars from the test class
 * path and the Jackson it was built with, which the build copies to {@code target/openapi-validator}.
 */
class OpenApiValidationTest {

    private static final Path VALIDATOR_JACKSON = Paths.get("target", "openapi-validator");

    @Test
    void theDocumentIsValidOpenApi30() throws Exception {
        String document = Json.MAPPER.writeValueAsString(OpenApiResource.read());
        try (URLClassLoader parser = parserClassLoader()) {
            Class<?> parserType = parser.loadClass("io.swagger.v3.parser.OpenAPIV3Parser");
            Class<?> optionsType = parser.loadClass("io.swagger.v3.parser.core.models.ParseOptions");
            Object options = optionsType.getConstructor().newInstance();
            optionsType.getMethod("setResolve", boolean.class).invoke(options, true);
            Object result = parserType.getMethod("readContents", String.class, List.class, optionsType)
                    .invoke(parserType.getConstructor().newInstance(), document, null, options);
            Object messages = call(result, "getMessages");
            Object openApi = call(result, "getOpenAPI");
            assertNotNull(openApi, String.valueOf(messages));
            assertEquals(List.of(), messages);
            String version = (String) call(openApi, "getOpenapi");
            assertTrue(version.startsWith("3.0."), version);
            assertEquals(OpenApiDocumentTest.documentedOperations(OpenApiResource.read()).size(),
                    countOperations(call(openApi, "getPaths")), "the parser read every operation");
        }
    }

    /** The parser's jars (swagger, YAML) from the test class path, with the Jackson built for it. */
    private static URLClassLoader parserClassLoader() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String jar : List.of("jackson-core.jar", "jackson-databind.jar", "jackson-annotations.jar")) {
            Path p = VALIDATOR_JACKSON.resolve(jar);
            assertTrue(Files.isRegularFile(p), p + " (copied by the build: mvn generate-test-resources)");
            urls.add(p.toUri().toURL());
        }
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (name.startsWith("swagger-") || name.startsWith("snakeyaml") || name.startsWith("jackson-dataformat-yaml")
                    || name.startsWith("jackson-datatype-jsr310") || name.startsWith("commons-lang3")
                    || name.startsWith("commons-io") || name.startsWith("slf4j-")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    private static Object call(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }

    private static int countOperations(Object paths) throws Exception {
        int n = 0;
        for (Object item : ((java.util.Map<?, ?>) paths).values()) {
            n += ((List<?>) call(item, "readOperations")).size();
        }
        return n;
    }
}
