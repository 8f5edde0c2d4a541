package org.apptrack.capture.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.capture.frame.EthernetFramer;
import org.apptrack.capture.frame.FrameHandler;
import org.apptrack.capture.frame.LinkType;

/**
 * Reads pcap and pcapng capture files, delivering every frame as Ethernet to a
 * {@link FrameHandler} without allocating per frame.
 *
 * <p>Why hand-written: io.pkts cannot read pcapng at all, and pcap4j (through libpcap and JNA)
 * decodes only about 0.2 million packets per second; this memory-mapped reader, which only
 * slices the mapped file, reaches several million packets per second on one core.
 *
 * <p>Formats: pcap with microsecond (magic 0xa1b2c3d4) or nanosecond (0xa1b23c4d) timestamps in
 * either byte order, and pcapng in either byte order with any number of sections, Interface
 * Description Blocks (with {@code if_name}, {@code if_tsresol} as a power of 10 or of 2, and
 * {@code if_tsoffset}), Enhanced Packet Blocks, Simple Packet Blocks (interface 0, carrying the
 * previous frame's timestamp as they have none) and the obsolete Packet Blocks; every other block
 * (name resolution, interface statistics, decryption secrets, custom, ...) is skipped by its
 * length. The file is mapped in windows of at most 1 GiB, so files over 2 GiB are read; a
 * record crossing a window's end is read from a new window starting at the record.
 *
 * <p>Frames go through one {@link EthernetFramer} per reader: Ethernet frames are handed over as
 * a slice of the mapped file, other link types are copied once behind a synthesized Ethernet
 * header. The wire length handed over is adjusted by the same header difference (wire length of
 * an SLL frame minus 16 plus 14), so that it exceeds the frame's bytes exactly when the snap
 * length cut the frame.
 *
 * <p>Bad input: a file that is not a capture file, or a corrupt record (pcap captured length
 * over 256 KiB, pcapng block length not a multiple of 4, under 12, over 16 MiB or not matching
 * its trailing copy, captured length beyond its block, unknown interface id) raise a
 * {@link CaptureFormatException} naming the file and the byte offset. A last record cut short by
 * the end of the file, which is what a killed tcpdump or dumpcap leaves, ends the file cleanly and
 * is counted in {@link #truncatedRecords()}. Frames shorter than their link-layer header and
 * frames of interfaces with a link type {@link LinkType} does not know are skipped and counted
 * ({@link #skippedByCause()}); if every interface known when opening the file has such a link
 * type, {@link #open} fails.
 *
 * <p>This class ties together {@link PcapReader} or {@link PcapngReader}, which locate the records
 * in the {@link MappedFile}, the {@link InterfaceTable}, and {@link FrameHandoff}, which hands
 * the frames over.
 *
 * <p>Not thread-safe: one thread reads. The buffer given to the handler is read-only and valid
 * only during the call.
 */
public final class CaptureFileReader implements Closeable {

    /** Mapped window size: 1 GiB, so that a window and the buffers over it stay int-indexed. */
    static final int DEFAULT_WINDOW = 1 << 30;
    /** Largest captured length a pcap record may have (tcpdump's maximum snap length). */
    public static final int MAX_PCAP_CAPTURED_LENGTH = 256 * 1024;
    /** Largest pcapng block accepted; longer ones are taken for corruption. */
    public static final int MAX_PCAPNG_BLOCK = 16 * 1024 * 1024;
    /** Ethernet + IPv4 + TCP headers without options: snap lengths below cut the headers. */
    public static final int MIN_USEFUL_SNAP_LENGTH = 54;

    /** Cause counted for frames too short to hold their link-layer header. */
    public static final String CAUSE_SHORT = "shorter than the link-layer header";
    /** Prefix of the cause counted for frames of unsupported link types, followed by the number. */
    public static final String CAUSE_UNSUPPORTED_PREFIX = "unsupported link type ";

    private final Path file;
    private final MappedFile in;
    private final InterfaceTable interfaces;
    private final FrameHandoff delivery;
    // Exactly one is set; both final classes, so next() calls them directly.
    private final PcapReader pcap;
    private final PcapngReader pcapng;
    private boolean closed;

    private CaptureFileReader(Path file, MappedFile in) throws IOException {
        this.file = file;
        this.in = in;
        this.interfaces = new InterfaceTable(in.name());
        this.delivery = new FrameHandoff(in);
        long size = in.size();
        if (size < 4) {
            throw new CaptureFormatException(in.name() + ": not a pcap or pcapng file ("
                    + (size == 0 ? "empty file" : "only " + size + " bytes") + ")");
        }
        in.map(0, 4);
        int magic = in.window().getInt(0);
        if (magic == PcapngReader.BLOCK_SHB) {
            pcap = null;
            pcapng = new PcapngReader(in, interfaces, delivery);
            pcapng.start();
        } else if (PcapReader.isMagic(magic)) {
            pcap = new PcapReader(in, interfaces, delivery, magic);
            pcapng = null;
        } else {
            throw new CaptureFormatException(
                    String.format("%s: not a pcap or pcapng file (magic 0x%08x)", in.name(), magic));
        }
        interfaces.checkLinkTypes();
        delivery.allocateFramer(interfaces);
    }

    /**
     * Opens a pcap or pcapng file, reads its header (and for pcapng the Interface Description
     * Blocks before the first packet) and positions at the first frame.
     *
     * @throws CaptureFormatException if the file is not a capture file, its header is corrupt,
     *     or every interface has a link type that cannot be turned into Ethernet
     * @throws IOException if the file cannot be read
     */
    public static CaptureFileReader open(Path file) throws IOException {
        return open(file, DEFAULT_WINDOW);
    }

    /** As {@link #open(Path)}, with a smaller window for testing records across window ends. */
    static CaptureFileReader open(Path file, int windowSize) throws IOException {
        if (windowSize < 64) {
            throw new IllegalArgumentException("window size " + windowSize);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new CaptureFileReader(file, new MappedFile(file.toString(), channel, windowSize));
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Delivers the next frame to the handler.
     *
     * @return true if a frame was delivered, false at the end of the file (or of its readable
     *     part, when the last record is truncated)
     * @throws CaptureFormatException on corruption that makes the rest of the file unreadable
     * @throws IOException if mapping the file fails
     */
    public boolean next(FrameHandler handler) throws IOException {
        if (closed) {
            throw new IllegalStateException(in.name() + ": reader is closed");
        }
        return pcapng != null ? pcapng.next(handler) : pcap.next(handler);
    }

    /** Delivers all remaining frames; returns how many were delivered. */
    public long readAll(FrameHandler handler) throws IOException {
        long n = 0;
        while (next(handler)) {
            n++;
        }
        return n;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** True for pcapng, false for pcap. */
    public boolean isPcapng() {
        return pcapng != null;
    }

    /**
     * The interfaces seen so far: the one of a pcap file; for pcapng those described before the
     * first packet after {@link #open}, and any described later as reading reaches them.
     */
    public List<CaptureInterface> interfaces() {
        return interfaces.descriptions();
    }

    /** Frames handed to the handler. */
    public long framesDelivered() {
        return delivery.framesDelivered();
    }

    /** Bytes handed to the handler, as delivered (Ethernet frames' captured bytes). */
    public long bytesDelivered() {
        return delivery.bytesDelivered();
    }

    /** Frames read but not delivered, see {@link #skippedByCause()}. */
    public long skippedFrames() {
        return delivery.skippedFrames();
    }

    /**
     * Skipped frames by cause: {@value #CAUSE_SHORT}, "unsupported link type N". Only causes that
     * occurred; a new map on each call.
     */
    public Map<String, Long> skippedByCause() {
        Map<String, Long> causes = new LinkedHashMap<>();
        if (delivery.shortFrames() > 0) {
            causes.put(CAUSE_SHORT, delivery.shortFrames());
        }
        for (int i = 0; i < interfaces.size(); i++) {
            InterfaceState state = interfaces.get(i);
            if (state.unsupportedFrames > 0) {
                causes.merge(CAUSE_UNSUPPORTED_PREFIX + state.description.linkTypeCode(), state.unsupportedFrames,
                        Long::sum);
            }
        }
        return causes;
    }

    /** Records cut short by the end of the file (0 or 1: reading stops there). */
    public long truncatedRecords() {
        return in.truncatedRecords();
    }

    /**
     * A warning when an interface's snap length is below {@value #MIN_USEFUL_SNAP_LENGTH} bytes
     * (frames are still read), for example "f.pcap: interface eth0 snap length 40 is shorter than
     * Ethernet+IPv4+TCP headers (54): frames are truncated"; several joined by "; "; or null.
     */
    public String snapLengthWarning() {
        return interfaces.snapLengthWarning();
    }

    /** The byte offset up to which the file has been read, for progress (reaches {@link #fileSize()}). */
    public long bytesRead() {
        return in.bytesRead();
    }

    /** The file's size when it was opened. */
    public long fileSize() {
        return in.size();
    }

    /** Closes the file; the mapped windows are released by the garbage collector. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }

    @Override
    public String toString() {
        return "CaptureFileReader{" + in.name() + ", " + (isPcapng() ? "pcapng" : "pcap") + ", "
                + framesDelivered() + " frames delivered, " + skippedFrames() + " skipped, " + truncatedRecords()
                + " truncated}";
    }
}
