package org.apptrack.capture.onos;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apptrack.capture.frame.FrameHandler;
import org.onosproject.cluster.NodeId;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.packet.DefaultPacketRequest;
import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.packet.PacketInFilter;
import org.onosproject.net.packet.PacketPriority;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketProcessorEntry;
import org.onosproject.net.packet.PacketRequest;
import org.onosproject.net.packet.PacketService;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONOS's {@link PacketService} outside ONOS: captured frames reach the registered processors as
 * ONOS packet contexts, in ONOS's order (ascending priority: advisors, directors, observers; equal
 * priorities in registration order), after the packet-in filters. A processor that throws is
 * logged and counted and the others still run. Device {@code capture:<interface>}, port = the
 * interface's index + 1.
 *
 * <p>Each delivering thread reuses one packet context for all its frames ({@link FrameDelivery}):
 * the context, its inbound packet and the buffer of {@code unparsed()} are valid while the
 * processors run, as the frame's bytes are. Delivery allocates nothing and counts without atomic
 * instructions.
 */
@Component(service = {PacketService.class, CapturePacketService.class})
public class CapturePacketService implements PacketService, FrameHandler {

    private static final Logger log = LoggerFactory.getLogger(CapturePacketService.class);
    /** The controller node that packet requests name; there is one node outside ONOS. */
    public static final NodeId LOCAL_NODE = NodeId.nodeId("standalone");
    private static final Comparator<ProcessorEntry> ONOS_ORDER =
            Comparator.comparingInt(ProcessorEntry::priority).thenComparingLong(ProcessorEntry::order);

    private final Object lock = new Object();
    private volatile ProcessorEntry[] processors = new ProcessorEntry[0];
    private long registrations;
    /**
     * Copied on change, like {@link #processors}: walking an array per frame allocates nothing,
     * where a CopyOnWriteArrayList hands out an iterator (removed by C2's escape analysis only
     * once the path is compiled, and not in every compiled shape).
     */
    private volatile PacketInFilter[] filters = new PacketInFilter[0];
    private final List<PacketRequest> requests = new CopyOnWriteArrayList<>();
    /**
     * One per thread that delivers frames (see {@link FrameDelivery}). Not a ThreadLocal: its
     * value would reference this service from every thread that ever delivered, and so keep the
     * service and its processors alive as long as the thread (a leak with every new service).
     */
    private final List<FrameDelivery> deliveries = new CopyOnWriteArrayList<>();
    /**
     * The delivery used last, checked against the current thread before use: while one source
     * delivers, finding its delivery costs one comparison (racy on purpose; a miss looks it up).
     */
    private FrameDelivery lastDelivery;
    /** Counts of the deliveries whose threads have ended; under {@link #lock}. */
    private long retiredFrames;
    private long retiredFiltered;
    private volatile ConnectPoint[] connectPoints = new ConnectPoint[0];
    private volatile String[] interfaceNames = new String[0];
    private volatile FrameEmitter emitter;

    // ---- frames from the sources ----

    /** Names the interfaces of the current source, in index order: they become the ConnectPoints. */
    public void interfaces(List<String> names, FrameEmitter sourceEmitter) {
        ConnectPoint[] points = new ConnectPoint[names.size()];
        for (int i = 0; i < points.length; i++) {
            points[i] = connectPoint(names.get(i), i);
        }
        synchronized (lock) {
            this.interfaceNames = names.toArray(new String[0]);
            this.connectPoints = points;
            this.emitter = sourceEmitter;
        }
    }

    /**
     * A frame from an interface the source did not name: it becomes {@code if<index>}, kept in
     * the list so that the next frame from it allocates nothing.
     */
    private ConnectPoint unnamedInterface(int interfaceIndex) {
        synchronized (lock) {
            ConnectPoint[] points = connectPoints;
            if (interfaceIndex < 0 || interfaceIndex > 0xFFFF) {
                return connectPoint("if" + interfaceIndex, 0); // not a real index: not worth keeping
            }
            if (interfaceIndex < points.length) {
                return points[interfaceIndex];
            }
            String[] names = Arrays.copyOf(interfaceNames, interfaceIndex + 1);
            ConnectPoint[] grown = Arrays.copyOf(points, interfaceIndex + 1);
            for (int i = points.length; i < grown.length; i++) {
                names[i] = "if" + i;
                grown[i] = connectPoint(names[i], i);
            }
            interfaceNames = names;
            connectPoints = grown;
            return grown[interfaceIndex];
        }
    }

    /** The ConnectPoint of a capture interface: device {@code capture:NAME}, port index + 1. */
    public static ConnectPoint connectPoint(String interfaceName, int index) {
        return new ConnectPoint(deviceId(interfaceName), PortNumber.portNumber(index + 1L));
    }

    /**
     * {@code capture:NAME}, with the characters a URI does not allow percent-encoded: capture files
     * from Windows name interfaces like {@code \Device\NPF_{...}}.
     */
    public static DeviceId deviceId(String interfaceName) {
        StringBuilder b = new StringBuilder("capture:");
        for (byte c : interfaceName.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int ch = c & 0xff;
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || "-._~:@!$&'()*+,;=/".indexOf(ch) >= 0) {
                b.append((char) ch);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(ch >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(ch & 0xf, 16)));
            }
        }
        return DeviceId.deviceId(b.toString());
    }

    /**
     * Delivers a frame from any thread: finds the calling thread's delivery first. A source with
     * its own reading thread takes {@link #handlerForThisThread()} instead, which skips that.
     */
    @Override
    public void onFrame(int interfaceIndex, long timestampNanos, ByteBuffer frame, int wireLength) {
        FrameDelivery delivery = lastDelivery;
        if (delivery == null || delivery.owner != Thread.currentThread()) {
            delivery = deliveryOfThisThread();
            lastDelivery = delivery;
        }
        deliver(delivery, interfaceIndex, timestampNanos, frame, wireLength);
    }

    /**
     * The frame handler of the calling thread (a capture source's reading thread), to be used on
     * this thread only: it delivers with the thread's own context and counters, without looking
     * them up per frame.
     */
    public FrameHandler handlerForThisThread() {
        return deliveryOfThisThread();
    }

    /** Delivers a frame with {@code delivery}, which belongs to the calling thread. */
    void deliver(FrameDelivery delivery, int interfaceIndex, long timestampNanos, ByteBuffer frame, int wireLength) {
        delivery.frameArrived();
        ConnectPoint[] points = connectPoints;
        ConnectPoint from = interfaceIndex >= 0 && interfaceIndex < points.length ? points[interfaceIndex]
                : unnamedInterface(interfaceIndex);
        if (delivery.busy) {
            // A processor delivers a frame itself, on this thread: the reused context is in use.
            CapturePacketContext nested = new CapturePacketContext(this);
            nested.reset(timestampNanos, from, frame);
            deliver(delivery, nested);
            return;
        }
        CapturePacketContext context = delivery.context;
        context.reset(timestampNanos, from, frame);
        delivery.busy = true;
        try {
            deliver(delivery, context);
        } finally {
            delivery.busy = false;
        }
    }

    private void deliver(FrameDelivery delivery, CapturePacketContext context) {
        for (PacketInFilter filter : filters) {
            PacketInFilter.FilterAction action;
            try {
                action = filter.preProcess(context);
            } catch (RuntimeException e) {
                log.warn("Packet-in filter {} threw", filter.name(), e);
                continue;
            }
            if (action != PacketInFilter.FilterAction.PACKET_ALLOW
                    && action != PacketInFilter.FilterAction.FILTER_DISABLED) {
                delivery.frameFiltered();
                return;
            }
        }
        boolean timed = delivery.sampleNow();
        for (ProcessorEntry entry : processors) {
            long start = timed ? System.nanoTime() : 0L;
            try {
                entry.processor().process(context);
            } catch (RuntimeException | LinkageError e) {
                entry.failed();
                if (entry.failures() <= 10) {
                    log.warn("Packet processor {} threw on a frame from {}", entry,
                            context.inPacket().receivedFrom(), e);
                }
            }
            if (timed) {
                entry.timed(System.nanoTime() - start);
            }
        }
    }

    /** Frames delivered to the processors (after the filters: plus {@link #filteredFrames()}). */
    public long frames() {
        return sumDeliveries(true);
    }

    public long filteredFrames() {
        return sumDeliveries(false);
    }

    /** Frames that passed the filters and so reached every processor registered at the time. */
    private long passedFrames() {
        synchronized (lock) {
            return sumDeliveries(true) - sumDeliveries(false);
        }
    }

    /**
     * Sums a counter over the delivering threads; the deliveries of threads that have ended are
     * folded into the retired totals (their counts are final once the thread is dead).
     */
    private long sumDeliveries(boolean frameCount) {
        synchronized (lock) {
            long sum = frameCount ? retiredFrames : retiredFiltered;
            for (FrameDelivery d : deliveries) {
                if (!d.owner.isAlive()) {
                    retiredFrames += d.frames();
                    retiredFiltered += d.filtered();
                    deliveries.remove(d);
                }
                sum += frameCount ? d.frames() : d.filtered();
            }
            return sum;
        }
    }

    private FrameDelivery deliveryOfThisThread() {
        Thread current = Thread.currentThread();
        for (FrameDelivery d : deliveries) { // without the lock: sources on several threads do not contend
            if (d.owner == current) {
                return d;
            }
        }
        synchronized (lock) {
            for (FrameDelivery d : deliveries) {
                if (d.owner == current) {
                    return d;
                }
            }
            sumDeliveries(true); // folds the deliveries of ended threads: the list stays as long as the live ones
            FrameDelivery d = new FrameDelivery(current, this);
            deliveries.add(d);
            return d;
        }
    }

    /** Exceptions thrown by processors, summed. */
    public long processorFailures() {
        long n = 0;
        for (ProcessorEntry e : processors) {
            n += e.failures();
        }
        return n;
    }

    // ---- PacketService ----

    @Override
    public void addProcessor(PacketProcessor processor, int priority) {
        synchronized (lock) {
            List<ProcessorEntry> list = new ArrayList<>(Arrays.asList(processors));
            list.add(new ProcessorEntry(processor, priority, registrations++, this::passedFrames));
            list.sort(ONOS_ORDER);
            processors = list.toArray(new ProcessorEntry[0]);
        }
    }

    @Override
    public void removeProcessor(PacketProcessor processor) {
        synchronized (lock) {
            List<ProcessorEntry> list = new ArrayList<>(Arrays.asList(processors));
            list.removeIf(e -> {
                if (e.processor() == processor) {
                    e.removed();
                    return true;
                }
                return false;
            });
            processors = list.toArray(new ProcessorEntry[0]);
        }
    }

    @Override
    public List<PacketProcessorEntry> getProcessors() {
        return List.of(processors);
    }

    /** The registered processors in delivery order, with their names and exception counts. */
    public List<ProcessorEntry> processorEntries() {
        return List.of(processors);
    }

    @Override
    public void addFilter(PacketInFilter filter) {
        synchronized (lock) {
            PacketInFilter[] next = Arrays.copyOf(filters, filters.length + 1);
            next[next.length - 1] = filter;
            filters = next;
        }
    }

    @Override
    public void removeFilter(PacketInFilter filter) {
        synchronized (lock) {
            List<PacketInFilter> list = new ArrayList<>(Arrays.asList(filters));
            list.remove(filter);
            filters = list.toArray(new PacketInFilter[0]);
        }
    }

    @Override
    public List<PacketInFilter> getFilters() {
        return List.of(filters);
    }

    @Override
    public void clearFilters() {
        PacketInFilter[] old;
        synchronized (lock) {
            old = filters;
            filters = new PacketInFilter[0];
        }
        for (PacketInFilter f : old) {
            f.stop();
        }
    }

    /**
     * Records the request. A capture source already sees every frame on its interfaces, so
     * requests install nothing; they are kept (one per selector, priority, application and
     * device, as ONOS keeps them) for {@link #getRequests()} and for the operator.
     */
    @Override
    public void requestPackets(TrafficSelector selector, PacketPriority priority, ApplicationId appId) {
        requestPackets(selector, priority, appId, Optional.empty());
    }

    @Override
    public void requestPackets(TrafficSelector selector, PacketPriority priority, ApplicationId appId,
                               Optional<DeviceId> deviceId) {
        PacketRequest request = new DefaultPacketRequest(selector, priority, appId, LOCAL_NODE, deviceId);
        synchronized (lock) {
            if (!requests.contains(request)) {
                requests.add(request);
            }
        }
    }

    @Override
    public void cancelPackets(TrafficSelector selector, PacketPriority priority, ApplicationId appId) {
        cancelPackets(selector, priority, appId, Optional.empty());
    }

    @Override
    public void cancelPackets(TrafficSelector selector, PacketPriority priority, ApplicationId appId,
                              Optional<DeviceId> deviceId) {
        requests.remove(new DefaultPacketRequest(selector, priority, appId, LOCAL_NODE, deviceId));
    }

    @Override
    public List<PacketRequest> getRequests() {
        return List.copyOf(requests);
    }

    /**
     * Sends the packet out of the capture interface its device names.
     *
     * @throws IllegalArgumentException when the device is not one of this source's interfaces
     * @throws UnsupportedOperationException when the source cannot send (capture file, "any")
     */
    @Override
    public void emit(OutboundPacket packet) {
        String device = packet.sendThrough().toString();
        String[] names = interfaceNames;
        int index = -1;
        for (int i = 0; i < names.length; i++) {
            if (packet.sendThrough().equals(deviceId(names[i]))) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("cannot emit through " + device + ": not a capture interface of"
                    + " this source " + Arrays.toString(names));
        }
        FrameEmitter e = emitter;
        if (e == null) {
            throw new UnsupportedOperationException("cannot emit through " + device + ": no packet source runs");
        }
        e.emit(index, packet.data());
    }
}
