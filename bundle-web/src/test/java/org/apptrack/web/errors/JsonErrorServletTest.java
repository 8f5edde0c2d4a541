package org.apptrack.web.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import javax.servlet.RequestDispatcher;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apptrack.web.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonErrorServletTest {

    @ParameterizedTest
    @CsvSource({
        "401, '', authentication required: HTTP BASIC with a user of the Karaf realm karaf",
        "403, '', 'forbidden: reading needs role viewer or admin, changing needs role admin'",
        "404, '', unknown resource",
        "500, 'Request failed.', 'Request failed.'",
        "503, '', HTTP 503",
        "-1, '', unknown resource",
    })
    void theContainersErrorsAreJson(int status, String containerMessage, String message) throws Exception {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)).thenReturn(status < 0 ? null : status);
        when(req.getAttribute(RequestDispatcher.ERROR_MESSAGE)).thenReturn(containerMessage);
        HttpServletResponse resp = mock(HttpServletResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(resp.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        });
        new JsonErrorServlet().service(req, resp);
        int expected = status < 0 ? 404 : status; // asked for directly: no such resource
        verify(resp).setStatus(expected);
        verify(resp).setContentType("application/json");
        JsonNode json = Json.MAPPER.readTree(body.toByteArray());
        assertEquals(expected, json.path("code").asInt());
        assertEquals(message, json.path("message").asText());
    }
}
