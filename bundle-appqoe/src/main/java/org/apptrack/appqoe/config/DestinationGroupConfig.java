package org.apptrack.appqoe.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apptrack.appqoe.select.Path;

/** Junos {@code destination-path-group}: the paths (uplinks) one destination is reached over, in path name order. */
public final class DestinationGroupConfig {

    static final Set<String> FIELDS = Set.of("routingInstance");
    static final String DEFAULT_ROUTING_INSTANCE = "default";

    private final String name;
    private final String routingInstance;
    private final List<PathConfig> paths;
    private final List<Path> selectorPaths;

    private DestinationGroupConfig(String name, String routingInstance, List<PathConfig> paths) {
        this.name = name;
        this.routingInstance = routingInstance;
        this.paths = paths;
        List<Path> p = new ArrayList<>();
        for (PathConfig c : paths) {
            p.add(c.path());
        }
        this.selectorPaths = Collections.unmodifiableList(p);
    }

    static DestinationGroupConfig parse(String name, KeyedFields f) {
        f.allowOnly(FIELDS, Set.of("path"));
        String ri = f.text("routingInstance", DEFAULT_ROUTING_INSTANCE);
        if (!KeyedFields.NAME.matcher(ri).matches()) {
            throw f.error("routingInstance", "must be 1-63 letters, digits, '-' or '_', was '" + ri + "'");
        }
        List<PathConfig> paths = new ArrayList<>();
        for (Map.Entry<String, KeyedFields> p : f.children("path").entrySet()) {
            paths.add(PathConfig.parse(name, p.getKey(), p.getValue()));
        }
        if (paths.isEmpty()) {
            throw f.error("path", "a destination path group needs at least one path (path.NAME.interface)");
        }
        return new DestinationGroupConfig(name, ri, Collections.unmodifiableList(paths));
    }

    public String name() {
        return name;
    }

    /** Logged as routing-instance. */
    public String routingInstance() {
        return routingInstance;
    }

    public List<PathConfig> paths() {
        return paths;
    }

    /** The selector's paths, in the order of {@link #paths()}. */
    public List<Path> selectorPaths() {
        return selectorPaths;
    }

    /** The path of that name, or null. */
    public PathConfig path(String pathName) {
        for (PathConfig p : paths) {
            if (p.name().equals(pathName)) {
                return p;
            }
        }
        return null;
    }

    /** Whether a path carries the link tag. */
    public boolean hasLinkTag(String tag) {
        for (PathConfig p : paths) {
            if (p.path().linkTag().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "destination-path-group " + name + " (routing-instance " + routingInstance + ") " + paths;
    }
}
