package org.apptrack.apptrack.appid.catalog;

import java.util.List;

/**
 * One application of the catalog, as the file defines it and Junos shows it: name
 * ({@code YOUTUBE}), category and sub-category ({@code Multimedia} / {@code Video-Streaming}),
 * risk, role, default services, host-name patterns and the nDPI protocol names it stands for.
 * Immutable; its id comes from the catalog ({@link AppIdCatalog#id(String)}).
 */
public final class ApplicationDefinition {

    private final String name;
    private final String category;
    private final String subCategory;
    private final Risk risk;
    private final ApplicationRole role;
    private final List<DefaultService> defaultServices;
    private final List<HostPattern> hostNames;
    private final List<AddressPrefix> addresses;
    private final List<String> ndpiNames;

    public ApplicationDefinition(String name, String category, String subCategory, Risk risk, ApplicationRole role,
                                 List<DefaultService> defaultServices, List<HostPattern> hostNames,
                                 List<String> ndpiNames) {
        this(name, category, subCategory, risk, role, defaultServices, hostNames, List.of(), ndpiNames);
    }

    public ApplicationDefinition(String name, String category, String subCategory, Risk risk, ApplicationRole role,
                                 List<DefaultService> defaultServices, List<HostPattern> hostNames,
                                 List<AddressPrefix> addresses, List<String> ndpiNames) {
        this.name = name;
        this.category = category;
        this.subCategory = subCategory;
        this.risk = risk;
        this.role = role;
        this.defaultServices = List.copyOf(defaultServices);
        this.hostNames = List.copyOf(hostNames);
        this.addresses = List.copyOf(addresses);
        this.ndpiNames = List.copyOf(ndpiNames);
    }

    /** The Junos AppID name: upper case, words joined by {@code -} ({@code FACEBOOK-ACCESS}). */
    public String name() {
        return name;
    }

    /** The {@code category} field of the logs ({@code Web}, {@code Infrastructure}, ...). */
    public String category() {
        return category;
    }

    /** The {@code sub-category} field of the logs ({@code Social-Networking}, {@code N/A}, ...). */
    public String subCategory() {
        return subCategory;
    }

    public Risk risk() {
        return risk;
    }

    public ApplicationRole role() {
        return role;
    }

    /** Where the application runs by default ({@code tcp/443}); the port guess of an application. */
    public List<DefaultService> defaultServices() {
        return defaultServices;
    }

    /** The host names that name the application, normalised. */
    public List<HostPattern> hostNames() {
        return hostNames;
    }

    /** The service's own published address ranges: a session to one is the service's. */
    public List<AddressPrefix> addresses() {
        return addresses;
    }

    /** The nDPI protocol names this application stands for ({@code TLS} for SSL, {@code YouTube}). */
    public List<String> ndpiNames() {
        return ndpiNames;
    }

    @Override
    public String toString() {
        return name + " (" + category + " / " + subCategory + ", risk " + risk.text() + ", " + role.text() + ")";
    }
}
