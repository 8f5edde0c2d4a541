package org.apptrack.apptrack.appid.naming;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.catalog.AppIdCatalog;
import org.apptrack.apptrack.appid.catalog.ApplicationRole;
import org.apptrack.apptrack.appid.custom.CustomApplications;

/**
 * The application catalog as application identification reads it: names to ids (0 for a name the
 * catalog lacks), host names and ports to applications, and the applications of IP protocols
 * without ports. Reads the catalog in force at each call, so a reload applies to the next
 * lookup; ids stay valid across reloads.
 */
public final class CatalogIdentification implements IdentificationCatalog {

    private static final String[] PROTOCOL_APPLICATIONS = new String[256];

    static {
        PROTOCOL_APPLICATIONS[1] = "ICMP";
        PROTOCOL_APPLICATIONS[2] = "IGMP";
        PROTOCOL_APPLICATIONS[47] = "GRE";
        // IPsec's ESP and AH carry the tunnels IKE negotiated: named as the IPsec application
        PROTOCOL_APPLICATIONS[50] = "IKE";
        PROTOCOL_APPLICATIONS[51] = "IKE";
        PROTOCOL_APPLICATIONS[58] = "ICMPV6";
        PROTOCOL_APPLICATIONS[89] = "OSPF";
        PROTOCOL_APPLICATIONS[103] = "PIM";
        PROTOCOL_APPLICATIONS[112] = "VRRP";
        PROTOCOL_APPLICATIONS[132] = "SCTP";
    }

    private final AppIdCatalog catalog;
    private final int[] byProtocol = new int[256];
    private volatile CustomApplications custom = CustomApplications.none();

    public CatalogIdentification(AppIdCatalog catalog) {
        this.catalog = catalog;
        for (int p = 0; p < 256; p++) {
            byProtocol[p] = PROTOCOL_APPLICATIONS[p] == null ? 0 : id(PROTOCOL_APPLICATIONS[p]);
        }
    }

    /** Identification over the catalog bundled with the product. */
    public static CatalogIdentification bundled() {
        return new CatalogIdentification(AppIdCatalog.bundled());
    }

    /** The operator's applications from now on (a new configuration). */
    public void custom(CustomApplications applications) {
        custom = applications;
    }

    public CustomApplications custom() {
        return custom;
    }

    /** The catalog behind it (for reloads and the catalog's own queries). */
    public AppIdCatalog catalog() {
        return catalog;
    }

    @Override
    public int id(String name) {
        return Math.max(0, catalog.id(name));
    }

    @Override
    public int hostApplication(byte[] name, int length) {
        return Math.max(0, catalog.hostNames().match(name, 0, length));
    }

    @Override
    public CustomApplications customApplications() {
        return custom;
    }

    @Override
    public int serverApplication(int ipProtocol, long serverHigh, long serverLow, int serverPort) {
        return custom.serverApplication(ipProtocol, serverHigh, serverLow, serverPort);
    }

    @Override
    public int addressApplication(long high, long low) {
        return catalog.snapshot().addresses().match(high, low);
    }

    @Override
    public ApplicationRole role(int id) {
        return CustomApplications.isCustom(id) ? ApplicationRole.APPLICATION : catalog.role(id);
    }

    @Override
    public int portApplication(int ipProtocol, int serverPort, int clientPort) {
        if (ipProtocol != 6 && ipProtocol != 17) {
            return byProtocol[ipProtocol & 0xff];
        }
        int server = catalog.applicationForPort(ipProtocol, serverPort);
        return server != 0 ? server : catalog.applicationForPort(ipProtocol, clientPort);
    }

    @Override
    public String application(int id) {
        if (CustomApplications.isCustom(id)) {
            String name = custom.name(id);
            return name != null ? name : "UNKNOWN"; // removed by a new configuration since
        }
        return catalog.application(id);
    }

    @Override
    public String category(int id) {
        return CustomApplications.isCustom(id) ? CustomApplications.CATEGORY : catalog.category(id);
    }

    @Override
    public String subCategory(int id) {
        return CustomApplications.isCustom(id) ? "N/A" : catalog.subCategory(id);
    }
}
