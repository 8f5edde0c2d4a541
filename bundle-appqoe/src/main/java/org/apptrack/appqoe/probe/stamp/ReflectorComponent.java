package org.apptrack.appqoe.probe.stamp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apptrack.api.time.Clock;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficService;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;
import org.apptrack.api.traffic.OwnTrafficSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the STAMP Session-Reflector as configured by {@code org.apptrack.appqoe.reflector}: off
 * until enabled, on loopback until given another address. An invalid configuration, or one whose
 * socket cannot be bound, is rejected and the running reflector stays as it was.
 *
 * <p>Timestamps are wall time ({@link Clock#SYSTEM}), never the capture clock: a reflector
 * answers live probes even while a capture file is replayed. What it answers is the product's own
 * traffic ({@link OwnTrafficSource}), never tracked.
 */
@Component(configurationPid = ReflectorSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = {})
@Designate(ocd = ReflectorConfig.class)
public class ReflectorComponent implements OwnTrafficSource {

    private static final Logger log = LoggerFactory.getLogger(ReflectorComponent.class);

    private EventLoopGroup group;
    private StampSessionReflector reflector;
    private final List<Runnable> ownTrafficListeners = new CopyOnWriteArrayList<>();

    @Activate
    protected synchronized void activate(Map<String, Object> properties) {
        group = new NioEventLoopGroup(1, new DefaultThreadFactory("apptrack-stamp-reflector", true));
        apply(properties);
    }

    @Modified
    protected synchronized void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    protected synchronized void deactivate() {
        if (reflector != null) {
            reflector.stop();
            reflector = null;
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }

    /** The running reflector, or null when disabled. */
    synchronized StampSessionReflector reflector() {
        return reflector;
    }

    private void apply(Map<String, Object> properties) {
        configure(properties);
        ownTrafficListeners.forEach(Runnable::run);
    }

    private void configure(Map<String, Object> properties) {
        ReflectorSettings settings;
        try {
            settings = ReflectorSettings.parse(properties);
        } catch (IllegalArgumentException e) {
            log.error("STAMP reflector configuration rejected, {} stays in force: {}", describe(), e.getMessage());
            return;
        }
        ReflectorSettings previous = reflector == null ? null : reflector.settings();
        if (settings == null ? previous == null : settings.equals(previous)) {
            return;
        }
        if (reflector != null) {
            reflector.stop();
            reflector = null;
        }
        if (settings == null) {
            log.info("STAMP reflector disabled");
            return;
        }
        try {
            reflector = start(settings);
            log.info("STAMP {} started", settings);
        } catch (IOException e) {
            log.error("STAMP {} rejected: {}", settings, e.getMessage());
            if (previous != null) {
                try {
                    reflector = start(previous);
                    log.info("STAMP {} stays in force", previous);
                } catch (IOException again) {
                    log.error("STAMP {} cannot be restored: {}", previous, again.getMessage());
                }
            }
        }
    }

    private StampSessionReflector start(ReflectorSettings settings) throws IOException {
        StampSessionReflector started = new StampSessionReflector(group, Clock.SYSTEM, settings);
        started.start();
        return started;
    }

    /** Every peer of the socket it answers on (this host's addresses when bound to the wildcard). */
    @Override
    public synchronized List<OwnTrafficRule> ownTrafficRules(List<InetAddress> hostAddresses) {
        InetSocketAddress bound = reflector == null ? null : reflector.localAddress();
        if (bound == null) {
            return List.of();
        }
        List<InetAddress> addresses = bound.getAddress().isAnyLocalAddress() ? hostAddresses : List.of(bound.getAddress());
        if (addresses.isEmpty()) {
            return List.of();
        }
        return List.of(OwnTrafficRule.endpoint(Protocol.UDP, addresses, bound.getPort(), "AppQoE STAMP reflector"));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    protected void bindOwnTrafficService(OwnTrafficService service) {
        service.addSource(this);
    }

    protected void unbindOwnTrafficService(OwnTrafficService service) {
        service.removeSource(this);
    }

    @Override
    public void addChangeListener(Runnable listener) {
        ownTrafficListeners.add(listener);
    }

    @Override
    public void removeChangeListener(Runnable listener) {
        ownTrafficListeners.remove(listener);
    }

    private String describe() {
        return reflector == null ? "the disabled reflector" : String.valueOf(reflector.settings());
    }
}
