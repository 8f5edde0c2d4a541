package org.apptrack.capture.file;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import org.apptrack.capture.frame.FrameHandler;

/**
 * Reads a pcap file: the 24-byte file header, then records of a 16-byte header and the captured
 * bytes, with microsecond or nanosecond timestamps in either byte order.
 */
final class PcapReader {

    private static final int MAGIC_MICRO = 0xa1b2c3d4;
    private static final int MAGIC_NANO = 0xa1b23c4d;
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int LINKTYPE_MASK = 0x03ffffff;
    private static final int MAX_CAPTURED = CaptureFileReader.MAX_PCAP_CAPTURED_LENGTH;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final MappedFile in;
    private final FrameHandoff delivery;
    private final InterfaceState onlyInterface;
    private final long fractionNanos;

    /** True for the pcap magic numbers, in either byte order. */
    static boolean isMagic(int magic) {
        return magic == MAGIC_MICRO || magic == MAGIC_NANO
                || magic == Integer.reverseBytes(MAGIC_MICRO) || magic == Integer.reverseBytes(MAGIC_NANO);
    }

    /** Reads the file header, whose magic number is {@code magic}, and adds the file's interface. */
    PcapReader(MappedFile in, InterfaceTable interfaces, FrameHandoff delivery, int magic) throws IOException {
        this.in = in;
        this.delivery = delivery;
        boolean swapped = magic == Integer.reverseBytes(MAGIC_MICRO) || magic == Integer.reverseBytes(MAGIC_NANO);
        in.setOrder(swapped ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        boolean nano = magic == MAGIC_NANO || magic == Integer.reverseBytes(MAGIC_NANO);
        fractionNanos = nano ? 1 : 1000;
        if (in.size() < FILE_HEADER) {
            throw new CaptureFormatException(in.name() + ": pcap file header truncated (" + in.size() + " of "
                    + FILE_HEADER + " bytes)", 0);
        }
        in.map(0, FILE_HEADER);
        MappedByteBuffer w = in.window();
        int major = w.getShort(4) & 0xffff;
        int minor = w.getShort(6) & 0xffff;
        if (major != 2) {
            throw new CaptureFormatException(in.name() + ": unsupported pcap version " + major + "." + minor, 0);
        }
        int snapLength = w.getInt(16);
        int linkType = w.getInt(20) & LINKTYPE_MASK;
        onlyInterface = interfaces.add("pcap", linkType, snapLength, nano ? 9 : 6, 0);
        in.moveTo(FILE_HEADER);
    }

    /** As {@link CaptureFileReader#next}. */
    boolean next(FrameHandler handler) throws IOException {
        while (!in.isFinished()) {
            long offset = in.position();
            long remaining = in.size() - offset;
            if (remaining == 0) {
                in.finish();
                return false;
            }
            if (remaining < RECORD_HEADER) {
                return in.truncated(offset, RECORD_HEADER);
            }
            int p = in.map(offset, RECORD_HEADER);
            int capturedLength = in.window().getInt(p + 8);
            if (capturedLength < 0 || capturedLength > MAX_CAPTURED) {
                throw CaptureFormatException.corrupt(in.name(), "pcap", offset, "captured length "
                        + Integer.toUnsignedString(capturedLength) + " exceeds the " + MAX_CAPTURED
                        + " byte maximum");
            }
            int recordLength = RECORD_HEADER + capturedLength;
            if (recordLength > remaining) {
                return in.truncated(offset, recordLength);
            }
            p = in.map(offset, recordLength);
            in.readAhead(p);
            MappedByteBuffer w = in.window();
            long seconds = w.getInt(p) & 0xffffffffL;
            long fraction = w.getInt(p + 4) & 0xffffffffL;
            int wireLength = w.getInt(p + 12);
            in.moveTo(offset + recordLength);
            long timestamp = seconds * NANOS_PER_SECOND + fraction * fractionNanos;
            if (delivery.deliver(handler, onlyInterface, timestamp, p + RECORD_HEADER, capturedLength, wireLength)) {
                return true;
            }
        }
        return false;
    }
}
