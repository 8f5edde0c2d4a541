package org.apptrack.apptrack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.config.Config;
import org.onosproject.net.config.ConfigFactory;
import org.onosproject.net.config.InvalidConfigException;
import org.onosproject.net.config.NetworkConfigEvent;
import org.onosproject.net.config.NetworkConfigListener;
import org.onosproject.net.config.NetworkConfigRegistryAdapter;

/**
 * ONOS's network configuration service for tests, doing for application configurations what
 * ONOS 2.7's NetworkConfigManager and DistributedNetworkConfigStore do: factories by key, a
 * configuration validated with {@link Config#isValid} before it is stored (refused:
 * {@link InvalidConfigException} with the cause, nothing stored), then CONFIG_ADDED / UPDATED /
 * REMOVED to the listeners.
 */
public final class OnosNetworkConfig extends NetworkConfigRegistryAdapter {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Set<ConfigFactory> factories = new HashSet<>();
    private final Map<List<Object>, JsonNode> configs = new LinkedHashMap<>();
    private final List<NetworkConfigListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void registerConfigFactory(ConfigFactory factory) {
        factories.add(factory);
    }

    @Override
    public synchronized void unregisterConfigFactory(ConfigFactory factory) {
        factories.remove(factory);
    }

    @Override
    public synchronized Set<ConfigFactory> getConfigFactories() {
        return Set.copyOf(factories);
    }

    @Override
    public void addListener(NetworkConfigListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(NetworkConfigListener listener) {
        listeners.remove(listener);
    }

    public int listenerCount() {
        return listeners.size();
    }

    /** As a POST of {@code {"apps": {APP: {KEY: json}}}} to /onos/v1/network/configuration. */
    public void post(ApplicationId app, String key, String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigFactory factory = factory(key);
        Config config = create(factory, app, node);
        try {
            if (!config.isValid()) {
                throw new IllegalArgumentException("JSON node does not contain valid configuration");
            }
        } catch (RuntimeException e) {
            throw new InvalidConfigException("apps", app.name(), key, e);
        }
        JsonNode previous;
        synchronized (this) {
            previous = configs.put(List.of(app, factory.configClass()), node);
        }
        Config before = previous == null ? null : create(factory, app, previous);
        fire(new NetworkConfigEvent(previous == null ? NetworkConfigEvent.Type.CONFIG_ADDED
                : NetworkConfigEvent.Type.CONFIG_UPDATED, app, config, before, factory.configClass()));
    }

    /** As a DELETE of /onos/v1/network/configuration/apps/APP/KEY. */
    public void delete(ApplicationId app, String key) {
        ConfigFactory factory = factory(key);
        JsonNode previous;
        synchronized (this) {
            previous = configs.remove(List.of(app, factory.configClass()));
        }
        if (previous != null) {
            fire(new NetworkConfigEvent(NetworkConfigEvent.Type.CONFIG_REMOVED, app, null,
                    create(factory, app, previous), factory.configClass()));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S, C extends Config<S>> Set<S> getSubjects(Class<S> subjectClass, Class<C> configClass) {
        Set<S> out = new HashSet<>();
        configs.keySet().forEach(k -> {
            if (subjectClass.isInstance(k.get(0)) && k.get(1) == configClass) {
                out.add((S) k.get(0));
            }
        });
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S, C extends Config<S>> C getConfig(S subject, Class<C> configClass) {
        JsonNode json = configs.get(List.of(subject, configClass));
        if (json == null) {
            return null;
        }
        for (ConfigFactory f : factories) {
            if (f.configClass() == configClass) {
                return (C) create(f, (ApplicationId) subject, json);
            }
        }
        return null;
    }

    private synchronized ConfigFactory factory(String key) {
        for (ConfigFactory f : factories) {
            if (Objects.equals(f.configKey(), key) && "apps".equals(f.subjectFactory().subjectClassKey())) {
                return f;
            }
        }
        throw new IllegalArgumentException("no factory registered for apps key " + key);
    }

    @SuppressWarnings("unchecked")
    private Config create(ConfigFactory factory, ApplicationId app, JsonNode json) {
        Config config = factory.createConfig();
        config.init(app, factory.configKey(), json, mapper, null);
        return config;
    }

    private void fire(NetworkConfigEvent event) {
        for (NetworkConfigListener l : new ArrayList<>(listeners)) {
            if (l.isRelevant(event)) {
                l.event(event);
            }
        }
    }
}
