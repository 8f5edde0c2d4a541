package org.apptrack.capture.file;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apptrack.capture.frame.FrameHandler;

/**
 * Reads a pcapng file block by block: Section Header Blocks (which set the byte order and start
 * numbering interfaces anew), Interface Description Blocks, and Enhanced, Simple and obsolete
 * Packet Blocks; every other block is skipped by its length.
 */
final class PcapngReader {

    /** Section Header Block type, also the file's magic number. */
    static final int BLOCK_SHB = 0x0a0d0d0a;
    private static final int BLOCK_IDB = 1;
    private static final int BLOCK_PB = 2;
    private static final int BLOCK_SPB = 3;
    private static final int BLOCK_EPB = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    private static final int OPT_END = 0;
    private static final int OPT_IF_NAME = 2;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_TSOFFSET = 14;
    private static final int MAX_BLOCK = CaptureFileReader.MAX_PCAPNG_BLOCK;

    private final MappedFile in;
    private final InterfaceTable interfaces;
    private final FrameHandoff delivery;

    // The packet block at the read position, found by advance().
    private int pendingType;
    private int pendingLength;
    // The current section's interfaces: global indexes sectionBase to sectionBase + sectionCount - 1.
    private int sectionBase;
    private int sectionCount;
    // Simple Packet Blocks have no timestamp: they get the previous packet's.
    private long lastTimestamp;

    PcapngReader(MappedFile in, InterfaceTable interfaces, FrameHandoff delivery) {
        this.in = in;
        this.interfaces = interfaces;
        this.delivery = delivery;
    }

    /** Reads the blocks before the first packet block, positioning at it. */
    void start() throws IOException {
        in.moveTo(0);
        advance();
    }

    /** As {@link CaptureFileReader#next}. */
    boolean next(FrameHandler handler) throws IOException {
        while (advance()) {
            if (readPacketBlock(handler)) {
                return true;
            }
        }
        return false;
    }

    /** Reads blocks up to the next packet block; false at the end of the file. */
    private boolean advance() throws IOException {
        while (!in.isFinished()) {
            long offset = in.position();
            long remaining = in.size() - offset;
            if (remaining == 0) {
                in.finish();
                return false;
            }
            if (remaining < 12) {
                return in.truncated(offset, 12);
            }
            int p = in.map(offset, 12);
            MappedByteBuffer w = in.window();
            int type = w.getInt(p);
            if (type == BLOCK_SHB) {
                int magic = w.getInt(p + 8);
                if (magic == BYTE_ORDER_MAGIC) {
                    // already in this order
                } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
                    in.setOrder(in.order() == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                } else {
                    int asWritten = in.order() == ByteOrder.BIG_ENDIAN ? magic : Integer.reverseBytes(magic);
                    throw corrupt(offset, String.format("Section Header Block with a bad byte-order magic 0x%08x",
                            asWritten));
                }
            }
            long length = w.getInt(p + 4) & 0xffffffffL;
            if (length < 12 || (length & 3) != 0 || length > MAX_BLOCK) {
                throw corrupt(offset, "block total length " + length + (length < 12 ? " is shorter than 12 bytes"
                        : (length & 3) != 0 ? " is not a multiple of 4" : " exceeds the " + MAX_BLOCK
                        + " byte limit") + String.format(" (block type 0x%08x)", type));
            }
            if (length > remaining) {
                return in.truncated(offset, length);
            }
            int blockLength = (int) length;
            // Blocks that are read whole are mapped whole; others only for their trailing length.
            boolean whole = type == BLOCK_EPB || type == BLOCK_SPB || type == BLOCK_PB || type == BLOCK_SHB
                    || type == BLOCK_IDB;
            if (whole) {
                in.readAhead(in.map(offset, blockLength));
            } else {
                in.map(offset + blockLength - 4, 4);
            }
            int trailer = in.window().getInt(in.index(offset + blockLength - 4));
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
            in.moveTo(offset + blockLength);
        }
        return false;
    }

    /** Delivers the pending packet block, mapped whole by advance(), and moves past it. */
    private boolean readPacketBlock(FrameHandler handler) throws IOException {
        long offset = in.position();
        int blockLength = pendingLength;
        int p = in.index(offset);
        MappedByteBuffer w = in.window();
        in.moveTo(offset + blockLength);
        if (pendingType == BLOCK_SPB) {
            if (blockLength < 16) {
                throw corrupt(offset, "Simple Packet Block of " + blockLength + " bytes (at least 16)");
            }
            if (sectionCount == 0) {
                throw corrupt(offset, "Simple Packet Block in a section without Interface Description Block");
            }
            InterfaceState from = interfaces.get(sectionBase);
            long wire = w.getInt(p + 8) & 0xffffffffL;
            long captured = Math.min(wire, blockLength - 16);
            int snap = from.snapLength;
            if (snap > 0) {
                captured = Math.min(captured, snap);
            }
            return delivery.deliver(handler, from, lastTimestamp, p + 12, (int) captured,
                    (int) Math.min(wire, Integer.MAX_VALUE));
        }
        if (blockLength < 32) {
            throw corrupt(offset, (pendingType == BLOCK_EPB ? "Enhanced" : "") + " Packet Block of " + blockLength
                    + " bytes (at least 32)");
        }
        int id = pendingType == BLOCK_EPB ? w.getInt(p + 8) : w.getShort(p + 8) & 0xffff;
        if (id < 0 || id >= sectionCount) {
            throw corrupt(offset, "packet of interface " + Integer.toUnsignedString(id) + " but the section has "
                    + sectionCount + " interface(s)");
        }
        int capturedLength = w.getInt(p + 20);
        if (capturedLength < 0 || capturedLength > blockLength - 32) {
            throw corrupt(offset, "captured length " + Integer.toUnsignedString(capturedLength)
                    + " exceeds the block (" + (blockLength - 32) + " bytes of packet data)");
        }
        InterfaceState from = interfaces.get(sectionBase + id);
        long ticks = ((long) w.getInt(p + 12) << 32) | (w.getInt(p + 16) & 0xffffffffL);
        long timestamp = from.toNanos(ticks);
        lastTimestamp = timestamp;
        return delivery.deliver(handler, from, timestamp, p + 28, capturedLength, w.getInt(p + 24));
    }

    private void readSectionHeader(long offset, int blockLength) throws CaptureFormatException {
        if (blockLength < 28) {
            throw corrupt(offset, "Section Header Block of " + blockLength + " bytes (at least 28)");
        }
        int p = in.index(offset);
        MappedByteBuffer w = in.window();
        int major = w.getShort(p + 12) & 0xffff;
        int minor = w.getShort(p + 14) & 0xffff;
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
        int p = in.index(offset);
        MappedByteBuffer w = in.window();
        int linkType = w.getShort(p + 8) & 0xffff;
        int snapLength = w.getInt(p + 12);
        String name = null;
        int resolution = 6;
        long tsOffset = 0;
        int q = p + 16;
        int end = p + blockLength - 4;
        while (q + 4 <= end) {
            int code = w.getShort(q) & 0xffff;
            int length = w.getShort(q + 2) & 0xffff;
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
                    bytes[i] = w.get(value + i);
                }
                int n = length;
                while (n > 0 && bytes[n - 1] == 0) {
                    n--;
                }
                name = new String(bytes, 0, n, StandardCharsets.UTF_8);
            } else if (code == OPT_IF_TSRESOL && length >= 1) {
                resolution = w.get(value) & 0xff;
            } else if (code == OPT_IF_TSOFFSET && length >= 8) {
                tsOffset = w.getLong(value);
            }
            q = value + ((length + 3) & ~3);
        }
        if (name == null || name.isEmpty()) {
            name = "pcapng#" + interfaces.size();
        }
        if ((resolution & 0x80) == 0 && resolution > 18) {
            throw corrupt(offset, "interface " + name + " has timestamp resolution 10^-" + resolution
                    + ", finer than the 10^-18 supported");
        }
        if ((resolution & 0x80) != 0 && (resolution & 0x7f) > 62) {
            throw corrupt(offset, "interface " + name + " has timestamp resolution 2^-" + (resolution & 0x7f)
                    + ", finer than the 2^-62 supported");
        }
        interfaces.add(name, linkType, snapLength, resolution, tsOffset);
        sectionCount++;
    }

    private CaptureFormatException corrupt(long offset, String what) {
        return CaptureFormatException.corrupt(in.name(), "pcapng", offset, what);
    }
}
