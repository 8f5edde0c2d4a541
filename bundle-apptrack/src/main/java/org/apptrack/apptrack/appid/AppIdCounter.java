package org.apptrack.apptrack.appid;

/** What application identification counts ({@code show services application-identification counter}). */
public enum AppIdCounter {
    SESSIONS_INSPECTED("Sessions inspected"),
    IDENTIFIED_BY_PAYLOAD("Sessions identified by payload"),
    IDENTIFIED_BY_RULE("Sessions named by a custom application's addresses and ports"),
    ANNOUNCED("Sessions announced by their control session (FTP data)"),
    IDENTIFIED_BY_CACHE("Sessions identified by the application system cache"),
    IDENTIFIED_BY_ADDRESS("Sessions named by the published address ranges of their service"),
    IDENTIFIED_BY_PORT("Sessions named by port (a guess)"),
    UNKNOWN("Sessions left unknown"),
    BUDGET_EXHAUSTED("Sessions whose inspection budget ran out"),
    CLOSED_WHILE_INSPECTED("Sessions closed while inspected"),
    NESTED_BY_NAME("Nested applications from a host name"),
    NESTED_BY_ADDRESS("Nested applications from a DNS answer's address"),
    NESTED_BY_SERVICE_ADDRESS("Nested applications from the published address ranges of a service"),
    NESTED_BY_CALL("Call services from an earlier session of the same call (client end)"),
    CACHE_INSERTS("Application system cache insertions"),
    NAME_CACHE_INSERTS("Addresses learnt from DNS answers");

    private static final AppIdCounter[] VALUES = values();

    private final String description;

    AppIdCounter(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    static AppIdCounter[] all() {
        return VALUES;
    }
}
