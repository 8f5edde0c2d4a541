package org.apptrack.it;

import static org.apptrack.it.AppTrackIt.API;
import static org.apptrack.it.AppTrackIt.http;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The distribution serves the OpenAPI description of its REST API next to the resources, to the
 * same users: a reader (role viewer) gets it, nobody without credentials; and every read-only path
 * it describes is answered by the running API, not refused as unknown.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestOpenApiTest {

    private static final String DOCUMENT = API + "/openapi.json";
    private static final String VIEWER = "watcher:watcher-secret";

    @Configuration
    public Option[] config() throws Exception {
        return OptionUtils.combine(KarafDistribution.boot(KarafDistribution.freePort()),
                editConfigurationFilePut("etc/users.properties", "watcher", "watcher-secret,viewer"));
    }

    @Test
    public void aReaderGetsTheOpenApiDocument() throws Exception {
        AppTrackIt.Reply r = http(VIEWER, "GET", DOCUMENT);
        assertEquals(r.toString(), 200, r.status);
        assertTrue(r.toString(), r.json.path("openapi").asText().startsWith("3.0."));
        assertEquals("/onos/apptrack", r.json.path("servers").path(0).path("url").asText());
        assertTrue(r.json.path("paths").has("/v1/sessions"));
        assertTrue(r.json.path("paths").has("/v1/openapi.json"));
        assertEquals(r.json, http("GET", DOCUMENT).json);
    }

    @Test
    public void withoutCredentialsTheDocumentIs401() throws Exception {
        for (String credentials : new String[] {null, "karaf:wrong-password"}) {
            AppTrackIt.Reply r = http(credentials, "GET", DOCUMENT);
            assertEquals(r.toString(), 401, r.status);
            assertEquals(r.toString(), 401, r.json.path("code").asInt());
            assertTrue(r.toString(), r.authenticate != null
                    && r.authenticate.toLowerCase().startsWith("basic realm=\"karaf\""));
        }
    }

    /** Each GET the document describes without path parameters: answered (200, or 503 for a service not running). */
    @Test
    public void everyDescribedReadablePathIsServed() throws Exception {
        JsonNode document = AppTrackIt.get(DOCUMENT);
        String base = document.path("servers").path(0).path("url").asText();
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getValue().has("get") || path.getKey().contains("{")) {
                continue;
            }
            tried++;
            AppTrackIt.Reply r = http(VIEWER, "GET", base + path.getKey());
            if (r.status != 200 && r.status != 503) {
                wrong.add("GET " + path.getKey() + ": " + r);
            }
        }
        assertTrue("tried " + tried, tried >= 10);
        assertEquals(List.of(), wrong);
    }
}
