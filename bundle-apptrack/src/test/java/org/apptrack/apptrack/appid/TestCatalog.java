package org.apptrack.apptrack.appid;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apptrack.apptrack.appid.catalog.AddressMatcher;
import org.apptrack.apptrack.appid.catalog.AddressPrefix;
import org.apptrack.apptrack.appid.catalog.ApplicationRole;

/** A small catalog for tests: every name asked for gets an id; host suffixes and ports as given. */
final class TestCatalog extends NamesCatalog {

    private final Map<String, Integer> hosts = new HashMap<>();
    private final Map<Integer, Integer> ports = new HashMap<>();
    private final Map<Integer, ApplicationRole> roles = new HashMap<>();
    private final AddressMatcher.Builder addresses = AddressMatcher.builder();
    private AddressMatcher matcher = AddressMatcher.empty();

    TestCatalog host(String suffix, String application) {
        hosts.put(suffix, id(application));
        return this;
    }

    TestCatalog port(int protocol, int port, String application) {
        ports.put(protocol << 16 | port, id(application));
        return this;
    }

    /** A published range of {@code application}, whose role is as given. */
    TestCatalog address(String prefix, String application, ApplicationRole role) {
        addresses.add(AddressPrefix.parse(prefix), id(application));
        roles.put(id(application), role);
        matcher = addresses.build();
        return this;
    }

    @Override
    public int addressApplication(long high, long low) {
        return matcher.match(high, low);
    }

    @Override
    public ApplicationRole role(int id) {
        return roles.getOrDefault(id, ApplicationRole.BOTH);
    }

    @Override
    public int hostApplication(byte[] name, int length) {
        String host = new String(name, 0, length, StandardCharsets.US_ASCII);
        for (String h = host; ; h = h.substring(h.indexOf('.') + 1)) {
            Integer id = hosts.get(h);
            if (id != null) {
                return id;
            }
            if (h.indexOf('.') < 0) {
                return 0;
            }
        }
    }

    @Override
    public int portApplication(int ipProtocol, int serverPort, int clientPort) {
        return ports.getOrDefault(ipProtocol << 16 | serverPort, 0);
    }
}
