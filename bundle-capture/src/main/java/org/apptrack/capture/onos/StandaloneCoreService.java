package org.apptrack.capture.onos;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreService;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.core.IdGenerator;
import org.onosproject.core.Version;
import org.osgi.service.component.annotations.Component;

/**
 * The part of ONOS's {@link CoreService} that apps need to start outside ONOS: application ids
 * (registered once per name, numbered from 1 in registration order) and id generators.
 */
@Component(service = CoreService.class)
public class StandaloneCoreService implements CoreService {

    /** The ONOS API version these bundles are built against. */
    private static final Version VERSION = Version.version("2.7.0");

    private final Map<String, ApplicationId> byName = new ConcurrentHashMap<>();
    private final Map<Short, ApplicationId> byId = new ConcurrentHashMap<>();
    private final Map<String, IdGenerator> generators = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    @Override
    public Version version() {
        return VERSION;
    }

    @Override
    public Set<ApplicationId> getAppIds() {
        return Set.copyOf(byName.values());
    }

    @Override
    public ApplicationId getAppId(Short id) {
        return byId.get(id);
    }

    @Override
    public ApplicationId getAppId(String name) {
        return byName.get(name);
    }

    @Override
    public ApplicationId registerApplication(String name) {
        return byName.computeIfAbsent(name, n -> {
            ApplicationId id = new DefaultApplicationId((int) nextId.getAndIncrement(), n);
            byId.put(id.id(), id);
            return id;
        });
    }

    /** Registers the application; the pre-deactivate hook has no meaning outside ONOS and is not run. */
    @Override
    public ApplicationId registerApplication(String name, Runnable preDeactivate) {
        return registerApplication(name);
    }

    @Override
    public IdGenerator getIdGenerator(String topic) {
        return generators.computeIfAbsent(topic, t -> {
            AtomicLong counter = new AtomicLong(1);
            return counter::getAndIncrement;
        });
    }
}
