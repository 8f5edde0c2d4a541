package org.apptrack.appqoe.api;

import java.util.Objects;

/** A change of an application's active path, with its reason as APPQOE_APP_BEST_PATH_SELECTED gives it. */
public final class PathSwitch {

    private final long timeMillis;
    private final String profile;
    private final String rule;
    private final String application;
    private final String group;
    private final String previousPath;
    private final String path;
    private final String reason;
    private final int sessions;

    public PathSwitch(long timeMillis, String profile, String rule, String application, String group,
            String previousPath, String path, String reason, int sessions) {
        this.timeMillis = timeMillis;
        this.profile = Objects.requireNonNull(profile);
        this.rule = Objects.requireNonNull(rule);
        this.application = Objects.requireNonNull(application);
        this.group = Objects.requireNonNull(group);
        this.previousPath = Objects.requireNonNull(previousPath);
        this.path = Objects.requireNonNull(path);
        this.reason = Objects.requireNonNull(reason);
        this.sessions = sessions;
    }

    public long timeMillis() {
        return timeMillis;
    }

    public String profile() {
        return profile;
    }

    public String rule() {
        return rule;
    }

    public String application() {
        return application;
    }

    public String group() {
        return group;
    }

    /** "" when the application was just detected. */
    public String previousPath() {
        return previousPath;
    }

    /** "" on session close. */
    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }

    /** Sessions of the application when the decision was taken. */
    public int sessions() {
        return sessions;
    }
}
