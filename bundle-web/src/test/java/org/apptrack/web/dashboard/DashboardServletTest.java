package org.apptrack.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class DashboardServletTest {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final HttpServletResponse response = mock(HttpServletResponse.class);

    @Test
    void theRootIsThePageWithAPolicyThatLoadsNothingFromElsewhere() throws Exception {
        get("/");
        verify(response).setContentType("text/html;charset=utf-8");
        verify(response).setHeader("Content-Security-Policy", DashboardServlet.POLICY);
        String page = body.toString(StandardCharsets.UTF_8);
        assertTrue(page.contains("<script type=\"module\" src=\"js/main.js\">"), page);
        assertTrue(!page.contains("http://") && !page.contains("https://"), "no remote asset: " + page);
    }

    @Test
    void theChartingLibraryIsPackagedAsAModule() throws Exception {
        get("/vendor/uplot/uPlot.esm.js");
        verify(response).setContentType("text/javascript;charset=utf-8");
        assertTrue(body.toString(StandardCharsets.UTF_8).contains("export { uPlot as default }"));
    }

    @Test
    void pathsOutsideTheFolderOrOfUnknownTypeAreNotFound() throws Exception {
        for (String path : new String[] {"/../WEB-INF/web.xml", "/js/../../WEB-INF/web.xml", "/missing.js",
                "//etc/passwd", "/js/main.class"}) {
            HttpServletResponse r = mock(HttpServletResponse.class);
            new DashboardServlet().doGet(request(path), r);
            verify(r).sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Test
    void withoutTheSlashItRedirectsToTheFolder() throws Exception {
        HttpServletRequest request = request(null);
        when(request.getContextPath()).thenReturn("/onos/apptrack");
        when(request.getServletPath()).thenReturn("/ui");
        new DashboardServlet().doGet(request, response);
        verify(response).sendRedirect("/onos/apptrack/ui/");
    }

    private void get(String path) throws Exception {
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        });
        new DashboardServlet().doGet(request(path), response);
        assertEquals(true, body.size() > 0, "a body for " + path);
    }

    private static HttpServletRequest request(String pathInfo) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getPathInfo()).thenReturn(pathInfo);
        return request;
    }
}
