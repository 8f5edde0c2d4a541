package org.apptrack.appqoe.lab;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apptrack.api.time.Clock;
import org.apptrack.appqoe.metrics.PeriodMetrics;
import org.apptrack.appqoe.probe.ProbeResultListener;
import org.apptrack.appqoe.probe.stamp.ProbePathSettings;
import org.apptrack.appqoe.probe.stamp.StampSessionSender;
import org.apptrack.appqoe.sla.SlaEvaluator;
import org.apptrack.appqoe.sla.SlaEvent;
import org.apptrack.appqoe.sla.SlaListener;
import org.apptrack.appqoe.sla.SlaRule;
import org.apptrack.testsupport.process.Commands;

/**
 * The product's STAMP senders on the lab's uplinks (path {@code uplink-N}, bound to the
 * branch address of uplink N, probing the site's reflector there), each feeding its own
 * {@link SlaEvaluator} when a rule is given. Evaluators get System.nanoTime() as their clock,
 * so event times compare with the site forwarder's acknowledgements ({@link SettingChange}).
 * Events, closed periods and probe outcomes are recorded for the test.
 */
final class LabProbes implements AutoCloseable, ProbeResultListener, SlaListener {

    private final EventLoopGroup group = new NioEventLoopGroup(2);
    private final List<StampSessionSender> senders = new ArrayList<>();
    private final Map<String, SlaEvaluator> evaluators = new ConcurrentHashMap<>();
    private final List<SlaEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<PeriodMetrics>> periods = new ConcurrentHashMap<>();
    private final Map<String, AtomicLongArray> outcomes = new ConcurrentHashMap<>();

    /** Starts a sender per uplink number with {@code settings} applied to the lab's addresses. */
    static LabProbes start(NetnsLab lab, SlaRule rule, ProbeSettings settings, int... uplinks) throws IOException {
        LabProbes probes = new LabProbes();
        try {
            for (int k : uplinks) {
                Uplink uplink = lab.uplink(k);
                String path = pathOf(k);
                ProbePathSettings pathSettings = ProbePathSettings.builder(path)
                        .source(uplink.branchInet(), 0).reflector(uplink.reflector())
                        .dscp(settings.dscp()).interval(settings.interval()).lossTimeout(settings.lossTimeout())
                        .probeCount(settings.probeCount()).build();
                probes.outcomes.put(path, new AtomicLongArray(2));
                probes.periods.put(path, Collections.synchronizedList(new ArrayList<>()));
                if (rule != null) {
                    probes.evaluators.put(path, new SlaEvaluator(path, rule, probes));
                }
                StampSessionSender sender = new StampSessionSender(probes.group, Clock.SYSTEM, pathSettings, probes);
                probes.senders.add(sender);
                sender.start();
            }
        } catch (IOException | RuntimeException e) {
            probes.close();
            throw e;
        }
        return probes;
    }

    static String pathOf(int uplink) {
        return "uplink-" + uplink;
    }

    /** How the senders probe: DSCP, spacing, loss timeout, probes in all (0: until closed). */
    record ProbeSettings(int dscp, Duration interval, Duration lossTimeout, long probeCount) {
    }

    @Override
    public void onResult(String pathId, long sequence, long rttNanos, long forwardNanos, long backwardNanos) {
        outcomes.get(pathId).incrementAndGet(0);
        SlaEvaluator evaluator = evaluators.get(pathId);
        if (evaluator != null) {
            evaluator.answered(System.nanoTime(), rttNanos / 1000, forwardNanos / 1000, backwardNanos / 1000);
        }
    }

    @Override
    public void onLost(String pathId, long sequence) {
        outcomes.get(pathId).incrementAndGet(1);
        SlaEvaluator evaluator = evaluators.get(pathId);
        if (evaluator != null) {
            evaluator.lost(System.nanoTime());
        }
    }

    @Override
    public void event(SlaEvent event) {
        events.add(event);
    }

    @Override
    public void periodClosed(String path, SlaRule rule, PeriodMetrics period) {
        periods.get(path).add(period.copy());
    }

    List<SlaEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    List<SlaEvent> events(int uplink, SlaEvent.Type type) {
        return events().stream().filter(e -> e.path().equals(pathOf(uplink)) && e.type() == type).toList();
    }

    /** Whether the uplink's path is in violation now (its last event was a violation). */
    boolean violated(int uplink) {
        List<SlaEvent> all = events().stream().filter(e -> e.path().equals(pathOf(uplink))).toList();
        return !all.isEmpty() && all.get(all.size() - 1).type() == SlaEvent.Type.VIOLATION;
    }

    /**
     * Waits for the start of a sampling period of the uplink's path while the path is not in
     * violation (a busy machine may have made it violate; it then recovers first), so that a
     * change made now falls into one fresh period.
     */
    void awaitCleanPeriodStart(int uplink, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int closed = periods(uplink).size();
            if (await(Duration.ofSeconds(15), () -> periods(uplink).size() > closed) && !violated(uplink)) {
                return;
            }
        }
        throw new AssertionError("path " + pathOf(uplink) + " found no clean period start in " + timeout
                + "; events " + events());
    }

    List<PeriodMetrics> periods(int uplink) {
        List<PeriodMetrics> closed = periods.get(pathOf(uplink));
        synchronized (closed) {
            return List.copyOf(closed);
        }
    }

    /** Answered probes of the uplink so far . */
    long answered(int uplink) {
        return outcomes.get(pathOf(uplink)).get(0);
    }

    long lost(int uplink) {
        return outcomes.get(pathOf(uplink)).get(1);
    }

    StampSessionSender sender(int uplink) {
        return senders.stream().filter(s -> s.settings().pathId().equals(pathOf(uplink))).findFirst().orElseThrow();
    }

    /** Waits until {@code condition} holds, up to {@code timeout}; false if it never did. */
    static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Commands.sleep(10);
        }
        return true;
    }

    /** The first event matching {@code filter}, waiting up to {@code timeout}; null if none came. */
    SlaEvent awaitEvent(Duration timeout, Predicate<SlaEvent> filter) {
        SlaEvent[] found = new SlaEvent[1];
        await(timeout, () -> {
            found[0] = events().stream().filter(filter).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    @Override
    public void close() {
        for (StampSessionSender sender : senders) {
            sender.stop();
        }
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
