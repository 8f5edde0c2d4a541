package org.apptrack.capture.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apptrack.capture.frame.EthernetFramer;
import org.apptrack.capture.frame.FrameHandler;
import org.apptrack.capture.frame.LinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Not thread-safe: one thread reads. The buffer given to the handler is read-only and valid
 * only during the call.
 */
public final class CaptureFileReader implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureFileReader.class);

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

    private static final int ETHERNET_HEADER = 14;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final int PCAP_MAGIC_MICRO = 0xa1b2c3d4;
    private static final int PCAP_MAGIC_NANO = 0xa1b23c4d;
    private static final int PCAP_HEADER = 24;
    private static final int PCAP_RECORD_HEADER = 16;
    private static final int LINKTYPE_MASK = 0x03ffffff;

    private static final int BLOCK_SHB = 0x0a0d0d0a;
    private static final int BLOCK_IDB = 1;
    private static final int BLOCK_PB = 2;
    private static final int BLOCK_SPB = 3;
    private static final int BLOCK_EPB = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    private static final int OPT_END = 0;
    private static final int OPT_IF_NAME = 2;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_TSOFFSET = 14;

    private static final int TS_DECIMAL_MULTIPLY = 0;
    private static final int TS_DECIMAL_DIVIDE = 1;
    private static final int TS_BINARY = 2;

    private final Path file;
    private final String fileName;
    private final FileChannel channel;
    private final long fileSize;
    private final int windowSize;
    private boolean pcapng;
    private boolean closed;
    private boolean finished;

    // The mapped window: header fields are read from 'window' in the file's byte order, frames
    // are handed over through 'frames', a big-endian duplicate made once per window.
    private MappedByteBuffer window;
    private ByteBuffer frames;
    private long windowBase;
    private int windowLength;
    private ByteOrder order = ByteOrder.BIG_ENDIAN;

    private long position;
    private int pendingType;
    private int pendingLength;
    private long pcapFractionNanos;
    private long lastTimestamp;

    // Interfaces, by global index (pcapng: counted over all sections).
    private final List<CaptureInterface> interfaces = new ArrayList<>();
    private LinkType[] linkTypes = new LinkType[4];
    private int[] headerDelta = new int[4];
    private int[] snapLengths = new int[4];
    private int[] tsKind = new int[4];
    private long[] tsUnits = new long[4];
    private long[] tsFactor = new long[4];
    private int[] tsShift = new int[4];
    private long[] tsOffsetNanos = new long[4];
    private long[] unsupportedFrames = new long[4];
    private int sectionBase;
    private int sectionCount;
    private final List<String> snapWarnings = new ArrayList<>();

    private EthernetFramer framer;
    private int framerCapacity;

    private long framesDelivered;
    private long bytesDelivered;
    private long shortFrames;
    private long skippedFrames;
    private long truncatedRecords;

    private CaptureFileReader(Path file, FileChannel channel, int windowSize) throws IOException {
        this.file = file;
        this.fileName = file.toString();
        this.channel = channel;
        this.fileSize = channel.size();
        this.windowSize = windowSize;
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
            CaptureFileReader reader = new CaptureFileReader(file, channel, windowSize);
            reader.start();
            return reader;
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    private void start() throws IOException {
        if (fileSize < 4) {
            throw new CaptureFormatException(fileName + ": not a pcap or pcapng file ("
                    + (fileSize == 0 ? "empty file" : "only " + fileSize + " bytes") + ")");
        }
        ensure(0, 4);
        int magic = window.getInt(0);
        if (magic == BLOCK_SHB) {
            pcapng = true;
            position = 0;
            advancePcapng();
        } else if (magic == PCAP_MAGIC_MICRO || magic == PCAP_MAGIC_NANO
                || magic == Integer.reverseBytes(PCAP_MAGIC_MICRO) || magic == Integer.reverseBytes(PCAP_MAGIC_NANO)) {
            startPcap(magic);
        } else {
            throw new CaptureFormatException(
                    String.format("%s: not a pcap or pcapng file (magic 0x%08x)", fileName, magic));
        }
        checkLinkTypes();
        int largest = 0;
        for (int i = 0; i < interfaces.size(); i++) {
            largest = Math.max(largest, framerSize(snapLengths[i]));
        }
        framerCapacity = largest == 0 ? MAX_PCAP_CAPTURED_LENGTH : largest;
        framer = new EthernetFramer(framerCapacity);
    }

    private static int framerSize(int snapLength) {
        return snapLength <= 0 || snapLength > MAX_PCAP_CAPTURED_LENGTH ? MAX_PCAP_CAPTURED_LENGTH : snapLength;
    }

    private void startPcap(int magic) throws IOException {
        boolean swapped = magic == Integer.reverseBytes(PCAP_MAGIC_MICRO)
                || magic == Integer.reverseBytes(PCAP_MAGIC_NANO);
        setOrder(swapped ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        boolean nano = magic == PCAP_MAGIC_NANO || magic == Integer.reverseBytes(PCAP_MAGIC_NANO);
        pcapFractionNanos = nano ? 1 : 1000;
        if (fileSize < PCAP_HEADER) {
            throw new CaptureFormatException(fileName + ": pcap file header truncated (" + fileSize + " of "
                    + PCAP_HEADER + " bytes)", 0);
        }
        ensure(0, PCAP_HEADER);
        int major = window.getShort(4) & 0xffff;
        int minor = window.getShort(6) & 0xffff;
        if (major != 2) {
            throw new CaptureFormatException(fileName + ": unsupported pcap version " + major + "." + minor, 0);
        }
        int snapLength = window.getInt(16);
        int linkType = window.getInt(20) & LINKTYPE_MASK;
        addInterface("pcap", linkType, snapLength, nano ? NANOS_PER_SECOND : 1_000_000L, TS_DECIMAL_MULTIPLY,
                nano ? 1 : 1000, 0, 0);
        position = PCAP_HEADER;
    }

    private void checkLinkTypes() throws CaptureFormatException {
        if (interfaces.isEmpty()) {
            return;
        }
        Set<Integer> codes = new LinkedHashSet<>();
        for (CaptureInterface i : interfaces) {
            if (i.linkType() != null) {
                return;
            }
            codes.add(i.linkTypeCode());
        }
        StringBuilder supported = new StringBuilder();
        for (LinkType t : LinkType.values()) {
            supported.append(supported.length() == 0 ? "" : ", ").append(t).append(" (").append(t.code()).append(')');
        }
        String list = codes.toString().replaceAll("[\\[\\]]", "");
        throw new CaptureFormatException(fileName + ": unsupported link type " + list
                + ": no interface has a link type that can be turned into Ethernet (supported: " + supported + ")");
    }

    // ---------------------------------------------------------------------------------------------
    // Reading

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
            throw new IllegalStateException(fileName + ": reader is closed");
        }
        if (pcapng) {
            while (advancePcapng()) {
                if (readPacketBlock(handler)) {
                    return true;
                }
            }
            return false;
        }
        while (!finished) {
            long offset = position;
            long remaining = fileSize - offset;
            if (remaining == 0) {
                finished = true;
                return false;
            }
            if (remaining < PCAP_RECORD_HEADER) {
                return truncated(offset, PCAP_RECORD_HEADER);
            }
            ensure(offset, PCAP_RECORD_HEADER);
            int p = (int) (offset - windowBase);
            int capturedLength = window.getInt(p + 8);
            if (capturedLength < 0 || capturedLength > MAX_PCAP_CAPTURED_LENGTH) {
                throw corrupt(offset, "captured length " + Integer.toUnsignedString(capturedLength)
                        + " exceeds the " + MAX_PCAP_CAPTURED_LENGTH + " byte maximum");
            }
            int recordLength = PCAP_RECORD_HEADER + capturedLength;
            if (recordLength > remaining) {
                return truncated(offset, recordLength);
            }
            ensure(offset, recordLength);
            p = (int) (offset - windowBase);
            long seconds = window.getInt(p) & 0xffffffffL;
            long fraction = window.getInt(p + 4) & 0xffffffffL;
            int wireLength = window.getInt(p + 12);
            position = offset + recordLength;
            long timestamp = seconds * NANOS_PER_SECOND + fraction * pcapFractionNanos;
            lastTimestamp = timestamp;
            if (deliver(handler, 0, timestamp, p + PCAP_RECORD_HEADER, capturedLength, wireLength)) {
                return true;
            }
        }
        return false;
    }

    /** Delivers all remaining frames; returns how many were delivered. */
    public long readAll(FrameHandler handler) throws IOException {
        long n = 0;
        while (next(handler)) {
            n++;
        }
        return n;
    }

    private boolean deliver(FrameHandler handler, int index, long timestamp, int start, int capturedLength,
                            int wireLength) {
        LinkType type = linkTypes[index];
        if (type == null) {
            unsupportedFrames[index]++;
            skippedFrames++;
            return false;
        }
        if (capturedLength > framerCapacity && type != LinkType.ETHERNET) {
            // Only when a frame exceeds every snap length known at open (allowed, but rare).
            framerCapacity = capturedLength;
            framer = new EthernetFramer(capturedLength);
        }
        ByteBuffer view = frames;
        view.order(ByteOrder.BIG_ENDIAN); // in case a handler changed it
        view.limit(start + capturedLength);
        view.position(start);
        ByteBuffer ethernet = framer.toEthernet(type, view);
        if (ethernet == null) {
            shortFrames++;
            skippedFrames++;
            return false;
        }
        int wire = wireLength;
        int delta = headerDelta[index];
        if (delta != 0) {
            long adjusted = (wireLength & 0xffffffffL) + delta;
            wire = adjusted < 0 ? 0 : adjusted > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) adjusted;
        }
        framesDelivered++;
        bytesDelivered += ethernet.remaining();
        handler.onFrame(index, timestamp, ethernet, wire);
        return true;
    }

    private boolean truncated(long offset, long needed) {
        truncatedRecords++;
        finished = true;
        LOG.warn("{}: last record at byte offset {} is truncated ({} of {} bytes): stopping there", fileName, offset,
                fileSize - offset, needed);
        position = fileSize;
        return false;
    }

    // ---------------------------------------------------------------------------------------------
    // pcapng

    /** Reads blocks up to the next packet block; false at the end of the file. */
    private boolean advancePcapng() throws IOException {
        while (!finished) {
            long offset = position;
            long remaining = fileSize - offset;
            if (remaining == 0) {
                finished = true;
                return false;
            }
            if (remaining < 12) {
                return truncated(offset, 12);
            }
            ensure(offset, 12);
            int p = (int) (offset - windowBase);
            int type = window.getInt(p);
            if (type == BLOCK_SHB) {
                int magic = window.getInt(p + 8);
                if (magic == BYTE_ORDER_MAGIC) {
                    // already in this order
                } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
                    setOrder(order == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                } else {
                    int asWritten = order == ByteOrder.BIG_ENDIAN ? magic : Integer.reverseBytes(magic);
                    throw corrupt(offset, String.format("Section Header Block with a bad byte-order magic 0x%08x",
                            asWritten));
                }
            }
            long length = window.getInt(p + 4) & 0xffffffffL;
            if (length < 12 || (length & 3) != 0 || length > MAX_PCAPNG_BLOCK) {
                throw corrupt(offset, "block total length " + length + (length < 12 ? " is shorter than 12 bytes"
                        : (length & 3) != 0 ? " is not a multiple of 4" : " exceeds the " + MAX_PCAPNG_BLOCK
                        + " byte limit") + String.format(" (block type 0x%08x)", type));
            }
            if (length > remaining) {
                return truncated(offset, length);
            }
            int blockLength = (int) length;
            boolean whole = type == BLOCK_EPB || type == BLOCK_SPB || type == BLOCK_PB || type == BLOCK_SHB
                    || type == BLOCK_IDB;
            if (whole) {
                ensure(offset, blockLength);
            } else {
                ensure(offset + blockLength - 4, 4);
            }
            int trailer = window.getInt((int) (offset + blockLength - 4 - windowBase));
            if (trailer != blockLength) {
                throw corrupt(offset, "block total length " + blockLength + " does not match its trailing copy "
                        + Integer.toUnsignedString(trailer) + String.format(" (block type 0x%08x)", type));
            }
            switch (type) {
                case BLOCK_EPB:
                case BLOCK_SPB:
                case BLOCK_PB:
                    pendingType = type;
                    pendingLength = blockLength;
                    return true;
                case BLOCK_SHB:
                    readSectionHeader(offset, blockLength);
                    break;
                case BLOCK_IDB:
                    readInterfaceDescription(offset, blockLength);
                    break;
                default:
                    break;
            }
            position = offset + blockLength;
        }
        return false;
    }

    private boolean readPacketBlock(FrameHandler handler) throws IOException {
        long offset = position;
        int blockLength = pendingLength;
        int p = (int) (offset - windowBase);
        position = offset + blockLength;
        if (pendingType == BLOCK_SPB) {
            if (blockLength < 16) {
                throw corrupt(offset, "Simple Packet Block of " + blockLength + " bytes (at least 16)");
            }
            if (sectionCount == 0) {
                throw corrupt(offset, "Simple Packet Block in a section without Interface Description Block");
            }
            int index = sectionBase;
            long wire = window.getInt(p + 8) & 0xffffffffL;
            long captured = Math.min(wire, blockLength - 16);
            int snap = snapLengths[index];
            if (snap > 0) {
                captured = Math.min(captured, snap);
            }
            return deliver(handler, index, lastTimestamp, p + 12, (int) captured,
                    (int) Math.min(wire, Integer.MAX_VALUE));
        }
        if (blockLength < 32) {
            throw corrupt(offset, (pendingType == BLOCK_EPB ? "Enhanced" : "") + " Packet Block of " + blockLength
                    + " bytes (at least 32)");
        }
        int id = pendingType == BLOCK_EPB ? window.getInt(p + 8) : window.getShort(p + 8) & 0xffff;
        if (id < 0 || id >= sectionCount) {
            throw corrupt(offset, "packet of interface " + Integer.toUnsignedString(id) + " but the section has "
                    + sectionCount + " interface(s)");
        }
        int capturedLength = window.getInt(p + 20);
        if (capturedLength < 0 || capturedLength > blockLength - 32) {
            throw corrupt(offset, "captured length " + Integer.toUnsignedString(capturedLength)
                    + " exceeds the block (" + (blockLength - 32) + " bytes of packet data)");
        }
        int index = sectionBase + id;
        long ticks = ((long) window.getInt(p + 12) << 32) | (window.getInt(p + 16) & 0xffffffffL);
        long timestamp = toNanos(index, ticks);
        lastTimestamp = timestamp;
        return deliver(handler, index, timestamp, p + 28, capturedLength, window.getInt(p + 24));
    }

    private long toNanos(int index, long ticks) {
        long seconds;
        long nanos;
        switch (tsKind[index]) {
            case TS_DECIMAL_MULTIPLY: {
                long units = tsUnits[index];
                if (ticks >= 0) {
                    seconds = ticks / units;
                    nanos = (ticks - seconds * units) * tsFactor[index];
                } else {
                    seconds = Long.divideUnsigned(ticks, units);
                    nanos = Long.remainderUnsigned(ticks, units) * tsFactor[index];
                }
                break;
            }
            case TS_DECIMAL_DIVIDE: {
                long units = tsUnits[index];
                seconds = Long.divideUnsigned(ticks, units);
                nanos = Long.remainderUnsigned(ticks, units) / tsFactor[index];
                break;
            }
            default: {
                int shift = tsShift[index];
                if (shift == 0) {
                    seconds = ticks;
                    nanos = 0;
                } else {
                    seconds = ticks >>> shift;
                    long rest = ticks & ((1L << shift) - 1);
                    // rest * 1e9 / 2^shift, exact, in 128 bits
                    long high = Math.multiplyHigh(rest, NANOS_PER_SECOND);
                    long low = rest * NANOS_PER_SECOND;
                    nanos = (high << (64 - shift)) | (low >>> shift);
                }
                break;
            }
        }
        return seconds * NANOS_PER_SECOND + nanos + tsOffsetNanos[index];
    }

    private void readSectionHeader(long offset, int blockLength) throws CaptureFormatException {
        if (blockLength < 28) {
            throw corrupt(offset, "Section Header Block of " + blockLength + " bytes (at least 28)");
        }
        int p = (int) (offset - windowBase);
        int major = window.getShort(p + 12) & 0xffff;
        int minor = window.getShort(p + 14) & 0xffff;
        if (major != 1) {
            throw corrupt(offset, "unsupported pcapng version " + major + "." + minor);
        }
        sectionBase = interfaces.size();
        sectionCount = 0;
    }

    private void readInterfaceDescription(long offset, int blockLength) throws CaptureFormatException {
        if (blockLength < 20) {
            throw corrupt(offset, "Interface Description Block of " + blockLength + " bytes (at least 20)");
        }
        int p = (int) (offset - windowBase);
        int linkType = window.getShort(p + 8) & 0xffff;
        int snapLength = window.getInt(p + 12);
        String name = null;
        int resolution = 6;
        long tsOffset = 0;
        int q = p + 16;
        int end = p + blockLength - 4;
        while (q + 4 <= end) {
            int code = window.getShort(q) & 0xffff;
            int length = window.getShort(q + 2) & 0xffff;
            if (code == OPT_END) {
                break;
            }
            int value = q + 4;
            if (value + length > end) {
                throw corrupt(offset, "Interface Description Block option " + code + " of " + length
                        + " bytes overruns the block");
            }
            if (code == OPT_IF_NAME) {
                byte[] bytes = new byte[length];
                for (int i = 0; i < length; i++) {
                    bytes[i] = window.get(value + i);
                }
                int n = length;
                while (n > 0 && bytes[n - 1] == 0) {
                    n--;
                }
                name = new String(bytes, 0, n, StandardCharsets.UTF_8);
            } else if (code == OPT_IF_TSRESOL && length >= 1) {
                resolution = window.get(value) & 0xff;
            } else if (code == OPT_IF_TSOFFSET && length >= 8) {
                tsOffset = window.getLong(value);
            }
            q = value + ((length + 3) & ~3);
        }
        int index = interfaces.size();
        if (name == null || name.isEmpty()) {
            name = "pcapng#" + index;
        }
        if ((resolution & 0x80) == 0) {
            if (resolution > 18) {
                throw corrupt(offset, "interface " + name + " has timestamp resolution 10^-" + resolution
                        + ", finer than the 10^-18 supported");
            }
            long units = 1;
            for (int i = 0; i < resolution; i++) {
                units *= 10;
            }
            if (resolution <= 9) {
                addInterface(name, linkType, snapLength, units, TS_DECIMAL_MULTIPLY, NANOS_PER_SECOND / units, 0,
                        tsOffset);
            } else {
                addInterface(name, linkType, snapLength, units, TS_DECIMAL_DIVIDE, units / NANOS_PER_SECOND, 0,
                        tsOffset);
            }
        } else {
            int shift = resolution & 0x7f;
            if (shift > 62) {
                throw corrupt(offset, "interface " + name + " has timestamp resolution 2^-" + shift
                        + ", finer than the 2^-62 supported");
            }
            addInterface(name, linkType, snapLength, 1L << shift, TS_BINARY, 0, shift, tsOffset);
        }
        sectionCount++;
    }

    private void addInterface(String name, int linkTypeCode, int snapLength, long unitsPerSecond, int kind,
                              long factor, int shift, long offsetSeconds) {
        int index = interfaces.size();
        CaptureInterface ci = new CaptureInterface(index, name, linkTypeCode, snapLength, unitsPerSecond,
                offsetSeconds);
        interfaces.add(ci);
        if (index == linkTypes.length) {
            int n = index * 2;
            linkTypes = Arrays.copyOf(linkTypes, n);
            headerDelta = Arrays.copyOf(headerDelta, n);
            snapLengths = Arrays.copyOf(snapLengths, n);
            tsKind = Arrays.copyOf(tsKind, n);
            tsUnits = Arrays.copyOf(tsUnits, n);
            tsFactor = Arrays.copyOf(tsFactor, n);
            tsShift = Arrays.copyOf(tsShift, n);
            tsOffsetNanos = Arrays.copyOf(tsOffsetNanos, n);
            unsupportedFrames = Arrays.copyOf(unsupportedFrames, n);
        }
        LinkType type = ci.linkType();
        linkTypes[index] = type;
        headerDelta[index] = type == null || type == LinkType.ETHERNET ? 0
                : ETHERNET_HEADER - EthernetFramer.headerLength(type);
        snapLengths[index] = snapLength;
        tsKind[index] = kind;
        tsUnits[index] = unitsPerSecond;
        tsFactor[index] = factor;
        tsShift[index] = shift;
        tsOffsetNanos[index] = offsetSeconds * NANOS_PER_SECOND;
        if (snapLength > 0 && snapLength < MIN_USEFUL_SNAP_LENGTH) {
            String warning = fileName + ": interface " + name + " snap length " + snapLength
                    + " is shorter than Ethernet+IPv4+TCP headers (" + MIN_USEFUL_SNAP_LENGTH
                    + "): frames are truncated";
            snapWarnings.add(warning);
            LOG.warn(warning);
        }
        if (type == null) {
            LOG.warn("{}: interface {} has unsupported link type {}: its frames are skipped", fileName, name,
                    linkTypeCode);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Mapping

    private void ensure(long offset, int length) throws IOException {
        if (window != null && offset >= windowBase && offset + length <= windowBase + windowLength) {
            return;
        }
        long size = Math.min(Math.max(windowSize, length), fileSize - offset);
        MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, offset, size);
        mapped.order(order);
        window = mapped;
        frames = mapped.duplicate(); // big-endian: frames are in network byte order
        windowBase = offset;
        windowLength = (int) size;
    }

    private void setOrder(ByteOrder newOrder) {
        order = newOrder;
        if (window != null) {
            window.order(newOrder);
        }
    }

    private CaptureFormatException corrupt(long offset, String what) {
        return new CaptureFormatException(fileName + ": corrupt " + (pcapng ? "pcapng" : "pcap")
                + " file at byte offset " + offset + ": " + what, offset);
    }

    // ---------------------------------------------------------------------------------------------
    // State

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** True for pcapng, false for pcap. */
    public boolean isPcapng() {
        return pcapng;
    }

    /**
     * The interfaces seen so far: the one of a pcap file; for pcapng those described before the
     * first packet after {@link #open}, and any described later as reading reaches them.
     */
    public List<CaptureInterface> interfaces() {
        return Collections.unmodifiableList(new ArrayList<>(interfaces));
    }

    /** Frames handed to the handler. */
    public long framesDelivered() {
        return framesDelivered;
    }

    /** Bytes handed to the handler, as delivered (Ethernet frames' captured bytes). */
    public long bytesDelivered() {
        return bytesDelivered;
    }

    /** Frames read but not delivered, see {@link #skippedByCause()}. */
    public long skippedFrames() {
        return skippedFrames;
    }

    /**
     * Skipped frames by cause: {@value #CAUSE_SHORT}, "unsupported link type N". Only causes that
     * occurred; a new map on each call.
     */
    public Map<String, Long> skippedByCause() {
        Map<String, Long> causes = new LinkedHashMap<>();
        if (shortFrames > 0) {
            causes.put(CAUSE_SHORT, shortFrames);
        }
        for (int i = 0; i < interfaces.size(); i++) {
            if (unsupportedFrames[i] > 0) {
                causes.merge(CAUSE_UNSUPPORTED_PREFIX + interfaces.get(i).linkTypeCode(), unsupportedFrames[i],
                        Long::sum);
            }
        }
        return causes;
    }

    /** Records cut short by the end of the file (0 or 1: reading stops there). */
    public long truncatedRecords() {
        return truncatedRecords;
    }

    /**
     * A warning when an interface's snap length is below {@value #MIN_USEFUL_SNAP_LENGTH} bytes
     * (frames are still read), for example "f.pcap: interface eth0 snap length 40 is shorter than
     * Ethernet+IPv4+TCP headers (54): frames are truncated"; several joined by "; "; or null.
     */
    public String snapLengthWarning() {
        return snapWarnings.isEmpty() ? null : String.join("; ", snapWarnings);
    }

    /** The byte offset up to which the file has been read, for progress (reaches {@link #fileSize()}). */
    public long bytesRead() {
        return finished ? fileSize : position;
    }

    /** The file's size when it was opened. */
    public long fileSize() {
        return fileSize;
    }

    /** Closes the file; the mapped windows are released by the garbage collector. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            window = null;
            frames = null;
            channel.close();
        }
    }

    @Override
    public String toString() {
        return "CaptureFileReader{" + fileName + ", " + (pcapng ? "pcapng" : "pcap") + ", " + framesDelivered
                + " frames delivered, " + skippedFrames + " skipped, " + truncatedRecords + " truncated}";
    }
}
