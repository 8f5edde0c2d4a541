package org.apptrack.apptrack.rest;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.mockito.ArgumentCaptor;

/** One request to a servlet, with Mockito's request and response, and the JSON it answered. */
final class HttpExchange {

    final HttpServletRequest request = mock(HttpServletRequest.class);
    final HttpServletResponse response = mock(HttpServletResponse.class);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** {@code pathInfo} is what follows the servlet's pattern (null for none); params as name, value pairs. */
    HttpExchange(String pathInfo, String... params) throws IOException {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.merge(params[i], new String[] {params[i + 1]}, (a, b) -> {
                String[] both = java.util.Arrays.copyOf(a, a.length + 1);
                both[a.length] = b[0];
                return both;
            });
        }
        when(request.getPathInfo()).thenReturn(pathInfo);
        when(request.getParameterMap()).thenReturn(map);
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
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
    }

    int status() {
        ArgumentCaptor<Integer> status = ArgumentCaptor.forClass(Integer.class);
        verify(response).setStatus(status.capture());
        return status.getValue();
    }

    JsonNode json() throws IOException {
        verify(response).setContentType("application/json");
        return new ObjectMapper().readTree(body.toByteArray());
    }
}
