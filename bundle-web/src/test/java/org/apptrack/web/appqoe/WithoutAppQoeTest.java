package org.apptrack.web.appqoe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The web bundle imports the AppQoE API optionally: without AppQoE installed the REST API starts,
 * its other resources answer, and the AppQoE resources are a 503, not a class loading error. The
 * API is run in a class loader over the test class path without the AppQoE bundle.
 */
class WithoutAppQoeTest {

    @Test
    void theApiRunsAndAppQoeIs503() throws Exception {
        List<URL> urls = new ArrayList<>();
        int removed = 0;
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            if (entry.contains("apptrack-appqoe") || entry.contains("bundle-appqoe")) {
                removed++;
                continue;
            }
            urls.add(new File(entry).toURI().toURL());
        }
        assertTrue(removed > 0, "the AppQoE bundle was on the test class path");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader withoutAppQoe = new URLClassLoader(urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("org.apptrack.appqoe.api.AppQoeService", false, withoutAppQoe));
            Thread.currentThread().setContextClassLoader(withoutAppQoe);
            @SuppressWarnings("unchecked")
            List<String> replies = (List<String>) Class.forName(WithoutAppQoe.class.getName(), true, withoutAppQoe)
                    .getMethod("get", List.class).invoke(null, List.of("v1/zones", "v1/appqoe/paths",
                            "v1/appqoe/switches?limit=5", "v1/appqoe/probes", "v1/appqoe/history?window=1h"));
            assertTrue(replies.get(0).startsWith("200 "), replies.get(0));
            for (String r : replies.subList(1, replies.size())) {
                assertTrue(r.startsWith("503 "), r);
                assertTrue(r.contains("AppQoE is not installed"), r);
                assertFalse(r.contains("NoClassDefFoundError"), r);
            }
            assertEquals(5, replies.size());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
