package org.apptrack.capture.live;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.List;

/**
 * JNA <em>direct mapping</em> of the libpcap functions {@link LiveCapture} uses.
 *
 * <p>Direct mapping ({@link Native#register(Class, NativeLibrary)} on static native methods)
 * rather than an interface proxy because {@code pcap_next_ex} runs once per packet: a direct call
 * is a plain JNI call with no reflection, no {@code Object[]} of boxed arguments and no
 * per-call conversion lookup, so the read loop allocates nothing. Only {@link Pointer},
 * primitives and {@link String} cross the boundary (all supported by direct mapping); out
 * parameters are preallocated {@code Memory} blocks owned by the caller.
 *
 * <p>Loaded once per class loader from {@code "pcap"} (the {@code libpcap.so} symlink of
 * libpcap-dev) with a fallback to {@code "libpcap.so.0.8"} (Debian's runtime package
 * libpcap0.8 ships only the versioned name); the system property
 * {@value #LIBRARY_PROPERTY} overrides the list (comma-separated names or paths). A load
 * failure is kept and reported by {@link #require()} instead of failing class initialization.
 * Functions added in libpcap 1.5 (immediate mode, timestamp precision) sit in {@link V15} so an
 * older library still loads.
 */
final class LibPcap {

    /** System property with comma-separated library names or paths to try instead of the defaults. */
    static final String LIBRARY_PROPERTY = "apptrack.capture.libpcap";
    /** Names tried by default, in order. */
    static final List<String> DEFAULT_NAMES = List.of("pcap", "libpcap.so.0.8", "libpcap.so.1");

    static final int PCAP_ERRBUF_SIZE = 256;
    static final int PCAP_ERROR = -1;
    static final int PCAP_ERROR_BREAK = -2;
    static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    static final int PCAP_ERROR_PERM_DENIED = -8;
    static final int PCAP_ERROR_IFACE_NOT_UP = -9;
    static final int PCAP_ERROR_PROMISC_PERM_DENIED = -11;
    static final int PCAP_WARNING_PROMISC_NOTSUP = 2;
    static final int PCAP_TSTAMP_PRECISION_MICRO = 0;
    static final int PCAP_TSTAMP_PRECISION_NANO = 1;
    static final int PCAP_NETMASK_UNKNOWN = 0xffffffff;

    private static final UnsatisfiedLinkError LOAD_ERROR;
    private static final String LOADED_FROM;

    static {
        UnsatisfiedLinkError error = null;
        String from = null;
        try {
            if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
                throw new UnsatisfiedLinkError("live capture supports 64-bit JVMs only (pointer size "
                        + Native.POINTER_SIZE + ")");
            }
            NativeLibrary library = loadLibrary(namesToTry());
            Native.register(LibPcap.class, library);
            from = library.getFile() != null ? library.getFile().getPath() : library.getName();
            Native.register(C.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
            try {
                Native.register(V15.class, library);
                V15.available = true;
            } catch (UnsatisfiedLinkError tooOld) {
                V15.available = false;
            }
        } catch (UnsatisfiedLinkError e) {
            error = e;
        } catch (NoClassDefFoundError | SecurityException e) {
            // JNA's native dispatch library could not be loaded
            UnsatisfiedLinkError wrapped = new UnsatisfiedLinkError(
                    "JNA (net.java.dev.jna) is not usable, so libpcap cannot be called: " + e);
            wrapped.initCause(e);
            error = wrapped;
        }
        LOAD_ERROR = error;
        LOADED_FROM = from;
    }

    private LibPcap() {
    }

    /** Whether libpcap is loaded and its functions are bound. */
    static boolean isLoaded() {
        return LOAD_ERROR == null;
    }

    /** The file libpcap was loaded from, or null. */
    static String loadedFrom() {
        return LOADED_FROM;
    }

    /** Throws the (explanatory) load failure when libpcap could not be bound. */
    static void require() {
        if (LOAD_ERROR != null) {
            UnsatisfiedLinkError copy = new UnsatisfiedLinkError(LOAD_ERROR.getMessage());
            copy.initCause(LOAD_ERROR);
            throw copy;
        }
    }

    static List<String> namesToTry() {
        String configured = System.getProperty(LIBRARY_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return DEFAULT_NAMES;
        }
        List<String> names = new ArrayList<>();
        for (String name : configured.split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return names;
    }

    /**
     * Loads the first of {@code names} that exists, or throws an error that names every attempt
     * and tells how to install libpcap.
     */
    static NativeLibrary loadLibrary(List<String> names) {
        StringBuilder attempts = new StringBuilder();
        for (String name : names) {
            try {
                return NativeLibrary.getInstance(name);
            } catch (UnsatisfiedLinkError e) {
                attempts.append("\n  ").append(name).append(": ").append(firstLine(e.getMessage()));
            }
        }
        throw new UnsatisfiedLinkError("libpcap is not installed or not loadable (tried " + names
                + "); install it with `apt-get install libpcap0.8` (Debian/Ubuntu) or"
                + " `dnf install libpcap` (Fedora/RHEL), or point -D" + LIBRARY_PROPERTY
                + " at libpcap.so. Attempts:" + attempts);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    // --- bound functions (names and argument order as in pcap/pcap.h) ---

    /** {@code pcap_t *pcap_create(const char *source, char *errbuf)}. */
    static native Pointer pcap_create(String source, Pointer errbuf);

    static native int pcap_set_snaplen(Pointer p, int snaplen);

    static native int pcap_set_promisc(Pointer p, int promisc);

    static native int pcap_set_timeout(Pointer p, int toMs);

    static native int pcap_set_buffer_size(Pointer p, int bufferSize);

    static native int pcap_activate(Pointer p);

    static native String pcap_geterr(Pointer p);

    static native String pcap_statustostr(int error);

    static native int pcap_datalink(Pointer p);

    static native String pcap_datalink_val_to_name(int dlt);

    static native int pcap_snapshot(Pointer p);

    /** {@code pcap_t *pcap_open_dead(int linktype, int snaplen)}: a handle that only compiles filters (no privileges). */
    static native Pointer pcap_open_dead(int linkType, int snapLength);

    /** {@code int pcap_compile(pcap_t *, struct bpf_program *, const char *, int optimize, bpf_u_int32 netmask)}. */
    static native int pcap_compile(Pointer p, Pointer program, String filter, int optimize, int netmask);

    static native int pcap_setfilter(Pointer p, Pointer program);

    static native void pcap_freecode(Pointer program);

    /**
     * {@code int pcap_next_ex(pcap_t *, struct pcap_pkthdr **, const u_char **)}: 1 packet, 0
     * timeout, {@link #PCAP_ERROR} error, {@link #PCAP_ERROR_BREAK} after pcap_breakloop.
     */
    static native int pcap_next_ex(Pointer p, Pointer headerOut, Pointer dataOut);

    /** {@code int pcap_stats(pcap_t *, struct pcap_stat *)}: three u_int (recv, drop, ifdrop). */
    static native int pcap_stats(Pointer p, Pointer stat);

    /** {@code int pcap_inject(pcap_t *, const void *, size_t)} ({@code size_t} as a 64-bit long). */
    static native int pcap_inject(Pointer p, Pointer buffer, long size);

    /** {@code int pcap_setnonblock(pcap_t *, int nonblock, char *errbuf)}. */
    static native int pcap_setnonblock(Pointer p, int nonblock, Pointer errbuf);

    /** {@code int pcap_get_selectable_fd(pcap_t *)}: the descriptor to poll(2) for packets. */
    static native int pcap_get_selectable_fd(Pointer p);

    static native void pcap_breakloop(Pointer p);

    static native void pcap_close(Pointer p);

    static native String pcap_lib_version();

    /** The C library: poll(2), to wait for packets with a timeout in non-blocking mode. */
    static final class C {
        static final short POLLIN = 0x1;

        private C() {
        }

        /** {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}; struct pollfd is {int fd; short events, revents}. */
        static native int poll(Pointer fds, long nfds, int timeoutMillis);
    }

    /** Functions since libpcap 1.5 (2013), bound separately so older libraries still load. */
    static final class V15 {
        static volatile boolean available;

        private V15() {
        }

        static native int pcap_set_immediate_mode(Pointer p, int immediate);

        static native int pcap_set_tstamp_precision(Pointer p, int precision);

        static native int pcap_get_tstamp_precision(Pointer p);
    }
}
