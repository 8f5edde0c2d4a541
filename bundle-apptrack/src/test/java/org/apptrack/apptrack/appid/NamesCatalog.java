package org.apptrack.apptrack.appid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gives every name asked for an id, so that a dissector's verdict reads as the name it asked for. */
public class NamesCatalog implements IdentificationCatalog {

    private final List<String> names = new ArrayList<>(List.of("UNKNOWN"));
    private final Map<String, Integer> ids = new HashMap<>();

    @Override
    public int id(String name) {
        return ids.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
    }

    @Override
    public int serverApplication(int ipProtocol, long serverHigh, long serverLow, int serverPort) {
        return 0;
    }

    @Override
    public int hostApplication(byte[] name, int length) {
        return 0;
    }

    @Override
    public int portApplication(int ipProtocol, int serverPort, int clientPort) {
        return 0;
    }

    @Override
    public String application(int id) {
        return names.get(id);
    }

    @Override
    public String category(int id) {
        return "N/A";
    }

    @Override
    public String subCategory(int id) {
        return "N/A";
    }
}
