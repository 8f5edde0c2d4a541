package org.apptrack.apptrack.appid;

import org.apptrack.apptrack.appid.catalog.ApplicationRole;
import org.apptrack.apptrack.appid.custom.CustomApplications;
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
     * the longest match of the catalog; 0 when none does. Allocation-free. (Custom applications
     * over HTTP and SSL are matched in their own contexts: {@link #customApplications()}.)
     */
    int hostApplication(byte[] name, int length);

    /** The operator's custom applications in force (none by default). */
    default CustomApplications customApplications() {
        return CustomApplications.none();
    }

    /**
     * The operator's application (custom, over TCP or UDP) whose addresses and ports hold the
     * session's server, or 0.
     */
    int serverApplication(int ipProtocol, long serverHigh, long serverLow, int serverPort);

    /**
     * The application whose published address ranges hold the address (the longest prefix), or
     * 0. Allocation-free.
     */
    default int addressApplication(long high, long low) {
        return 0;
    }

    /**
     * Where the application shows ({@code application}, {@code nested-application} or both): an
     * address of a nested-only one names a session's nested application, not its application.
     */
    default ApplicationRole role(int id) {
        return ApplicationRole.BOTH;
    }

    /** The application the server port suggests ({@code ipProtocol} 6 or 17), or 0. */
    int portApplication(int ipProtocol, int serverPort, int clientPort);
}
