package org.apptrack.apptrack.engine.zone;

import java.util.List;

/** A static identity entry: the user behind a set of addresses, with the user's roles. */
public final class StaticUser {

    private final String name;
    private final List<String> roles;
    /** The roles field of the logs: the roles joined by commas, N/A when there are none. */
    private final String rolesField;

    public StaticUser(String name, List<String> roles) {
        this.name = name;
        this.roles = List.copyOf(roles);
        this.rolesField = roles.isEmpty() ? "N/A" : String.join(",", roles);
    }

    public String name() {
        return name;
    }

    public List<String> roles() {
        return roles;
    }

    public String rolesField() {
        return rolesField;
    }
}
