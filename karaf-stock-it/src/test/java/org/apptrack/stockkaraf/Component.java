package org.apptrack.stockkaraf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One component description of Felix SCR's {@code scr:list}: its name, the bundle that declares
 * it and the states of its configurations (instances), e.g.
 * <pre>
 * org.apptrack.apptrack.impl.AppTrackManager in bundle 88 (org.apptrack.apptrack:0.1.0.SNAPSHOT) enabled, 1 instance.
 *     Id: 5, State:ACTIVE
 * </pre>
 */
record Component(String name, String bundle, boolean enabled, List<String> instanceStates) {

    private static final Pattern DESCRIPTION = Pattern.compile(
            "(\\S+) in bundle \\d+ \\(([^:)]+):[^)]*\\) (enabled|disabled), (\\d+) instances?\\.");
    private static final Pattern INSTANCE = Pattern.compile("\\s+Id: -?\\d+, State:(\\w+).*");

    /** The components of an {@code scr:list} output. */
    static List<Component> parseList(String output) {
        List<Component> components = new ArrayList<>();
        String name = null;
        String bundle = null;
        boolean enabled = false;
        List<String> states = null;
        for (String line : output.split("\n")) {
            Matcher d = DESCRIPTION.matcher(line.trim());
            Matcher i = INSTANCE.matcher(line);
            if (d.matches()) {
                if (name != null) {
                    components.add(new Component(name, bundle, enabled, states));
                }
                name = d.group(1);
                bundle = d.group(2);
                enabled = d.group(3).equals("enabled");
                states = new ArrayList<>();
            } else if (i.matches() && states != null) {
                states.add(i.group(1));
            }
        }
        if (name != null) {
            components.add(new Component(name, bundle, enabled, states));
        }
        if (components.isEmpty()) {
            throw new IllegalArgumentException("no component in: " + output);
        }
        return components;
    }
}
