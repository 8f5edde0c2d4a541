package org.apptrack.apptrack.offload;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.impl.AppTrackRuntime;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.SecurityLogService;
import org.mockito.Mockito;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreServiceAdapter;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.PacketContext;
import org.onosproject.store.service.StorageService;

/**
 * One ONOS node running AppTrack with offload mode: the real runtime (engine, log emitter) whose
 * log records are kept, the real OffloadManager on ONOS's service adapters, and a worker queue
 * the test runs by hand (so that every step is deterministic).
 */
final class OffloadNode {

    static final ApplicationId APP = new DefaultApplicationId(7, "org.apptrack.apptrack");

    final List<LogRecord> logs = new ArrayList<>();
    final FakeMastership mastership = new FakeMastership();
    final AppTrackRuntime runtime;
    final OffloadManager manager = new OffloadManager();
    private final ArrayDeque<Runnable> work = new ArrayDeque<>();
    private final long[] clock;

    OffloadNode(Map<String, Object> config, long[] clock, FakeFlowRules flowRules, StorageService storage) {
        this.clock = clock;
        SecurityLogService log = mock(SecurityLogService.class);
        Mockito.doAnswer(inv -> logs.add(inv.getArgument(0))).when(log).log(Mockito.any(LogRecord.class));
        runtime = new AppTrackRuntime(log, AppTrackSettings.parse(config), () -> clock[0]);
        manager.flowRuleService = flowRules;
        manager.mastershipService = mastership;
        manager.storageService = storage;
        manager.coreService = new CoreServiceAdapter() {
            @Override
            public ApplicationId registerApplication(String name) {
                return APP;
            }
        };
        manager.apptrack = () -> runtime;
        manager.start(work::add);
    }

    /** A frame punted by the switch, received on {@code connectPoint}. */
    void punt(String connectPoint, byte[] frame) {
        PacketContext ctx = mock(PacketContext.class);
        InboundPacket in = mock(InboundPacket.class);
        when(ctx.inPacket()).thenReturn(in);
        when(in.unparsed()).thenReturn(ByteBuffer.wrap(frame));
        when(in.receivedFrom()).thenReturn(ConnectPoint.deviceConnectPoint(connectPoint));
        runtime.process(ctx);
    }

    /** Runs the worker's queue until it is empty. */
    void runWork() {
        for (Runnable r = work.poll(); r != null; r = work.poll()) {
            r.run();
        }
    }

    void poll() {
        manager.poll();
        runWork();
    }

    void tick() {
        runtime.tick();
        runWork();
    }

    List<LogRecord> logs(String tag) {
        return logs.stream().filter(r -> r.tag().equals(tag)).collect(Collectors.toList());
    }

    long now() {
        return clock[0];
    }
}
