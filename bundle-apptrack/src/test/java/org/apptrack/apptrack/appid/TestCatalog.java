package org.apptrack.apptrack.appid;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A small catalog for tests: every name asked for gets an id; host suffixes and ports as given. */
final class TestCatalog extends NamesCatalog {

    private final Map<String, Integer> hosts = new HashMap<>();
    private final Map<Integer, Integer> ports = new HashMap<>();

    TestCatalog host(String suffix, String application) {
        hosts.put(suffix, id(application));
        return this;
    }

    TestCatalog port(int protocol, int port, String application) {
        ports.put(protocol << 16 | port, id(application));
        return this;
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
