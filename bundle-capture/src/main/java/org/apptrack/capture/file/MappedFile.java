package org.apptrack.capture.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A capture file as it is read: mapped in windows of at most the window size, so that a window
 * and the buffers over it stay int-indexed (and files over 2 GiB are read), and the read position,
 * which the pcap and pcapng readers move on record by record.
 *
 * <p>Header fields are read from {@link #window()} in the file's byte order; frames are handed
 * over through {@link #frames()}, a big-endian duplicate made once per window.
 */
final class MappedFile {

    // Logged under the reader's name, which is what users configure.
    private static final Logger LOG = LoggerFactory.getLogger(CaptureFileReader.class);

    private final String name;
    private final FileChannel channel;
    private final long size;
    private final int windowSize;

    private MappedByteBuffer window;
    private ByteBuffer frames;
    private long windowBase;
    private int windowLength;
    private ByteOrder order = ByteOrder.BIG_ENDIAN;

    private long position;
    private boolean finished;
    private long truncatedRecords;

    MappedFile(String name, FileChannel channel, int windowSize) throws IOException {
        this.name = name;
        this.channel = channel;
        this.size = channel.size();
        this.windowSize = windowSize;
    }

    /**
     * Makes bytes [offset, offset + length) readable, mapping a new window starting at offset
     * if the current one does not hold them all, and returns offset's index in the window.
     */
    int map(long offset, int length) throws IOException {
        if (window == null || offset < windowBase || offset + length > windowBase + windowLength) {
            remap(offset, length);
        }
        return (int) (offset - windowBase);
    }

    // Apart so that map() stays small enough to inline on the per-frame path.
    private void remap(long offset, int length) throws IOException {
        long mapped = Math.min(Math.max(windowSize, length), size - offset);
        MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, offset, mapped);
        buffer.order(order);
        window = buffer;
        frames = buffer.duplicate(); // big-endian: frames are in network byte order
        windowBase = offset;
        windowLength = (int) mapped;
    }

    /**
     * Reads one byte {@value #READ_AHEAD} bytes past {@code index} (when the window holds it), so
     * that the cache line a few records ahead is on its way when the reader gets there. Java has
     * no prefetch instruction; a load whose value only feeds a field does the same job without
     * stalling (the CPU runs on while it is outstanding). Why at all: the hardware prefetcher
     * follows the sequential scan only within a 4 KiB page and mapped page-cache pages are
     * scattered in physical memory, so every frame's first touch was a cache miss; with this the
     * reader and packet service deliver about 15 % more frames per second on a long-flow mix
     * ({@code ReplayBenchmark}).
     */
    void readAhead(int index) {
        int ahead = index + READ_AHEAD;
        if (ahead < windowLength) {
            readAheadSink += window.get(ahead);
        }
    }

    /** About three records of a typical mix ahead; 1 KiB ahead measured worse, 256 bytes no better. */
    static final int READ_AHEAD = 512;
    /** Keeps {@link #readAhead}'s loads from being removed as unused; its value means nothing. */
    private int readAheadSink;

    /** The index in the window of an offset that {@link #map} has made readable. */
    int index(long offset) {
        return (int) (offset - windowBase);
    }

    /** The current window, in the file's byte order; replaced by {@link #map}. */
    MappedByteBuffer window() {
        return window;
    }

    /** The current window in big-endian order, for handing frames over. */
    ByteBuffer frames() {
        return frames;
    }

    ByteOrder order() {
        return order;
    }

    void setOrder(ByteOrder newOrder) {
        order = newOrder;
        if (window != null) {
            window.order(newOrder);
        }
    }

    String name() {
        return name;
    }

    long size() {
        return size;
    }

    /** The offset of the next record. */
    long position() {
        return position;
    }

    void moveTo(long offset) {
        position = offset;
    }

    boolean isFinished() {
        return finished;
    }

    /** Reading reached the end of the file. */
    void finish() {
        finished = true;
    }

    /**
     * Ends reading at a record cut short by the end of the file, which is what a killed tcpdump
     * or dumpcap leaves; returns false for the caller to return.
     */
    boolean truncated(long offset, long needed) {
        truncatedRecords++;
        finished = true;
        LOG.warn("{}: last record at byte offset {} is truncated ({} of {} bytes): stopping there", name, offset,
                size - offset, needed);
        position = size;
        return false;
    }

    long truncatedRecords() {
        return truncatedRecords;
    }

    /** The byte offset up to which the file has been read. */
    long bytesRead() {
        return finished ? size : position;
    }

    /** Closes the file; the mapped windows are released by the garbage collector. */
    void close() throws IOException {
        window = null;
        frames = null;
        channel.close();
    }
}
