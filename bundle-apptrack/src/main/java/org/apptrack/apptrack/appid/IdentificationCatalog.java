package org.apptrack.apptrack.appid;

import org.apptrack.apptrack.engine.classify.ApplicationCatalog;

/**
 * What application identification needs of the application catalog: ids by name, the
 * application a host name belongs to, and the application a port suggests. Ids never change for
 * a name while the product runs (the side table keeps them across catalog reloads).
 */
public interface IdentificationCatalog extends ApplicationCatalog {

    /** The id of the application named {@code name} (Junos name), or 0 when the catalog has none. */
    int id(String name);

    /**
     * The application whose host-name pattern matches {@code name[0, length)} (lower-case ASCII),
     * the longest match; 0 when none does. Allocation-free.
     */
    int hostApplication(byte[] name, int length);

    /** The application the server port suggests ({@code ipProtocol} 6 or 17), or 0. */
    int portApplication(int ipProtocol, int serverPort, int clientPort);
}
