package org.apptrack.capture.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of the live packet source ({@code etc/org.apptrack.capture.cfg}). */
@ObjectClassDefinition(id = CaptureSettings.PID, name = "AppTrack packet capture",
        description = "Where the standalone distribution gets its packets from.")
public @interface CaptureConfig {

    @AttributeDefinition(name = "Source", options = {
            @Option(value = "live", label = "Live capture through libpcap"),
            @Option(value = "none", label = "None (capture files only, with apptrack:replay)")})
    String source() default "live";

    @AttributeDefinition(name = "Interfaces",
            description = "Comma-separated interface names; 'any' captures on all of them (Linux cooked).")
    String interfaces() default "any";

    @AttributeDefinition(name = "BPF filter", required = false, description = "tcpdump filter expression.")
    String filter() default "";

    @AttributeDefinition(name = "Snap length", description = "Bytes captured per frame, 64..262144.")
    int snapLength() default 262144;

    @AttributeDefinition(name = "Promiscuous mode")
    boolean promiscuous() default false;

    @AttributeDefinition(name = "Kernel buffer (bytes)", description = "libpcap buffer per interface.")
    int bufferBytes() default 16777216;
}
