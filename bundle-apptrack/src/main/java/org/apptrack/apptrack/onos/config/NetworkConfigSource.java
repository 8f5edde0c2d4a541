package org.apptrack.apptrack.onos.config;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.config.ConfigFactory;
import org.onosproject.net.config.NetworkConfigEvent;
import org.onosproject.net.config.NetworkConfigListener;
import org.onosproject.net.config.NetworkConfigRegistry;
import org.onosproject.net.config.basics.SubjectFactories;

/**
 * One network configuration of the application ({@code apps -> APP -> KEY}): registers its
 * factory with ONOS, follows CONFIG_ADDED / UPDATED / REMOVED for the application and hands
 * each new state to the component, as flat keys (null when there is none).
 */
public final class NetworkConfigSource<C extends FlatKeysConfig> {

    private final String appName;
    private final Class<C> configClass;
    private final ConfigFactory<ApplicationId, C> factory;
    private final Consumer<C> changed;
    private final NetworkConfigListener listener = this::event;
    private NetworkConfigRegistry registry;

    /**
     * @param changed called with the configuration in force (null: none) on each change; the
     *                component applies it or keeps the previous one
     */
    public NetworkConfigSource(String appName, Class<C> configClass, String key,
                               Supplier<C> create, Consumer<C> changed) {
        this.appName = appName;
        this.configClass = configClass;
        this.changed = changed;
        this.factory = new ConfigFactory<>(SubjectFactories.APP_SUBJECT_FACTORY, configClass, key) {
            @Override
            public C createConfig() {
                return create.get();
            }
        };
    }

    /** Registers the factory and the listener, then hands over the configuration already stored, if any. */
    public synchronized void start(NetworkConfigRegistry r) {
        registry = r;
        r.registerConfigFactory(factory);
        r.addListener(listener);
        C current = stored();
        if (current != null) {
            changed.accept(current);
        }
    }

    public synchronized void stop() {
        if (registry != null) {
            registry.removeListener(listener);
            registry.unregisterConfigFactory(factory);
            registry = null;
        }
    }

    public ConfigFactory<ApplicationId, C> factory() {
        return factory;
    }

    private synchronized C stored() {
        if (registry == null) {
            return null;
        }
        for (ApplicationId app : registry.getSubjects(ApplicationId.class, configClass)) {
            if (appName.equals(app.name())) {
                return registry.getConfig(app, configClass);
            }
        }
        return null;
    }

    private void event(NetworkConfigEvent event) {
        if (event.configClass() != configClass || !(event.subject() instanceof ApplicationId)
                || !appName.equals(((ApplicationId) event.subject()).name())) {
            return;
        }
        switch (event.type()) {
            case CONFIG_ADDED:
            case CONFIG_UPDATED:
                C config = event.config().map(configClass::cast).orElseGet(this::stored);
                if (config != null) {
                    changed.accept(config);
                }
                break;
            case CONFIG_REMOVED:
                changed.accept(null);
                break;
            default:
                break;
        }
    }
}
