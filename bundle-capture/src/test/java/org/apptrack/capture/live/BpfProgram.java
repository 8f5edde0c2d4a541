package org.apptrack.capture.live;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.apptrack.capture.frame.LinkType;

/**
 * Runs a filter expression on one frame in user space (libpcap's pcap_offline_filter on a dead
 * handle): whether the kernel would keep the frame under that filter, without root.
 */
public final class BpfProgram {

    static {
        LibPcap.require();
        Native.register(BpfProgram.class, NativeLibrary.getInstance(LibPcap.loadedFrom()));
    }

    private BpfProgram() {
    }

    /** Whether libpcap is there to run filters at all. */
    public static boolean available() {
        return LiveCapture.isLibraryAvailable();
    }

    /** True when {@code filter} keeps {@code frame} (of link type {@code linkType}). */
    public static boolean accepts(String filter, LinkType linkType, byte[] frame) {
        Pointer p = pcap_open_dead(linkType.code(), 262144);
        Memory program = new Memory(16);
        program.clear();
        try {
            if (pcap_compile(p, program, filter, 1, 0xffffffff) != 0) {
                throw new IllegalArgumentException("does not compile: " + pcap_geterr(p) + ": " + filter);
            }
            Memory header = new Memory(24); // struct pcap_pkthdr { struct timeval ts; bpf_u_int32 caplen, len; }
            header.clear();
            header.setInt(16, frame.length);
            header.setInt(20, frame.length);
            Memory packet = new Memory(frame.length);
            packet.write(0, frame, 0, frame.length);
            boolean kept = pcap_offline_filter(program, header, packet) != 0;
            pcap_freecode(program);
            return kept;
        } finally {
            pcap_close(p);
        }
    }

    private static native Pointer pcap_open_dead(int linkType, int snapLength);

    private static native int pcap_compile(Pointer p, Pointer program, String filter, int optimize, int netmask);

    private static native int pcap_offline_filter(Pointer program, Pointer header, Pointer packet);

    private static native void pcap_freecode(Pointer program);

    private static native void pcap_close(Pointer p);

    private static native String pcap_geterr(Pointer p);
}
