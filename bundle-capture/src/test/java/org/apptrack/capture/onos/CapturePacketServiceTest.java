package org.apptrack.capture.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apptrack.capture.frame.FrameHandler;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv4;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.packet.DefaultOutboundPacket;
import org.onosproject.net.packet.PacketContext;
import org.onosproject.net.packet.PacketInFilter;
import org.onosproject.net.packet.PacketPriority;
import org.onosproject.net.packet.PacketProcessor;
import org.junit.jupiter.api.Test;

class CapturePacketServiceTest {

    /** An Ethernet + IPv4 + UDP frame, 60 bytes. */
    static ByteBuffer udpFrame() {
        byte[] f = new byte[60];
        f[12] = 0x08; // IPv4
        f[14] = 0x45;
        f[16] = 0;
        f[17] = 46; // total length
        f[22] = 64; // ttl
        f[23] = 17; // UDP
        f[26] = 10; f[29] = 1; // 10.0.0.1
        f[30] = 10; f[33] = 2; // 10.0.0.2
        f[34] = 0x30; f[35] = 0x39; // 12345
        f[36] = 0; f[37] = 53;
        f[38] = 0; f[39] = 26;
        return ByteBuffer.wrap(f);
    }

    @Test
    void processorsRunInOnosOrderAdvisorsDirectorsObservers() {
        CapturePacketService service = new CapturePacketService();
        List<String> calls = new ArrayList<>();
        service.addProcessor(c -> calls.add("observer"), PacketProcessor.observer(1));
        service.addProcessor(c -> calls.add("director-2"), PacketProcessor.director(2));
        service.addProcessor(c -> calls.add("advisor"), PacketProcessor.advisor(5));
        service.addProcessor(c -> calls.add("director-1a"), PacketProcessor.director(1));
        service.addProcessor(c -> calls.add("director-1b"), PacketProcessor.director(1));
        service.onFrame(0, 0, udpFrame(), 60);
        assertEquals(List.of("advisor", "director-1a", "director-1b", "director-2", "observer"), calls);
        assertEquals(5, service.getProcessors().size());
        assertEquals(1, service.getProcessors().get(0).invocations());
    }

    @Test
    void aThrowingProcessorIsCountedAndTheOthersStillRun() {
        CapturePacketService service = new CapturePacketService();
        List<Integer> seen = new ArrayList<>();
        service.addProcessor(c -> {
            throw new IllegalStateException("boom");
        }, PacketProcessor.director(1));
        service.addProcessor(c -> seen.add(1), PacketProcessor.observer(1));
        service.onFrame(0, 0, udpFrame(), 60);
        service.onFrame(0, 0, udpFrame(), 60);
        assertEquals(List.of(1, 1), seen);
        assertEquals(2, service.processorFailures());
    }

    @Test
    void removedProcessorsNoLongerSeeFrames() {
        CapturePacketService service = new CapturePacketService();
        List<Integer> seen = new ArrayList<>();
        PacketProcessor p = c -> seen.add(1);
        service.addProcessor(p, PacketProcessor.observer(1));
        service.removeProcessor(p);
        service.onFrame(0, 0, udpFrame(), 60);
        assertTrue(seen.isEmpty());
        assertEquals(1, service.frames());
    }

    @Test
    void contextCarriesConnectPointTimeAndBothViewsOfTheFrame() {
        CapturePacketService service = new CapturePacketService();
        service.interfaces(List.of("eth0", "eth1"), (i, f) -> { });
        List<String> checked = new ArrayList<>();
        service.addProcessor(c -> {
            // The context is valid while the processors run: everything is checked in here.
            assertEquals(new ConnectPoint(DeviceId.deviceId("capture:eth1"), PortNumber.portNumber(2)),
                    c.inPacket().receivedFrom());
            assertEquals(1_600_000_000_123L, c.time());
            assertEquals(60, c.inPacket().unparsed().remaining());
            Ethernet eth = c.inPacket().parsed();
            assertNotNull(eth);
            assertEquals(Ethernet.TYPE_IPV4, eth.getEtherType());
            assertEquals(IPv4.PROTOCOL_UDP, ((IPv4) eth.getPayload()).getProtocol());
            assertSame(eth, c.inPacket().parsed(), "parsed once, lazily");
            assertFalse(c.isHandled());
            assertTrue(c.block());
            assertTrue(c.isHandled());
            assertFalse(c.block());
            checked.add("ok");
        }, PacketProcessor.observer(1));
        service.onFrame(1, 1_600_000_000_123_456_789L, udpFrame(), 60);
        assertEquals(List.of("ok"), checked);
    }

    @Test
    void framesFromUnnamedInterfacesGetOneConnectPointEach() {
        CapturePacketService service = new CapturePacketService();
        service.interfaces(List.of("eth0"), (i, f) -> { });
        List<ConnectPoint> from = new ArrayList<>();
        service.addProcessor(c -> from.add(c.inPacket().receivedFrom()), PacketProcessor.observer(1));
        service.onFrame(2, 0, udpFrame(), 60);
        service.onFrame(2, 0, udpFrame(), 60);
        service.onFrame(0, 0, udpFrame(), 60);
        assertEquals(new ConnectPoint(DeviceId.deviceId("capture:if2"), PortNumber.portNumber(3)), from.get(0));
        assertSame(from.get(0), from.get(1), "made once, not per frame");
        assertEquals("capture:eth0", from.get(2).deviceId().toString(), "named interfaces keep their names");
    }

    @Test
    void aReusedContextStartsEveryFrameAfresh() {
        CapturePacketService service = new CapturePacketService();
        List<String> seen = new ArrayList<>();
        // A director that blocks and consumes the buffer, an observer after it.
        service.addProcessor(c -> {
            seen.add("director handled=" + c.isHandled() + " bytes=" + c.inPacket().unparsed().remaining()
                    + " parsed=" + (c.inPacket().parsed() != null));
            c.block();
            ByteBuffer b = c.inPacket().unparsed();
            b.position(b.limit()); // a processor that reads the whole frame
        }, PacketProcessor.director(1));
        service.addProcessor(c -> seen.add("observer handled=" + c.isHandled() + " bytes="
                + c.inPacket().unparsed().remaining() + " t=" + c.time()), PacketProcessor.observer(1));
        service.onFrame(0, 5_000_000L, udpFrame(), 60);
        service.onFrame(0, 7_000_000L, ByteBuffer.wrap(new byte[5]), 5);
        assertEquals(List.of("director handled=false bytes=60 parsed=true", "observer handled=true bytes=60 t=5",
                "director handled=false bytes=5 parsed=false", "observer handled=true bytes=5 t=7"), seen);
    }

    @Test
    void aFrameDeliveredFromInsideAProcessorGetsItsOwnContext() {
        CapturePacketService service = new CapturePacketService();
        List<String> seen = new ArrayList<>();
        service.addProcessor(c -> {
            int before = c.inPacket().unparsed().remaining();
            if (before == 60) {
                service.onFrame(0, 0, ByteBuffer.wrap(new byte[5]), 5); // e.g. a loopback source
            }
            seen.add("after " + before + ": " + c.inPacket().unparsed().remaining());
        }, PacketProcessor.observer(1));
        service.onFrame(0, 0, udpFrame(), 60);
        assertEquals(List.of("after 5: 5", "after 60: 60"), seen);
        assertEquals(2, service.frames());
        assertEquals(2, service.getProcessors().get(0).invocations());
    }

    @Test
    void countsAddUpOverDeliveringThreadsIncludingEndedOnes() throws Exception {
        CapturePacketService service = new CapturePacketService();
        PacketProcessor counting = c -> { };
        service.addProcessor(counting, PacketProcessor.observer(1));
        service.addFilter(new DropSmallFrames());
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            boolean ownHandler = t % 2 == 0; // as a source's reading thread does
            threads[t] = new Thread(() -> {
                FrameHandler out = ownHandler ? service.handlerForThisThread() : service;
                for (int i = 0; i < 1000; i++) {
                    out.onFrame(0, i, i % 4 == 0 ? ByteBuffer.wrap(new byte[5]) : udpFrame(), 60);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        service.onFrame(0, 0, udpFrame(), 60); // and this thread, still alive
        assertEquals(4001, service.frames());
        assertEquals(1000, service.filteredFrames());
        assertEquals(3001, service.getProcessors().get(0).invocations());
        service.removeProcessor(counting);
        service.addProcessor(c -> { }, PacketProcessor.observer(2));
        service.onFrame(0, 0, udpFrame(), 60);
        assertEquals(1, service.getProcessors().get(0).invocations(), "counted from its registration");
    }

    @Test
    void aThreadThatDeliveredDoesNotKeepTheServiceAlive() throws Exception {
        WeakReference<CapturePacketService> ref = deliverOnceAndForget();
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(ref.get(), "the service (and its processors) can be collected once nothing else holds it");
    }

    private static WeakReference<CapturePacketService> deliverOnceAndForget() {
        CapturePacketService service = new CapturePacketService();
        service.addProcessor(c -> { }, PacketProcessor.observer(1));
        service.onFrame(0, 0, udpFrame(), 60);
        return new WeakReference<>(service);
    }

    /** Drops frames shorter than an Ethernet header. */
    private static final class DropSmallFrames implements PacketInFilter {
        @Override
        public FilterAction preProcess(PacketContext context) {
            return context.inPacket().unparsed().remaining() < 14 ? FilterAction.PACKET_DENY
                    : FilterAction.PACKET_ALLOW;
        }

        @Override
        public String name() {
            return "drop-small";
        }

        @Override
        public int pendingPackets() {
            return 0;
        }

        @Override
        public int droppedPackets() {
            return 0;
        }

        @Override
        public void setPps(int pps) {
        }

        @Override
        public void setWinSize(int size) {
        }

        @Override
        public void setGuardTime(int seconds) {
        }

        @Override
        public void setWinThres(int threshold) {
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void interfaceNamesThatAreNoUriBecomePercentEncodedDevices() {
        assertEquals("capture:%5cdevice%5cnpf_%7b1d2e%7d", // ONOS lower-cases device ids
                CapturePacketService.connectPoint("\\Device\\NPF_{1D2E}", 0).deviceId().toString());
        assertEquals("capture:eth0.100", CapturePacketService.connectPoint("eth0.100", 0).deviceId().toString());
    }

    @Test
    void parsedIsNullForAFrameOnosCannotDeserialize() {
        CapturePacketService service = new CapturePacketService();
        List<Ethernet> parsed = new ArrayList<>();
        service.addProcessor(c -> parsed.add(c.inPacket().parsed()), PacketProcessor.observer(1));
        service.onFrame(0, 0, ByteBuffer.wrap(new byte[5]), 5);
        assertEquals(1, parsed.size());
        assertNull(parsed.get(0));
    }

    @Test
    void directBuffersFromMappedFilesParseToo() {
        CapturePacketService service = new CapturePacketService();
        List<Short> types = new ArrayList<>();
        service.addProcessor(c -> types.add(c.inPacket().parsed().getEtherType()), PacketProcessor.observer(1));
        ByteBuffer direct = ByteBuffer.allocateDirect(60);
        direct.put(udpFrame()).flip();
        service.onFrame(0, 0, direct, 60);
        assertEquals(List.of(Ethernet.TYPE_IPV4), types);
    }

    @Test
    void requestsAreKeptOncePerSelectorPriorityAppAndDeviceUntilCancelled() {
        CapturePacketService service = new CapturePacketService();
        ApplicationId app = new StandaloneCoreService().registerApplication("org.apptrack.test");
        TrafficSelector ipv4 = DefaultTrafficSelector.builder().matchEthType(Ethernet.TYPE_IPV4).build();
        TrafficSelector ipv6 = DefaultTrafficSelector.builder().matchEthType(Ethernet.TYPE_IPV6).build();
        service.requestPackets(ipv4, PacketPriority.REACTIVE, app);
        service.requestPackets(ipv4, PacketPriority.REACTIVE, app);
        service.requestPackets(ipv6, PacketPriority.REACTIVE, app, Optional.of(DeviceId.deviceId("capture:any")));
        assertEquals(2, service.getRequests().size());
        service.cancelPackets(ipv4, PacketPriority.REACTIVE, app);
        assertEquals(1, service.getRequests().size());
        assertEquals(ipv6, service.getRequests().get(0).selector());
        assertEquals(CapturePacketService.LOCAL_NODE, service.getRequests().get(0).nodeId());
    }

    @Test
    void emitGoesToTheSourceOrFailsClearly() {
        CapturePacketService service = new CapturePacketService();
        List<Integer> sentOn = new ArrayList<>();
        service.interfaces(List.of("veth0", "veth1"), (i, f) -> sentOn.add(i));
        service.emit(new DefaultOutboundPacket(DeviceId.deviceId("capture:veth1"),
                DefaultTrafficTreatment.emptyTreatment(), udpFrame()));
        assertEquals(List.of(1), sentOn);
        IllegalArgumentException notOurs = assertThrows(IllegalArgumentException.class, () -> service.emit(
                new DefaultOutboundPacket(DeviceId.deviceId("of:0000000000000001"),
                        DefaultTrafficTreatment.emptyTreatment(), udpFrame())));
        assertTrue(notOurs.getMessage().contains("of:0000000000000001"));
        service.interfaces(List.of("trace"), (i, f) -> {
            throw new UnsupportedOperationException("cannot emit: the packet source is a capture file");
        });
        assertThrows(UnsupportedOperationException.class, () -> service.emit(new DefaultOutboundPacket(
                DeviceId.deviceId("capture:trace"), DefaultTrafficTreatment.emptyTreatment(), udpFrame())));
    }

    @Test
    void coreServiceRegistersEachApplicationOnce() {
        StandaloneCoreService core = new StandaloneCoreService();
        ApplicationId a = core.registerApplication("org.apptrack.apptrack");
        ApplicationId b = core.registerApplication("org.apptrack.appqoe", () -> { });
        assertSame(a, core.registerApplication("org.apptrack.apptrack"));
        assertEquals(1, a.id());
        assertEquals(2, b.id());
        assertSame(b, core.getAppId((short) 2));
        assertSame(a, core.getAppId("org.apptrack.apptrack"));
        assertEquals(2, core.getAppIds().size());
        assertEquals(1, core.getIdGenerator("x").getNewId());
        assertEquals(2, core.getIdGenerator("x").getNewId());
        assertEquals("2.7.0", core.version().toString().substring(0, 5));
    }
}
