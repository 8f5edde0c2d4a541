package org.apptrack.web.appqoe;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.web.InMemoryApi;
import org.apptrack.web.InMemoryApi.Reply;
import org.apptrack.web.TestServices;

/**
 * Runs inside a class loader without the AppQoE API (as the web bundle is wired when AppQoE is
 * not installed): what the REST API answers there. Only JDK types cross the class loaders.
 */
public final class WithoutAppQoe {

    private WithoutAppQoe() {
    }

    /** "STATUS BODY" for each GET of {@code paths}, AppTrack's service present. */
    public static List<String> get(List<String> paths) throws Exception {
        AppTrackService appTrack = (AppTrackService) Proxy.newProxyInstance(WithoutAppQoe.class.getClassLoader(),
                new Class<?>[] {AppTrackService.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "zones":
                            return List.of();
                        case "enabled":
                            return true;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        List<String> out = new ArrayList<>();
        try (InMemoryApi api = new InMemoryApi(new TestServices().add(AppTrackService.class, appTrack))) {
            for (String path : paths) {
                Reply r = api.call("GET", path);
                out.add(r.status + " " + r.json);
            }
        }
        return out;
    }
}
