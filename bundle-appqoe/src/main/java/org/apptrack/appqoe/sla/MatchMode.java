package org.apptrack.appqoe.sla;

/**
 * Junos metrics profile {@code match}: {@code any} (the default) declares a violation when any
 * configured metric is violated, {@code all} only when every configured metric is.
 */
public enum MatchMode {
    ANY,
    ALL
}
