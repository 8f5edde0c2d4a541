package org.apptrack.syslog.stream;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogRecordListener;
import org.apptrack.syslog.api.LogStreamEndpoint;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.LogStreamsListener;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.syslog.settings.InvalidStreamConfigException;
import org.apptrack.syslog.settings.LogStreamSettings;
import org.apptrack.syslog.settings.TransportKind;
import org.apptrack.syslog.transport.FileStreamTransport;
import org.apptrack.syslog.transport.NettyStreamTransport;
import org.apptrack.syslog.transport.StreamTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security-log stream: fans each record out to every running stream's queue. Streams come
 * and go with their ConfigAdmin configurations; one Netty event loop thread serves all network
 * streams, each file stream has a thread of its own.
 */
@Component(immediate = true, service = {SecurityLogService.class, LogStreamRegistry.class})
public class SecurityLogManager implements SecurityLogService, LogStreamRegistry {

    private static final Logger log = LoggerFactory.getLogger(SecurityLogManager.class);
    private static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private final Object lock = new Object();
    /** Configurations by PID, in the order they arrived. Guarded by {@link #lock}. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** What {@link #log(LogRecord)} delivers to; replaced whole on every change. */
    private volatile LogStream[] running = new LogStream[0];
    private final List<LogRecordListener> listeners = new CopyOnWriteArrayList<>();
    private final List<LogStreamsListener> streamsListeners = new CopyOnWriteArrayList<>();
    private EventLoopGroup eventLoops;
    /** Periodic stream tasks (rate-limit summaries): a few per minute, on the network streams' loop. */
    private PeriodicScheduler timer;

    @Activate
    protected void activate() {
        eventLoops = new NioEventLoopGroup(1, new DefaultThreadFactory("apptrack-syslog", true));
        EventLoop timerLoop = eventLoops.next();
        timer = (task, periodNanos) -> timerLoop.scheduleAtFixedRate(task, periodNanos, periodNanos,
                TimeUnit.NANOSECONDS);
        log.info("Security log started");
    }

    @Deactivate
    protected void deactivate() {
        synchronized (lock) {
            for (Entry e : entries.values()) {
                if (e.stream != null) {
                    e.stream.stop();
                }
            }
            entries.clear();
            running = new LogStream[0];
        }
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        log.info("Security log stopped");
    }

    @Override
    public void log(LogRecord record) {
        for (LogRecordListener listener : listeners) {
            try {
                listener.recordLogged(record);
            } catch (RuntimeException e) {
                log.warn("Log record listener {} failed", listener, e);
            }
        }
        for (LogStream stream : running) {
            stream.offer(record);
        }
    }

    @Override
    public boolean log(String streamName, LogRecord record) {
        for (LogStream stream : running) {
            if (stream.name().equals(streamName)) {
                stream.offer(record);
                return true;
            }
        }
        return false;
    }

    @Override
    public List<LogStreamStatus> streams() {
        synchronized (lock) {
            List<LogStreamStatus> result = new ArrayList<>(entries.size());
            for (Entry e : entries.values()) {
                result.add(e.status());
            }
            return result;
        }
    }

    @Override
    public Optional<LogStreamStatus> stream(String name) {
        return streams().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public void addListener(LogRecordListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(LogRecordListener listener) {
        listeners.remove(listener);
    }

    @Override
    public List<LogStreamEndpoint> networkEndpoints() {
        synchronized (lock) {
            List<LogStreamEndpoint> result = new ArrayList<>();
            for (Entry e : entries.values()) {
                if (e.stream != null && e.stream.settings().transport() != TransportKind.FILE) {
                    LogStreamSettings s = e.stream.settings();
                    result.add(new LogStreamEndpoint(s.name(), s.transport().configName(), s.remote(),
                            s.local() != null ? s.local().getAddress() : null));
                }
            }
            return result;
        }
    }

    @Override
    public void addStreamsListener(LogStreamsListener listener) {
        streamsListeners.add(listener);
    }

    @Override
    public void removeStreamsListener(LogStreamsListener listener) {
        streamsListeners.remove(listener);
    }

    @Override
    public void apply(String pid, Map<String, ?> properties) {
        String defaultName = defaultName(pid, properties);
        synchronized (lock) {
            Entry previous = entries.get(pid);
            LogStreamSettings settings;
            try {
                settings = LogStreamSettings.parse(properties, defaultName);
                checkNameUnique(pid, settings.name());
            } catch (InvalidStreamConfigException e) {
                reject(pid, previous, defaultName, properties, e.getMessage());
                return;
            }
            LogStream stream = new LogStream(settings, System::nanoTime, timer);
            try {
                stream.start(settings.transport() == TransportKind.FILE
                        ? new FileStreamTransport(settings)
                        : new NettyStreamTransport(settings, eventLoops));
            } catch (IOException e) {
                reject(pid, previous, defaultName, properties, "tlsTrustStore: " + e.getMessage());
                return;
            }
            if (previous != null && previous.stream != null) {
                previous.stream.stop();
            }
            entries.put(pid, new Entry(stream, null));
            publish();
            log.info("Log stream {} started: {} {} to {}", settings.name(), settings.transport().configName(),
                    settings.format().format().configName(), settings.destination());
        }
    }

    @Override
    public void remove(String pid) {
        synchronized (lock) {
            Entry e = entries.remove(pid);
            if (e != null && e.stream != null) {
                e.stream.stop();
                log.info("Log stream {} removed", e.stream.name());
            }
            publish();
        }
    }

    private void reject(String pid, Entry previous, String name, Map<String, ?> props, String error) {
        if (previous != null && previous.stream != null) {
            log.error("Log stream {}: configuration update rejected, previous configuration stays in force: {}",
                    previous.stream.name(), error);
            previous.stream.configError("update rejected, previous configuration in force: " + error);
        } else {
            log.error("Log stream {}: configuration rejected, stream not started: {}", name, error);
            entries.put(pid, new Entry(null, rejectedStatus(name, props, error)));
            publish();
        }
    }

    private void checkNameUnique(String pid, String name) throws InvalidStreamConfigException {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!e.getKey().equals(pid) && e.getValue().name().equals(name)) {
                throw new InvalidStreamConfigException("name", "'" + name + "' is already used by configuration "
                        + e.getKey());
            }
        }
    }

    private void publish() {
        List<LogStream> up = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.stream != null) {
                up.add(e.stream);
            }
        }
        running = up.toArray(new LogStream[0]);
        for (LogStreamsListener listener : streamsListeners) {
            try {
                listener.streamsChanged();
            } catch (RuntimeException e) {
                log.warn("Log streams listener {} failed", listener, e);
            }
        }
    }

    private static LogStreamStatus rejectedStatus(String name, Map<String, ?> props, String error) {
        Object transport = props.get("transport");
        Object format = props.get("format");
        Object host = props.get("host");
        Object port = props.get("port");
        Object file = props.get("filePath");
        String destination = file != null ? file.toString() : (host != null ? host : "") + ":" + (port != null ? port : "");
        return new LogStreamStatus(name, transport == null ? "udp" : transport.toString(),
                format == null ? "sd-syslog" : format.toString(), destination, LogStreamState.REJECTED, error,
                0, 0, 0, 0, 0, 0, 0, null, 0);
    }

    /** The stream name an operator expects: NAME of {@code org.apptrack.syslog.stream-NAME.cfg}. */
    static String defaultName(String pid, Map<String, ?> props) {
        int tilde = pid.indexOf('~');
        if (tilde >= 0) {
            return pid.substring(tilde + 1);
        }
        Object file = props.get(FILEINSTALL_FILENAME);
        if (file != null) {
            String f = file.toString();
            String base = f.substring(f.lastIndexOf('/') + 1);
            String prefix = LogStreamSettings.FACTORY_PID + "-";
            int at = base.indexOf(prefix);
            if (at >= 0) {
                String rest = base.substring(at + prefix.length());
                return rest.endsWith(".cfg") ? rest.substring(0, rest.length() - 4) : rest;
            }
        }
        return pid.startsWith(LogStreamSettings.FACTORY_PID + ".")
                ? pid.substring(LogStreamSettings.FACTORY_PID.length() + 1) : pid;
    }

    /** A configuration: its running stream, or the status of its rejection. */
    private static final class Entry {
        final LogStream stream;
        final LogStreamStatus rejected;

        Entry(LogStream stream, LogStreamStatus rejected) {
            this.stream = stream;
            this.rejected = rejected;
        }

        String name() {
            return stream != null ? stream.name() : rejected.name();
        }

        LogStreamStatus status() {
            return stream != null ? stream.status() : rejected;
        }
    }
}
