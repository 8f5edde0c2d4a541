package org.apptrack.web.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The dashboard's files ({@code /onos/apptrack/ui/...}), from the bundle's {@code dashboard/}
 * folder: its pages and scripts and the charting library unpacked there at build time, so it
 * works without the Internet. web.xml puts it behind the same login as the REST resources.
 * The content security policy lets the page load nothing from elsewhere.
 */
public class DashboardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String ROOT = "dashboard/";
    /** Names only: letters, digits, dot, dash, underscore and slashes between them (no "..", no "//"). */
    private static final Pattern FILE = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json");
    static final String POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "frame-ancestors 'none'";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        String file = path.equals("/") ? "index.html" : path.substring(1);
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        URL url = FILE.matcher(file).matches() && type != null
                ? DashboardServlet.class.getClassLoader().getResource(ROOT + file) : null;
        if (url == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", POLICY);
        try (InputStream in = url.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
