package org.apptrack.apptrack.appid.catalog;

import java.util.Locale;

/**
 * How an nDPI protocol name maps to a Junos application name when the catalog has no alias for
 * it (the rule of {@code shared/reference/application-names.md}): upper case, {@code _} and
 * spaces become {@code -} ({@code Service_Location_Protocol} -> {@code SERVICE-LOCATION-PROTOCOL}).
 */
public final class NdpiNames {

    private NdpiNames() {
    }

    /** The Junos name an nDPI name maps to by rule. */
    public static String byRule(String ndpiName) {
        return ndpiName.toUpperCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    }
}
