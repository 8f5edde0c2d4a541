package org.apptrack.apptrack.appid.catalog;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Small catalog files for the loader and reload tests (JSON with single quotes for readability). */
final class TestCatalogs {

    static final String CATEGORIES = "'categories': {'Web': ['Social-Networking', 'Search'],"
            + " 'Infrastructure': ['Encryption', 'Networking'], 'Multimedia': ['Video-Streaming']}";

    static final String HTTP = "{'name': 'HTTP', 'category': 'Web', 'subCategory': 'N/A', 'risk': 'low',"
            + " 'role': 'application', 'defaultServices': ['tcp/80'], 'ndpiNames': ['HTTP']}";
    static final String SSL = "{'name': 'SSL', 'category': 'Infrastructure', 'subCategory': 'Encryption',"
            + " 'risk': 'low', 'role': 'application', 'defaultServices': ['tcp/443'], 'ndpiNames': ['TLS']}";
    static final String YOUTUBE = "{'name': 'YOUTUBE', 'category': 'Multimedia', 'subCategory': 'Video-Streaming',"
            + " 'risk': 'moderate', 'role': 'nested-application',"
            + " 'hostNames': ['youtube.com', '*.GoogleVideo.com', 'youtube.*'], 'ndpiNames': ['YouTube']}";
    static final String FACEBOOK = "{'name': 'FACEBOOK-ACCESS', 'category': 'Web', 'subCategory': 'Social-Networking',"
            + " 'risk': 'moderate', 'role': 'nested-application', 'hostNames': ['.facebook.com', 'fbcdn.net.'],"
            + " 'ndpiNames': ['Facebook']}";

    private TestCatalogs() {
    }

    /** A catalog file of version {@code version} with these application entries. */
    static String catalog(String version, String... entries) {
        return json("{'format': 1, 'version': '" + version + "', " + CATEGORIES + ", 'applications': ["
                + String.join(", ", entries) + "]}");
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
