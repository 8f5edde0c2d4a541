package org.apptrack.testsupport.packets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the frames of a capture file for tests: classic pcap (either byte order, micro- or
 * nanosecond) and pcapng (Section Header, Interface Description, Enhanced and Simple Packet
 * Blocks; several interfaces, each with its link type), whatever the file's name says. The whole
 * file is read into memory: for the small captures of the test sets, not for replays.
 */
public final class CaptureReader {

    /** LINKTYPE_ values of the link layers found in the test sets. */
    public static final int LINK_NULL = 0;
    public static final int LINK_ETHERNET = 1;
    public static final int LINK_RAW = 101;
    public static final int LINK_LINUX_SLL = 113;

    /** One captured frame: its link type and the captured bytes. */
    public static final class Frame {
        private final int linkType;
        private final byte[] data;

        Frame(int linkType, byte[] data) {
            this.linkType = linkType;
            this.data = data;
        }

        public int linkType() {
            return linkType;
        }

        public byte[] data() {
            return data;
        }
    }

    private CaptureReader() {
    }

    /** The frames of {@code file}, in file order. */
    public static List<Frame> read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    /** The frames of a capture held in {@code bytes} ({@code name} for messages). */
    public static List<Frame> read(byte[] bytes, String name) throws IOException {
        if (bytes.length < 24) {
            throw new IOException(name + ": too short for a capture file (" + bytes.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (magic == 0x0a0d0d0a) {
            return pcapng(b, name);
        }
        if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
            b.order(ByteOrder.BIG_ENDIAN);
        } else if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            throw new IOException(name + ": not a pcap or pcapng file (magic " + Integer.toHexString(magic) + ")");
        }
        int linkType = b.getInt(20) & 0x0fffffff;
        List<Frame> frames = new ArrayList<>();
        int off = 24;
        while (off + 16 <= bytes.length) {
            int captured = b.getInt(off + 8);
            if (captured < 0 || off + 16 + captured > bytes.length) {
                break; // a truncated last record
            }
            frames.add(new Frame(linkType, Arrays.copyOfRange(bytes, off + 16, off + 16 + captured)));
            off += 16 + captured;
        }
        return frames;
    }

    private static List<Frame> pcapng(ByteBuffer b, String name) throws IOException {
        List<Frame> frames = new ArrayList<>();
        List<Integer> interfaces = new ArrayList<>();
        int off = 0;
        int size = b.capacity();
        while (off + 12 <= size) {
            int type = b.getInt(off);
            if (type == 0x0a0d0d0a) {
                int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(off + 8);
                if (magic == 0x4d3c2b1a) {
                    b.order(ByteOrder.BIG_ENDIAN);
                } else if (magic != 0x1a2b3c4d) {
                    throw new IOException(name + ": bad pcapng byte-order magic at " + off);
                }
                interfaces.clear(); // interface ids are per section
            }
            int length = b.getInt(off + 4);
            if (length < 12 || (length & 3) != 0 || off + length > size) {
                break;
            }
            if (type == 1) {
                interfaces.add(b.getShort(off + 8) & 0xffff);
            } else if (type == 6) {
                int iface = b.getInt(off + 8);
                int captured = b.getInt(off + 20);
                if (iface < 0 || iface >= interfaces.size() || captured < 0 || captured > length - 32) {
                    throw new IOException(name + ": bad Enhanced Packet Block at " + off);
                }
                frames.add(new Frame(interfaces.get(iface), Arrays.copyOfRange(b.array(), off + 28, off + 28 + captured)));
            } else if (type == 3) {
                if (interfaces.isEmpty()) {
                    throw new IOException(name + ": Simple Packet Block before any interface at " + off);
                }
                int captured = Math.min(b.getInt(off + 8), length - 16);
                frames.add(new Frame(interfaces.get(0), Arrays.copyOfRange(b.array(), off + 12, off + 12 + captured)));
            }
            off += length;
        }
        return frames;
    }
}
