package org.apptrack.appqoe.api;

import java.util.Objects;

/**
 * One application selection: the sessions of {@code application} that an APBR rule sends to a
 * destination group, and the path they take now.
 */
public final class ApplicationPath {

    private final String profile;
    private final String rule;
    private final String application;
    private final String group;
    private final String slaRule;
    private final String activePath;
    private final String activeInterface;
    private final int sessions;
    private final int steeredSessions;
    private final String lastReason;
    private final long lastSwitchMillis;

    public ApplicationPath(String profile, String rule, String application, String group, String slaRule,
            String activePath, String activeInterface, int sessions, int steeredSessions, String lastReason,
            long lastSwitchMillis) {
        this.profile = Objects.requireNonNull(profile);
        this.rule = Objects.requireNonNull(rule);
        this.application = Objects.requireNonNull(application);
        this.group = Objects.requireNonNull(group);
        this.slaRule = Objects.requireNonNull(slaRule);
        this.activePath = Objects.requireNonNull(activePath);
        this.activeInterface = Objects.requireNonNull(activeInterface);
        this.sessions = sessions;
        this.steeredSessions = steeredSessions;
        this.lastReason = Objects.requireNonNull(lastReason);
        this.lastSwitchMillis = lastSwitchMillis;
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

    public String slaRule() {
        return slaRule;
    }

    /** The active path's name, "" when none is selected. */
    public String activePath() {
        return activePath;
    }

    public String activeInterface() {
        return activeInterface;
    }

    /** Open sessions of the application under this rule. */
    public int sessions() {
        return sessions;
    }

    /** Of those, the sessions the actuator steers (0 without an actuator). */
    public int steeredSessions() {
        return steeredSessions;
    }

    /** The reason of the last decision ({@code app detected}, {@code sla violated}, ...). */
    public String lastReason() {
        return lastReason;
    }

    public long lastSwitchMillis() {
        return lastSwitchMillis;
    }
}
