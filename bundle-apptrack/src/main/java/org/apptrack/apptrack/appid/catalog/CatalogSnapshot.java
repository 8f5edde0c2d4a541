package org.apptrack.apptrack.appid.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One loaded catalog, immutable: applications by id, by name and by nDPI name, the host-name
 * matcher over every pattern and the port guess from the default services. A classifier that
 * takes one snapshot for a whole decision sees one consistent catalog even while a reload
 * replaces it. Ids come from the append-only registry: an application dropped by a reload keeps
 * its id, its name and categories (for the sessions that still carry it) but is no longer
 * matched, guessed or found by name.
 */
public final class CatalogSnapshot {

    /** What {@link #id} and {@link #byNdpiName} return for a name the catalog does not have. */
    public static final int NOT_FOUND = -1;

    static final ApplicationDefinition BUILT_IN_UNKNOWN = new ApplicationDefinition(CatalogLoader.UNKNOWN,
            CatalogLoader.NOT_APPLICABLE, CatalogLoader.NOT_APPLICABLE, Risk.LOW, ApplicationRole.BOTH, List.of(),
            List.of(), List.of());

    private final String version;
    private final Map<String, List<String>> categories;
    private final ApplicationDefinition[] byId;
    private final List<ApplicationDefinition> applications;
    private final Map<String, Integer> idByName;
    private final Map<String, Integer> idByNdpiName;
    private final HostNameMatcher hostNames;
    private final AddressMatcher addresses;
    private final char[] tcpGuess = new char[65536];
    private final char[] udpGuess = new char[65536];

    private CatalogSnapshot(CatalogDefinition definition, ApplicationIdRegistry registry, CatalogSnapshot previous) {
        version = definition.version();
        categories = definition.categories();
        byId = new ApplicationDefinition[registry.size()];
        if (previous != null) {
            // Dropped applications stay nameable by the ids that sessions may still carry.
            System.arraycopy(previous.byId, 0, byId, 0, previous.byId.length);
        }
        byId[0] = BUILT_IN_UNKNOWN;
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> ndpi = new HashMap<>();
        List<ApplicationDefinition> current = new ArrayList<>();
        HostNameMatcher.Builder matcher = HostNameMatcher.builder();
        AddressMatcher.Builder prefixes = AddressMatcher.builder();
        for (ApplicationDefinition a : definition.applications()) {
            int id = registry.idOf(a.name());
            byId[id] = a;
            names.put(a.name(), id);
            current.add(a);
            for (String n : a.ndpiNames()) {
                ndpi.put(n.toLowerCase(Locale.ROOT), id);
            }
            for (HostPattern p : a.hostNames()) {
                matcher.add(p, id);
            }
            for (AddressPrefix p : a.addresses()) {
                prefixes.add(p, id);
            }
            if (a.role().carriesSessions()) {
                for (DefaultService s : a.defaultServices()) {
                    char[] guess = s.protocol() == DefaultService.TCP ? tcpGuess : udpGuess;
                    for (int port = s.firstPort(); port <= s.lastPort(); port++) {
                        guess[port] = (char) id;
                    }
                }
            }
        }
        names.putIfAbsent(CatalogLoader.UNKNOWN, 0);
        applications = Collections.unmodifiableList(current);
        idByName = names;
        idByNdpiName = ndpi;
        hostNames = matcher.build();
        addresses = prefixes.build();
    }

    /**
     * A snapshot of {@code definition}; every name must have its id in {@code registry} already.
     * {@code previous} (or null) supplies the applications the new file dropped.
     */
    static CatalogSnapshot of(CatalogDefinition definition, ApplicationIdRegistry registry, CatalogSnapshot previous) {
        return new CatalogSnapshot(definition, registry, previous);
    }

    /** The {@code version} the catalog file declares. */
    public String version() {
        return version;
    }

    /** Category -> sub-categories, as the file declares them. */
    public Map<String, List<String>> categories() {
        return categories;
    }

    /** The applications of this catalog, in file order (UNKNOWN only if the file declares it). */
    public List<ApplicationDefinition> applications() {
        return applications;
    }

    public int applicationCount() {
        return applications.size();
    }

    /**
     * The application with this id: one of this catalog, one a reload dropped (still named for the
     * sessions carrying it), or UNKNOWN for an id never given.
     */
    public ApplicationDefinition definition(int id) {
        ApplicationDefinition a = id >= 0 && id < byId.length ? byId[id] : null;
        return a == null ? byId[0] : a;
    }

    /** The id of an application of this catalog by its Junos name (case-insensitive), or {@link #NOT_FOUND}. */
    public int id(String name) {
        Integer id = name == null ? null : idByName.get(name.toUpperCase(Locale.ROOT));
        return id == null ? NOT_FOUND : id;
    }

    /**
     * The application an nDPI protocol name stands for: the entry that lists it among its
     * {@code ndpiNames} (case-insensitive), else the entry named by the rule of
     * {@link NdpiNames#byRule}, else {@link #NOT_FOUND}.
     */
    public int byNdpiName(String ndpiName) {
        if (ndpiName == null) {
            return NOT_FOUND;
        }
        Integer id = idByNdpiName.get(ndpiName.toLowerCase(Locale.ROOT));
        return id != null ? id : id(NdpiNames.byRule(ndpiName));
    }

    /** The matcher over every host-name pattern of this catalog (ids of this catalog). */
    public HostNameMatcher hostNames() {
        return hostNames;
    }

    /** The longest-prefix matcher over every application's addresses (ids of this catalog). */
    public AddressMatcher addresses() {
        return addresses;
    }

    /**
     * The application whose default services cover this port, among the applications that carry
     * sessions; 0 (UNKNOWN) if none. One array read, no allocation.
     *
     * @param protocol IP protocol number (6 TCP, 17 UDP; others give 0)
     */
    public int applicationForPort(int protocol, int port) {
        if (protocol == DefaultService.TCP) {
            return tcpGuess[port & 0xFFFF];
        }
        return protocol == DefaultService.UDP ? udpGuess[port & 0xFFFF] : 0;
    }
}
