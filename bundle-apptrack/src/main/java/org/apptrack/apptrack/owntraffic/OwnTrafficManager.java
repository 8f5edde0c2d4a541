package org.apptrack.apptrack.owntraffic;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.api.traffic.OwnTrafficEvent;
import org.apptrack.api.traffic.OwnTrafficListener;
import org.apptrack.api.traffic.OwnTrafficService;
import org.apptrack.api.traffic.OwnTrafficSource;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.config.ManagementEndpoint;
import org.apptrack.apptrack.config.ManagementEndpoints;
import org.apptrack.syslog.api.LogStreamsListener;
import org.apptrack.syslog.api.SecurityLogService;
import org.onosproject.event.ListenerRegistry;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows the product's own traffic: the security-log streams' receivers, the container's SSH,
 * HTTP(S) and JMX listeners (from ConfigAdmin), the SSH login the container was started from and
 * the operator's {@code managementEndpoints} (PID {@code org.apptrack.apptrack}, shared with
 * AppTrack: a configuration AppTrack refuses is refused here too), and whatever the product's
 * other parts declare as {@link OwnTrafficSource}s (AppQoE's probes and reflector). The set is
 * recomputed on one
 * thread when a stream, a listener configuration or the endpoints change, and every 30 s when
 * this host's addresses changed; listeners hear of each new set.
 */
@Component(immediate = true, service = {OwnTrafficService.class, ConfigurationListener.class},
        configurationPid = AppTrackSettings.PID)
public class OwnTrafficManager implements OwnTrafficService, ConfigurationListener {

    private static final Logger log = LoggerFactory.getLogger(OwnTrafficManager.class);
    /** How often this host's addresses are compared with the last ones seen. */
    static final long HOST_ADDRESS_CHECK_SECONDS = 30;

    @Reference
    private SecurityLogService securityLog;

    @Reference
    private ConfigurationAdmin configAdmin;

    private final ListenerRegistry<OwnTrafficEvent, OwnTrafficListener> listeners = new ListenerRegistry<>();
    private final LogStreamsListener streamsListener = this::recomputeSoon;
    private final Runnable sourceListener = this::recomputeSoon;
    private final CopyOnWriteArrayList<OwnTrafficSource> sources = new CopyOnWriteArrayList<>();
    /** At most one recomputation waits: triggers that come while it waits share it. */
    private final AtomicBoolean recomputePending = new AtomicBoolean();
    private volatile OwnTraffic current = OwnTraffic.NONE;
    private volatile List<ManagementEndpoint> managementEndpoints = List.of();
    private List<InetAddress> hostAddresses = List.of();
    private Supplier<List<InetAddress>> hostAddressSource = HostAddresses::current;
    private String sshConnection = System.getenv("SSH_CONNECTION");
    private volatile ScheduledExecutorService executor;

    @Activate
    protected void activate(Map<String, Object> properties) {
        configure(properties);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apptrack-own-traffic");
            t.setDaemon(true);
            return t;
        });
        securityLog.addStreamsListener(streamsListener);
        recompute(); // now, so that the set is there for whoever binds this service next
        executor.scheduleWithFixedDelay(this::checkHostAddresses, HOST_ADDRESS_CHECK_SECONDS,
                HOST_ADDRESS_CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Modified
    protected void modified(Map<String, Object> properties) {
        if (configure(properties)) {
            recomputeSoon();
        }
    }

    @Deactivate
    protected void deactivate() {
        securityLog.removeStreamsListener(streamsListener);
        executor.shutdownNow();
    }

    /** For tests and tools without OSGi. */
    void bind(SecurityLogService logService, ConfigurationAdmin admin, Supplier<List<InetAddress>> addresses,
              String sshConnectionVariable) {
        this.securityLog = logService;
        this.configAdmin = admin;
        this.hostAddressSource = addresses;
        this.sshConnection = sshConnectionVariable;
    }

    /** Takes the management endpoints of a valid configuration; false when refused or unchanged. */
    private boolean configure(Map<String, Object> properties) {
        List<ManagementEndpoint> endpoints;
        try {
            endpoints = AppTrackSettings.parse(properties).managementEndpoints();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(ManagementEndpoints.PROPERTY)) {
                log.error("Own traffic: configuration rejected, the previous management endpoints stay in force: {}",
                        e.getMessage());
            } // other fields: AppTrack reports them
            return false;
        }
        if (endpoints.equals(managementEndpoints)) {
            return false;
        }
        managementEndpoints = endpoints;
        return true;
    }

    @Override
    public OwnTraffic ownTraffic() {
        return current;
    }

    @Override
    public void addSource(OwnTrafficSource source) {
        if (!sources.addIfAbsent(source)) {
            return;
        }
        source.addChangeListener(sourceListener);
        recomputeSoon();
    }

    @Override
    public void removeSource(OwnTrafficSource source) {
        if (!sources.remove(source)) {
            return;
        }
        source.removeChangeListener(sourceListener);
        recomputeSoon();
    }

    @Override
    public void addListener(OwnTrafficListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public void removeListener(OwnTrafficListener listener) {
        listeners.removeListener(listener);
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (KarafListeners.PIDS.contains(event.getPid())) {
            recomputeSoon();
        }
    }

    /** Recomputes on the manager's thread, soon; never on the caller's (a stream or ConfigAdmin thread). */
    private void recomputeSoon() {
        if (executor == null) {
            return; // not active yet: activate() computes the set
        }
        if (!recomputePending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                recomputePending.set(false);
                recomputeSafely();
            });
        } catch (RejectedExecutionException e) {
            recomputePending.set(false); // deactivated
        }
    }

    private void checkHostAddresses() {
        try {
            List<InetAddress> now = hostAddressSource.get();
            boolean changed;
            synchronized (this) {
                changed = !now.equals(hostAddresses);
            }
            if (changed) {
                recompute();
            }
        } catch (RuntimeException e) {
            log.warn("Own traffic: this host's addresses could not be read: {}", e.getMessage());
        }
    }

    private void recomputeSafely() {
        try {
            recompute();
        } catch (RuntimeException e) {
            log.warn("Own traffic: not recomputed, the previous set stays in force", e);
        }
    }

    /** Builds the set from what is known now; listeners hear of it when it differs from the last. */
    synchronized void recompute() {
        List<InetAddress> addresses = hostAddressSource.get();
        hostAddresses = addresses;
        OwnTrafficBuilder rules = new OwnTrafficBuilder(addresses).streams(securityLog.networkEndpoints());
        KarafListeners.addTo(rules, this::properties);
        SshConnection.parse(sshConnection).ifPresent(rules::managementConnection);
        rules.managementEndpoints(managementEndpoints);
        for (OwnTrafficSource source : sources) {
            try {
                rules.rules(source.ownTrafficRules(addresses));
            } catch (RuntimeException e) {
                log.warn("Own traffic: a part of the product could not say what it sends ({}), left out: {}",
                        source.getClass().getName(), e.toString());
            }
        }
        OwnTraffic next = rules.build();
        if (next.equals(current)) {
            return;
        }
        current = next;
        log.info("Own traffic, not tracked: {}", next.rules());
        listeners.process(new OwnTrafficEvent(OwnTrafficEvent.Type.OWN_TRAFFIC_CHANGED, next));
    }

    /** A PID's properties, without creating a configuration for it; null when it has none. */
    private Dictionary<String, ?> properties(String pid) {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            log.warn("Own traffic: configuration {} not readable: {}", pid, e.getMessage());
            return null;
        }
    }
}
