package org.apptrack.apptrack.appid.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.engine.classify.ApplicationCatalog;

/**
 * The application catalog of application identification: the bundled data file
 * ({@value #BUNDLED_RESOURCE}) or one an operator loads, reloadable without a restart.
 *
 * <p>Ids are stable: an application keeps its id across reloads (an append-only name -> id
 * registry, id 0 = UNKNOWN, ids within the side table's 16 bits), so the ids sessions already
 * carry keep their meaning. A reload validates the whole file first; a file that does not load
 * never replaces the catalog in force: {@link #reload} returns its errors and the old catalog
 * stays.
 *
 * <p>Reads are lock-free (one volatile read of the current {@link CatalogSnapshot}); a
 * classifier that makes several lookups for one decision takes {@link #snapshot()} once.
 * Reloads are serialised.
 */
public final class AppIdCatalog implements ApplicationCatalog {

    /** Where the bundled catalog is, on the bundle's class path. */
    public static final String BUNDLED_RESOURCE = "/appid/applications.json";
    /** What {@link #id} and {@link #byNdpiName} return for a name the catalog does not have. */
    public static final int NOT_FOUND = CatalogSnapshot.NOT_FOUND;

    private final CatalogLoader loader = new CatalogLoader();
    private final ApplicationIdRegistry registry = new ApplicationIdRegistry();
    private volatile CatalogSnapshot current;

    private AppIdCatalog() {
    }

    /**
     * The catalog shipped in the bundle.
     *
     * @throws IllegalStateException if the bundled file does not load (a build defect, caught by the tests)
     */
    public static AppIdCatalog bundled() {
        AppIdCatalog catalog = new AppIdCatalog();
        try (InputStream in = openBundled()) {
            catalog.install(catalog.loader.load(in, "bundled"));
        } catch (CatalogException | IOException e) {
            throw new IllegalStateException("the bundled application catalog does not load: " + e.getMessage(), e);
        }
        return catalog;
    }

    /** A catalog read from {@code in} (tests, tools); {@code source} names it in messages. */
    public static AppIdCatalog load(InputStream in, String source) throws CatalogException {
        AppIdCatalog catalog = new AppIdCatalog();
        catalog.install(catalog.loader.load(in, source));
        return catalog;
    }

    private static InputStream openBundled() throws IOException {
        InputStream in = AppIdCatalog.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new IOException(BUNDLED_RESOURCE + " is not in the bundle");
        }
        return in;
    }

    /**
     * Replaces the catalog by the one in {@code in}, if it loads; otherwise the catalog in force
     * stays and the result lists why. Names already known keep their ids; new names get new ids.
     *
     * @param source what to call the file in messages (its path)
     */
    public synchronized ReloadResult reload(InputStream in, String source) {
        CatalogDefinition definition;
        try {
            definition = loader.load(in, source);
        } catch (CatalogException e) {
            return ReloadResult.rejected(e, current.version());
        }
        List<String> names = new ArrayList<>();
        definition.applications().forEach(a -> names.add(a.name()));
        int needed = registry.unassigned(names);
        if (needed > registry.free()) {
            return ReloadResult.rejected(new CatalogException(source, List.of("applications: " + needed
                    + " new names, but only " + registry.free() + " of the catalog's application ids are left"
                    + " (ids are never reused while running; a restart renumbers)")), current.version());
        }
        return ReloadResult.loaded(source, install(definition), needed);
    }

    /** {@link #reload(InputStream, String)} from a file. */
    public ReloadResult reload(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return reload(in, file.toString());
        } catch (IOException e) {
            return ReloadResult.rejected(new CatalogException(file.toString(), List.of("cannot be read: " + e)),
                    current.version());
        }
    }

    /** Back to the bundled catalog (ids stay as they are). */
    public ReloadResult reloadBundled() {
        try (InputStream in = openBundled()) {
            return reload(in, "bundled");
        } catch (IOException e) {
            return ReloadResult.rejected(new CatalogException("bundled", List.of("cannot be read: " + e)),
                    current.version());
        }
    }

    private synchronized CatalogSnapshot install(CatalogDefinition definition) {
        for (ApplicationDefinition a : definition.applications()) {
            registry.assign(a.name());
        }
        CatalogSnapshot next = CatalogSnapshot.of(definition, registry, current);
        current = next;
        return next;
    }

    /** The catalog in force: take it once for several lookups that must agree. */
    public CatalogSnapshot snapshot() {
        return current;
    }

    /** The version of the catalog in force. */
    public String version() {
        return current.version();
    }

    @Override
    public String application(int id) {
        return current.definition(id).name();
    }

    @Override
    public String category(int id) {
        return current.definition(id).category();
    }

    @Override
    public String subCategory(int id) {
        return current.definition(id).subCategory();
    }

    public Risk risk(int id) {
        return current.definition(id).risk();
    }

    public ApplicationRole role(int id) {
        return current.definition(id).role();
    }

    public List<DefaultService> defaultServices(int id) {
        return current.definition(id).defaultServices();
    }

    /** Everything the catalog says about an id (UNKNOWN's definition for an id never given). */
    public ApplicationDefinition definition(int id) {
        return current.definition(id);
    }

    /** @see CatalogSnapshot#id(String) */
    public int id(String name) {
        return current.id(name);
    }

    /** @see CatalogSnapshot#byNdpiName(String) */
    public int byNdpiName(String ndpiName) {
        return current.byNdpiName(ndpiName);
    }

    /** @see CatalogSnapshot#hostNames() */
    public HostNameMatcher hostNames() {
        return current.hostNames();
    }

    /** @see CatalogSnapshot#addresses() */
    public AddressMatcher addresses() {
        return current.addresses();
    }

    /** @see CatalogSnapshot#applicationForPort(int, int) */
    public int applicationForPort(int protocol, int port) {
        return current.applicationForPort(protocol, port);
    }
}
