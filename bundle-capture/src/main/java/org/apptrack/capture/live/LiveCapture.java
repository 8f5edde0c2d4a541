package org.apptrack.capture.live;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.apptrack.capture.frame.EthernetFramer;
import org.apptrack.capture.frame.FrameHandler;
import org.apptrack.capture.frame.LinkType;
import org.apptrack.capture.live.LiveCaptureException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Live capture from a network interface through libpcap (bound with JNA, see {@link LibPcap}).
 *
 * <p>One thread reads with {@link #dispatch}; any thread may call {@link #breakLoop},
 * {@link #stats}, {@link #inject} and {@link #close}. Reading allocates nothing per packet: the
 * packet is copied once from libpcap's ring buffer into a reused array, and frames of other link
 * types (the "any" device gives Linux cooked SLL, or SLL2) get an Ethernet header from
 * {@link EthernetFramer}. Timestamps have nanosecond precision when libpcap supports it.
 */
public final class LiveCapture implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveCapture.class);

    /** The snap length used when 0 is given: libpcap's maximum, whole packets. */
    public static final int DEFAULT_SNAP_LENGTH = 262_144;
    /** How long one wait for packets lasts, so {@link #dispatch} returns and can be stopped. */
    public static final int READ_TIMEOUT_MILLIS = 100;
    /** The pseudo-interface that captures on all interfaces (Linux). */
    public static final String ANY = "any";

    private static final int ETHERNET_HEADER = 14;

    private final String interfaceName;
    private final LinkType linkType;
    private final int snapLength;
    private final boolean nanoTimestamps;
    private final int headerDelta;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object statsLock = new Object();
    private final Object injectLock = new Object();
    private Pointer handle;
    private volatile boolean closed;
    private volatile boolean closePending;
    private volatile int interfaceIndex;
    private volatile String filter;

    // reading thread only (JNA is touched by instances only, so a broken JNA fails open(), not class init)
    private final int timevalField = Native.LONG_SIZE; // struct timeval {time_t tv_sec; suseconds_t tv_usec}
    private final Memory outPointers = new Memory(2L * Native.POINTER_SIZE);
    private final Pointer headerOut = outPointers.share(0);
    private final Pointer dataOut = outPointers.share(Native.POINTER_SIZE);
    private final Pointer headerView = new Pointer(0);
    private final Pointer dataView = new Pointer(0);
    private final Memory pollFd = new Memory(8); // struct pollfd
    private final byte[] packet;
    private final ByteBuffer packetBuffer;
    private final EthernetFramer framer;
    private volatile long delivered;
    private volatile long skipped;

    // under statsLock
    private final Memory statMemory = new Memory(16);
    private final long[] rawLast = new long[3];
    private final long[] totals = new long[3];
    private Stats finalStats;

    // under injectLock
    private Memory injectMemory;

    private LiveCapture(String interfaceName, Pointer handle, LinkType linkType, int snapLength,
                        boolean nanoTimestamps, int selectableFd) {
        this.interfaceName = interfaceName;
        this.pollFd.setInt(0, selectableFd);
        this.pollFd.setShort(4, LibPcap.C.POLLIN);
        this.pollFd.setShort(6, (short) 0);
        this.handle = handle;
        this.linkType = linkType;
        this.snapLength = snapLength;
        this.nanoTimestamps = nanoTimestamps;
        this.headerDelta = linkType == LinkType.ETHERNET ? 0
                : ETHERNET_HEADER - EthernetFramer.headerLength(linkType);
        this.packet = new byte[snapLength];
        this.packetBuffer = ByteBuffer.wrap(packet);
        this.framer = new EthernetFramer(snapLength);
    }

    /**
     * Opens a live capture in batched mode (see {@link #open(String, int, boolean, String, int,
     * boolean)}): the kernel hands packets over in ring-buffer blocks, when a block is full or
     * {@link #READ_TIMEOUT_MILLIS} after its first packet. That sustains the highest packet rates
     * without drops, at up to that much latency.
     *
     * @param interfaceName the interface, or {@value #ANY} for all of them
     * @param snapLength bytes kept per packet, 1..262144, or 0 for {@link #DEFAULT_SNAP_LENGTH}
     * @param promiscuous whether to put the interface in promiscuous mode
     * @param bpfFilter a tcpdump filter expression, or null / blank for every packet
     * @param bufferBytes the kernel ring buffer size, or 0 for libpcap's default (2 MiB)
     * @throws LiveCaptureException naming the interface and the problem: libpcap missing, no
     *     such device, permission denied (root or CAP_NET_RAW + CAP_NET_ADMIN needed), interface
     *     down, invalid filter, unsupported link type
     */
    public static LiveCapture open(String interfaceName, int snapLength, boolean promiscuous, String bpfFilter,
                                   int bufferBytes) throws LiveCaptureException {
        return open(interfaceName, snapLength, promiscuous, bpfFilter, bufferBytes, false);
    }

    /**
     * Like {@link #open(String, int, boolean, String, int)}, choosing the delivery mode.
     *
     * @param immediate true: every packet is handed over as soon as it arrives (Linux
     *     TPACKET_V2, one wake-up per packet; libpcap sizes the ring's slots by the snap length
     *     or, for a large one, by 64 KiB, so prefer a snap length near the MTU in this mode);
     *     false: batched (TPACKET_V3 blocks of variable-length packets, handed over when full or
     *     {@link #READ_TIMEOUT_MILLIS} after their first packet), for the highest rates
     */
    public static LiveCapture open(String interfaceName, int snapLength, boolean promiscuous, String bpfFilter,
                                   int bufferBytes, boolean immediate) throws LiveCaptureException {
        Objects.requireNonNull(interfaceName, "interfaceName");
        String name = interfaceName.trim();
        if (name.isEmpty()) {
            throw new LiveCaptureException(Reason.INVALID_ARGUMENT, name, "no interface name given");
        }
        int snap = snapLength == 0 ? DEFAULT_SNAP_LENGTH : snapLength;
        if (snap < 1 || snap > DEFAULT_SNAP_LENGTH) {
            throw new LiveCaptureException(Reason.INVALID_ARGUMENT, name, "snap length " + snapLength
                    + " for interface '" + name + "' is out of range 1.." + DEFAULT_SNAP_LENGTH + " (or 0)");
        }
        if (bufferBytes < 0) {
            throw new LiveCaptureException(Reason.INVALID_ARGUMENT, name, "negative buffer size " + bufferBytes
                    + " for interface '" + name + "'");
        }
        try {
            LibPcap.require();
        } catch (UnsatisfiedLinkError e) {
            throw new LiveCaptureException(Reason.LIBRARY_MISSING, name,
                    "cannot capture on interface '" + name + "': " + e.getMessage(), e);
        }

        Memory errbuf = new Memory(LibPcap.PCAP_ERRBUF_SIZE);
        errbuf.clear();
        Pointer p = LibPcap.pcap_create(name, errbuf);
        if (p == null) {
            throw new LiveCaptureException(Reason.PCAP_ERROR, name,
                    "cannot capture on interface '" + name + "': pcap_create: " + errbuf.getString(0));
        }
        boolean ok = false;
        try {
            setOption(p, name, "snap length", LibPcap.pcap_set_snaplen(p, snap));
            setOption(p, name, "promiscuous mode", LibPcap.pcap_set_promisc(p, promiscuous ? 1 : 0));
            setOption(p, name, "read timeout", LibPcap.pcap_set_timeout(p, READ_TIMEOUT_MILLIS));
            if (bufferBytes > 0) {
                setOption(p, name, "buffer size", LibPcap.pcap_set_buffer_size(p, bufferBytes));
            }
            if (LibPcap.V15.available) {
                setOption(p, name, "immediate mode", LibPcap.V15.pcap_set_immediate_mode(p, immediate ? 1 : 0));
                // fails with PCAP_ERROR_TSTAMP_PRECISION_NOTSUP where unsupported: stay at micro
                LibPcap.V15.pcap_set_tstamp_precision(p, LibPcap.PCAP_TSTAMP_PRECISION_NANO);
            }
            int rc = LibPcap.pcap_activate(p);
            if (rc < 0) {
                throw activationFailure(p, name, rc);
            }
            if (rc > 0) {
                LOG.warn("capture on interface '{}': {} ({})", name, LibPcap.pcap_statustostr(rc),
                        LibPcap.pcap_geterr(p));
            }
            // non-blocking reads plus our own poll(2) with a timeout, so that dispatch returns
            // regularly in both modes (libpcap's own wait never times out on an idle TPACKET_V3 ring)
            errbuf.clear();
            if (LibPcap.pcap_setnonblock(p, 1, errbuf) != 0) {
                throw new LiveCaptureException(Reason.PCAP_ERROR, name, "cannot capture on interface '" + name
                        + "': pcap_setnonblock: " + errbuf.getString(0));
            }
            int fd = LibPcap.pcap_get_selectable_fd(p);
            if (fd < 0) {
                throw new LiveCaptureException(Reason.PCAP_ERROR, name, "cannot capture on interface '" + name
                        + "': libpcap gives no selectable descriptor for it");
            }
            boolean nano = LibPcap.V15.available
                    && LibPcap.V15.pcap_get_tstamp_precision(p) == LibPcap.PCAP_TSTAMP_PRECISION_NANO;
            int dlt = LibPcap.pcap_datalink(p);
            LinkType type = LinkType.fromCode(dlt);
            if (type == null) {
                throw new LiveCaptureException(Reason.UNSUPPORTED_LINK_TYPE, name, "cannot capture on interface '"
                        + name + "': its link-layer type " + dlt + " (" + LibPcap.pcap_datalink_val_to_name(dlt)
                        + ") cannot be converted to Ethernet");
            }
            String installed = bpfFilter == null ? "" : bpfFilter.trim();
            if (!installed.isEmpty()) {
                installFilter(p, name, installed);
            }
            int effectiveSnap = LibPcap.pcap_snapshot(p);
            LiveCapture capture = new LiveCapture(name, p, type, effectiveSnap > 0 ? effectiveSnap : snap, nano, fd);
            capture.filter = installed;
            ok = true;
            LOG.debug("capturing on '{}': link type {}, snap length {}, {} timestamps, {}", name, type,
                    capture.snapLength, nano ? "nanosecond" : "microsecond", LibPcap.pcap_lib_version());
            return capture;
        } finally {
            if (!ok) {
                LibPcap.pcap_close(p);
            }
        }
    }

    private static void setOption(Pointer p, String name, String what, int rc) throws LiveCaptureException {
        if (rc != 0) {
            throw new LiveCaptureException(Reason.PCAP_ERROR, name, "cannot set " + what + " on interface '"
                    + name + "': " + LibPcap.pcap_statustostr(rc));
        }
    }

    private static LiveCaptureException activationFailure(Pointer p, String name, int rc) {
        String status = LibPcap.pcap_statustostr(rc);
        String detail = LibPcap.pcap_geterr(p);
        String what = detail == null || detail.isBlank() || detail.equals(status) ? status : status + ": " + detail;
        String prefix = "cannot capture on interface '" + name + "': ";
        switch (rc) {
            case LibPcap.PCAP_ERROR_NO_SUCH_DEVICE:
                return new LiveCaptureException(Reason.NO_SUCH_DEVICE, name, prefix + "No such device (" + what
                        + "); existing interfaces: " + interfaceNames());
            case LibPcap.PCAP_ERROR_PERM_DENIED:
            case LibPcap.PCAP_ERROR_PROMISC_PERM_DENIED:
                return new LiveCaptureException(Reason.PERMISSION_DENIED, name, prefix + "Operation not permitted ("
                        + what + "); live capture needs root or the capabilities CAP_NET_RAW and CAP_NET_ADMIN"
                        + " (e.g. AmbientCapabilities=CAP_NET_RAW CAP_NET_ADMIN in Karaf's systemd unit, or"
                        + " `setcap cap_net_raw,cap_net_admin=eip` on the java binary)");
            case LibPcap.PCAP_ERROR_IFACE_NOT_UP:
                return new LiveCaptureException(Reason.INTERFACE_DOWN, name, prefix + "the interface is down ("
                        + what + "); bring it up with `ip link set " + name + " up`");
            default:
                return new LiveCaptureException(Reason.PCAP_ERROR, name, prefix + what);
        }
    }

    private static void installFilter(Pointer p, String name, String filter) throws LiveCaptureException {
        Memory program = new Memory(16); // struct bpf_program { u_int bf_len; struct bpf_insn *bf_insns; }
        program.clear();
        if (LibPcap.pcap_compile(p, program, filter, 1, LibPcap.PCAP_NETMASK_UNKNOWN) != 0) {
            throw new LiveCaptureException(Reason.INVALID_FILTER, name, "invalid BPF filter '" + filter
                    + "' for interface '" + name + "': " + LibPcap.pcap_geterr(p));
        }
        try {
            if (LibPcap.pcap_setfilter(p, program) != 0) {
                throw new LiveCaptureException(Reason.INVALID_FILTER, name, "cannot install BPF filter '" + filter
                        + "' on interface '" + name + "': " + LibPcap.pcap_geterr(p));
            }
        } finally {
            LibPcap.pcap_freecode(program);
        }
    }

    /**
     * Replaces the filter of the running capture, without closing it: frames waiting in the
     * kernel's ring stay (libpcap applies the new filter to those the old one let in). A frame
     * that arrives in the instant libpcap swaps the kernel filter can be lost: libpcap puts a
     * reject-all filter on the socket while it installs the new one. Takes effect within
     * {@link #READ_TIMEOUT_MILLIS}: the reading thread is asked to return from {@link #dispatch},
     * and libpcap's handle is changed while no thread reads it.
     *
     * @param bpfFilter a tcpdump filter expression, or null / blank for every packet
     * @throws LiveCaptureException naming the interface when the expression does not compile
     *     (the previous filter stays) or the capture is closed
     * @throws IllegalStateException when called from a handler inside {@link #dispatch}, whose
     *     read would never end
     */
    public void setFilter(String bpfFilter) throws LiveCaptureException {
        if (lock.getReadHoldCount() > 0) {
            throw new IllegalStateException("setFilter from inside dispatch on interface '" + interfaceName + "'");
        }
        String next = bpfFilter == null ? "" : bpfFilter.trim();
        breakLoop();
        ReentrantReadWriteLock.WriteLock write = lock.writeLock();
        write.lock();
        try {
            if (handle == null) {
                throw new LiveCaptureException(Reason.CLOSED, interfaceName,
                        "capture on interface '" + interfaceName + "' is closed");
            }
            installFilter(handle, interfaceName, next); // "" compiles to "every packet"
            filter = next;
        } finally {
            write.unlock();
        }
    }

    /** The filter installed now; empty for none. */
    public String filter() {
        return filter;
    }

    /**
     * Compiles a filter expression for a link type without capturing (libpcap's "dead" handle,
     * no privileges needed), as a check before it is used.
     *
     * @throws LiveCaptureException when the expression does not compile, with libpcap's message
     */
    public static void checkFilter(String bpfFilter, LinkType linkType) throws LiveCaptureException {
        try {
            LibPcap.require();
        } catch (UnsatisfiedLinkError e) {
            throw new LiveCaptureException(Reason.LIBRARY_MISSING, "-", "cannot check a filter: " + e.getMessage(), e);
        }
        Pointer p = LibPcap.pcap_open_dead(linkType.code(), DEFAULT_SNAP_LENGTH);
        if (p == null) {
            throw new LiveCaptureException(Reason.PCAP_ERROR, "-", "pcap_open_dead failed for " + linkType);
        }
        try {
            Memory program = new Memory(16);
            program.clear();
            if (LibPcap.pcap_compile(p, program, bpfFilter, 1, LibPcap.PCAP_NETMASK_UNKNOWN) != 0) {
                throw new LiveCaptureException(Reason.INVALID_FILTER, "-", "invalid BPF filter '" + bpfFilter
                        + "': " + LibPcap.pcap_geterr(p));
            }
            LibPcap.pcap_freecode(program);
        } finally {
            LibPcap.pcap_close(p);
        }
    }

    private static String interfaceNames() {
        List<String> names = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                names.add(ni.getName());
            }
        } catch (SocketException | RuntimeException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
        Collections.sort(names);
        names.add(ANY);
        return String.join(", ", names);
    }

    /** Whether libpcap could be loaded (live capture is possible at all). */
    public static boolean isLibraryAvailable() {
        return LibPcap.isLoaded();
    }

    /**
     * Reads the packets that are available and hands each to {@code handler} as an Ethernet frame,
     * on the calling thread. Returns after {@code max} frames (unlimited when {@code max <= 0}),
     * when no packet became ready within {@link #READ_TIMEOUT_MILLIS}, or after {@link #breakLoop}
     * or {@link #close} from another thread (which take effect within that timeout). Packets too short for their link-layer header are
     * skipped (counted in {@link Stats#skipped()}). The buffer given to the handler is reused.
     *
     * @return the number of frames delivered by this call, or -1 when the capture is closed
     * @throws LiveCaptureException when libpcap reports a read error (e.g. the interface went away)
     */
    public int dispatch(FrameHandler handler, int max) throws LiveCaptureException {
        Objects.requireNonNull(handler, "handler");
        int limit = max <= 0 ? Integer.MAX_VALUE : max;
        int n = 0;
        int skippedNow = 0;
        ReentrantReadWriteLock.ReadLock read = lock.readLock();
        read.lock();
        try {
            if (closed) {
                return -1;
            }
            Pointer p = handle;
            int index = interfaceIndex;
            boolean waited = false;
            while (n < limit) {
                int rc = LibPcap.pcap_next_ex(p, headerOut, dataOut);
                if (rc == 1) {
                    waited = false;
                    Pointer.nativeValue(headerView, outPointers.getLong(0));
                    Pointer.nativeValue(dataView, outPointers.getLong(Native.POINTER_SIZE));
                    long seconds = timevalField == 8 ? headerView.getLong(0) : headerView.getInt(0);
                    long fraction = timevalField == 8 ? headerView.getLong(8) : headerView.getInt(4) & 0xffffffffL;
                    int captured = headerView.getInt(2L * timevalField);
                    int wire = headerView.getInt(2L * timevalField + 4);
                    if (captured > packet.length || captured < 0) {
                        captured = packet.length;
                    }
                    dataView.read(0, packet, 0, captured);
                    long timestamp = seconds * 1_000_000_000L + (nanoTimestamps ? fraction : fraction * 1_000L);
                    packetBuffer.clear();
                    packetBuffer.order(ByteOrder.BIG_ENDIAN);
                    packetBuffer.limit(captured);
                    ByteBuffer frame = framer.toEthernet(linkType, packetBuffer);
                    if (frame == null) {
                        skippedNow++;
                        continue;
                    }
                    handler.onFrame(index, timestamp, frame, wire + headerDelta);
                    n++;
                } else if (rc == 0) {
                    // non-blocking: nothing ready; wait up to the read timeout for the descriptor
                    if (waited || closed || LibPcap.C.poll(pollFd, 1, READ_TIMEOUT_MILLIS) <= 0) {
                        break; // timeout (or EINTR): let the caller look around
                    }
                    waited = true; // ready: read; but do not spin if it was a spurious wake-up
                    continue;
                } else if (rc == LibPcap.PCAP_ERROR_BREAK) {
                    break;
                } else {
                    if (closed) {
                        break;
                    }
                    throw new LiveCaptureException(Reason.PCAP_ERROR, interfaceName, "reading from interface '"
                            + interfaceName + "' failed: " + LibPcap.pcap_geterr(p));
                }
                if (closed) {
                    break;
                }
            }
        } finally {
            if (n > 0) {
                delivered += n;
            }
            if (skippedNow > 0) {
                skipped += skippedNow;
            }
            read.unlock();
            if (closePending && lock.getReadHoldCount() == 0) {
                // close() was called by the handler on this thread: finish it now
                closeHandle();
            }
        }
        return n;
    }

    /**
     * Makes a running (or the next) {@link #dispatch} return, within {@link #READ_TIMEOUT_MILLIS}
     * at most. Safe from any thread; a no-op after close.
     */
    public void breakLoop() {
        ReentrantReadWriteLock.ReadLock read = lock.readLock();
        read.lock();
        try {
            if (handle != null) {
                LibPcap.pcap_breakloop(handle);
            }
        } finally {
            read.unlock();
        }
    }

    /**
     * Counters since open: packets that passed the filter (including dropped ones), dropped by
     * the kernel (ring buffer full: the reader is too slow), dropped by the interface or driver,
     * delivered to handlers, skipped. After {@link #close} the final counters.
     */
    public Stats stats() throws LiveCaptureException {
        ReentrantReadWriteLock.ReadLock read = lock.readLock();
        read.lock();
        try {
            synchronized (statsLock) {
                if (handle == null) {
                    if (finalStats != null) {
                        return finalStats;
                    }
                    throw new LiveCaptureException(Reason.CLOSED, interfaceName,
                            "capture on interface '" + interfaceName + "' is closed");
                }
                return readStats();
            }
        } finally {
            read.unlock();
        }
    }

    private Stats readStats() throws LiveCaptureException {
        statMemory.clear();
        if (LibPcap.pcap_stats(handle, statMemory) != 0) {
            throw new LiveCaptureException(Reason.PCAP_ERROR, interfaceName, "pcap_stats on interface '"
                    + interfaceName + "' failed: " + LibPcap.pcap_geterr(handle));
        }
        for (int i = 0; i < 3; i++) {
            long raw = statMemory.getInt(4L * i) & 0xffffffffL;
            totals[i] += (raw - rawLast[i]) & 0xffffffffL; // u_int counters wrap at 2^32
            rawLast[i] = raw;
        }
        return new Stats(totals[0], totals[1], totals[2], delivered, skipped);
    }

    /**
     * Sends one frame out of the interface (pcap_inject), from position to limit, and moves the
     * position to the limit. The bytes must be in the interface's link-layer format (Ethernet on
     * Ethernet devices); not possible on {@value #ANY} or other cooked (SLL) captures.
     */
    public void inject(ByteBuffer frame) throws LiveCaptureException {
        Objects.requireNonNull(frame, "frame");
        if (ANY.equals(interfaceName) || linkType == LinkType.LINUX_SLL || linkType == LinkType.LINUX_SLL2) {
            throw new LiveCaptureException(Reason.UNSUPPORTED_OPERATION, interfaceName, "cannot send on interface '"
                    + interfaceName + "': the \"any\" pseudo-device (Linux cooked capture) has no link layer to"
                    + " send on; open the capture on a real interface to send");
        }
        int length = frame.remaining();
        if (length == 0) {
            throw new LiveCaptureException(Reason.INVALID_ARGUMENT, interfaceName, "empty frame");
        }
        ReentrantReadWriteLock.ReadLock read = lock.readLock();
        read.lock();
        try {
            if (handle == null) {
                throw new LiveCaptureException(Reason.CLOSED, interfaceName,
                        "capture on interface '" + interfaceName + "' is closed");
            }
            synchronized (injectLock) {
                Pointer data;
                if (frame.isDirect()) {
                    data = Native.getDirectBufferPointer(frame).share(frame.position());
                } else {
                    if (injectMemory == null || injectMemory.size() < length) {
                        injectMemory = new Memory(Math.max(length, 2048));
                    }
                    if (frame.hasArray()) {
                        injectMemory.write(0, frame.array(), frame.arrayOffset() + frame.position(), length);
                    } else {
                        byte[] copy = new byte[length];
                        frame.duplicate().get(copy);
                        injectMemory.write(0, copy, 0, length);
                    }
                    data = injectMemory;
                }
                int sent = LibPcap.pcap_inject(handle, data, length);
                if (sent != length) {
                    throw new LiveCaptureException(Reason.PCAP_ERROR, interfaceName, "sending " + length
                            + " bytes on interface '" + interfaceName + "' failed: "
                            + (sent < 0 ? LibPcap.pcap_geterr(handle) : "only " + sent + " bytes sent"));
                }
                frame.position(frame.limit());
            }
        } finally {
            read.unlock();
        }
    }

    /** The interface name given to {@link #open}. */
    public String interfaceName() {
        return interfaceName;
    }

    /** The link type libpcap captures in (before the conversion to Ethernet). */
    public LinkType linkType() {
        return linkType;
    }

    /** The effective snap length (libpcap may lower the requested one). */
    public int snapLength() {
        return snapLength;
    }

    /** Whether timestamps have nanosecond (else microsecond) resolution. */
    public boolean nanosecondTimestamps() {
        return nanoTimestamps;
    }

    /** The libpcap version string, e.g. "libpcap version 1.10.3 (with TPACKET_V3)". */
    public String libraryVersion() {
        return LibPcap.pcap_lib_version();
    }

    /** The interface index given to handlers (default 0). */
    public int interfaceIndex() {
        return interfaceIndex;
    }

    /** Sets the interface index given to handlers from the next {@link #dispatch} on. */
    public void setInterfaceIndex(int interfaceIndex) {
        this.interfaceIndex = interfaceIndex;
    }

    /** Whether {@link #close} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops a running {@link #dispatch} (which then returns within its read timeout at most) and
     * releases libpcap's handle; the final {@link #stats} stay readable. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        breakLoop();
        if (lock.getReadHoldCount() > 0) {
            // called from a handler inside dispatch on this thread: dispatch closes on its way out
            closePending = true;
            return;
        }
        closeHandle();
    }

    private void closeHandle() {
        ReentrantReadWriteLock.WriteLock write = lock.writeLock();
        write.lock();
        try {
            if (handle == null) {
                return;
            }
            synchronized (statsLock) {
                try {
                    finalStats = readStats();
                } catch (LiveCaptureException e) {
                    finalStats = new Stats(totals[0], totals[1], totals[2], delivered, skipped);
                }
            }
            LibPcap.pcap_close(handle);
            handle = null;
        } finally {
            write.unlock();
        }
    }

    @Override
    public String toString() {
        return "LiveCapture[" + interfaceName + ", " + linkType + (closed ? ", closed]" : "]");
    }

    /** Capture counters, see {@link LiveCapture#stats()}. */
    public static final class Stats {
        private final long received;
        private final long droppedByKernel;
        private final long droppedByInterface;
        private final long delivered;
        private final long skipped;

        public Stats(long received, long droppedByKernel, long droppedByInterface, long delivered, long skipped) {
            this.received = received;
            this.droppedByKernel = droppedByKernel;
            this.droppedByInterface = droppedByInterface;
            this.delivered = delivered;
            this.skipped = skipped;
        }

        /** Packets that passed the filter (pcap_stat.ps_recv; on Linux it includes the dropped ones). */
        public long received() {
            return received;
        }

        /** Packets dropped because the ring buffer was full (ps_drop). */
        public long droppedByKernel() {
            return droppedByKernel;
        }

        /** Packets dropped by the interface or its driver (ps_ifdrop). */
        public long droppedByInterface() {
            return droppedByInterface;
        }

        /** Frames handed to handlers. */
        public long delivered() {
            return delivered;
        }

        /** Packets too short for their link-layer header, not delivered. */
        public long skipped() {
            return skipped;
        }

        @Override
        public String toString() {
            return "received=" + received + " droppedByKernel=" + droppedByKernel + " droppedByInterface="
                    + droppedByInterface + " delivered=" + delivered + " skipped=" + skipped;
        }
    }
}
