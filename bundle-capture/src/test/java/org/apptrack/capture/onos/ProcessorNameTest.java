package org.apptrack.capture.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import org.onosproject.net.packet.PacketContext;
import org.onosproject.net.packet.PacketProcessor;
import org.junit.jupiter.api.Test;

class ProcessorNameTest {

    /** A processor with a class of its own. */
    static final class Forwarder implements PacketProcessor {
        @Override
        public void process(PacketContext context) {
        }
    }

    private void process(PacketContext context) {
    }

    @Test
    void aNamedClassIsNamedAsItIs() {
        assertEquals("org.apptrack.capture.onos.ProcessorNameTest$Forwarder", ProcessorName.of(new Forwarder()));
    }

    @Test
    void lambdasAndMethodReferencesAreNamedByTheClassThatDeclaresThem() {
        PacketProcessor lambda = context -> { };
        PacketProcessor reference = this::process;
        assertEquals("org.apptrack.capture.onos.ProcessorNameTest (lambda)", ProcessorName.of(lambda));
        assertEquals("org.apptrack.capture.onos.ProcessorNameTest (lambda)", ProcessorName.of(reference));
    }

    @Test
    void anonymousClassesAreNamedByTheirEnclosingClass() {
        PacketProcessor anonymous = new PacketProcessor() {
            @Override
            public void process(PacketContext context) {
            }
        };
        assertEquals("org.apptrack.capture.onos.ProcessorNameTest (anonymous)", ProcessorName.of(anonymous));
    }

    @Test
    void outsideOsgiThereIsNoBundle() {
        assertNull(ProcessorName.bundleOf(new Forwarder()));
    }

    @Test
    void prioritiesReadAsOnosWritesThem() {
        assertEquals("advisor(0)", ProcessorName.priority(PacketProcessor.advisor(0)));
        assertEquals("advisor(7)", ProcessorName.priority(PacketProcessor.advisor(7)));
        assertEquals("director(0)", ProcessorName.priority(PacketProcessor.director(0)));
        assertEquals("director(2)", ProcessorName.priority(PacketProcessor.director(2)));
        assertEquals("observer(1)", ProcessorName.priority(PacketProcessor.observer(1)));
        assertEquals("observer(715827882)", ProcessorName.priority(Integer.MAX_VALUE));
    }

    @Test
    void thePacketServiceListsItsProcessorsByName() {
        CapturePacketService service = new CapturePacketService();
        service.addProcessor(context -> { }, PacketProcessor.observer(1));
        service.addProcessor(new Forwarder(), PacketProcessor.director(2));
        List<String> listed = service.processorEntries().stream()
                .map(e -> e.name() + " at " + ProcessorName.priority(e.priority())).collect(Collectors.toList());
        assertEquals(List.of("org.apptrack.capture.onos.ProcessorNameTest$Forwarder at director(2)",
                "org.apptrack.capture.onos.ProcessorNameTest (lambda) at observer(1)"), listed);
    }
}
