package org.apptrack.testsupport.packets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites a little-endian capture file in big-endian byte order (no tool writes big-endian
 * files on a little-endian machine), so that tshark can serve as the reference for both.
 * Independent of any reader under test.
 */
public final class ByteSwapper {

    private ByteSwapper() {
    }

    /** A little-endian pcap file to big-endian: header fields and record headers swapped. */
    public static void swapPcap(Path in, Path out) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(Files.readAllBytes(in)).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer dst = ByteBuffer.allocate(src.capacity()).order(ByteOrder.BIG_ENDIAN);
        int magic = src.getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            throw new IOException(in + " is not a little-endian pcap file");
        }
        dst.putInt(magic).putShort(src.getShort(4)).putShort(src.getShort(6));
        for (int i = 8; i < 24; i += 4) {
            dst.putInt(src.getInt(i));
        }
        int p = 24;
        while (p + 16 <= src.capacity()) {
            int caplen = src.getInt(p + 8);
            for (int i = 0; i < 16; i += 4) {
                dst.putInt(src.getInt(p + i));
            }
            dst.put(src.array(), p + 16, caplen);
            p += 16 + caplen;
        }
        Files.write(out, dst.array());
    }

    /**
     * A little-endian pcapng file to big-endian. Swaps SHB, IDB, EPB, SPB and ISB with their
     * numeric options; drops other blocks (their layout is type specific).
     */
    public static void swapPcapng(Path in, Path out) throws IOException {
        ByteBuffer src = ByteBuffer.wrap(Files.readAllBytes(in)).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        int p = 0;
        while (p + 12 <= src.capacity()) {
            int type = src.getInt(p);
            int length = src.getInt(p + 4);
            ByteBuffer dst = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
            dst.putInt(type).putInt(length);
            int end = p + length - 4;
            int q = p + 8;
            switch (type) {
                case 0x0a0d0d0a:
                    dst.putInt(src.getInt(q)).putShort(src.getShort(q + 4)).putShort(src.getShort(q + 6))
                            .putLong(src.getLong(q + 8));
                    options(src, dst, q + 16, end, type);
                    break;
                case 1:
                    dst.putShort(src.getShort(q)).putShort(src.getShort(q + 2)).putInt(src.getInt(q + 4));
                    options(src, dst, q + 8, end, type);
                    break;
                case 6: {
                    for (int i = 0; i < 20; i += 4) {
                        dst.putInt(src.getInt(q + i));
                    }
                    int caplen = src.getInt(q + 12);
                    int padded = (caplen + 3) & ~3;
                    dst.put(src.array(), q + 20, padded);
                    options(src, dst, q + 20 + padded, end, type);
                    break;
                }
                case 3:
                    dst.putInt(src.getInt(q));
                    dst.put(src.array(), q + 4, end - q - 4);
                    break;
                case 5:
                    for (int i = 0; i < 12; i += 4) {
                        dst.putInt(src.getInt(q + i));
                    }
                    options(src, dst, q + 12, end, type);
                    break;
                default:
                    p += length;
                    continue;
            }
            dst.putInt(length);
            result.write(dst.array(), 0, length);
            p += length;
        }
        Files.write(out, result.toByteArray());
    }

    private static void options(ByteBuffer src, ByteBuffer dst, int q, int end, int blockType) {
        while (q + 4 <= end) {
            int code = src.getShort(q) & 0xffff;
            int length = src.getShort(q + 2) & 0xffff;
            dst.putShort((short) code).putShort((short) length);
            int v = q + 4;
            int padded = (length + 3) & ~3;
            if (code == 0) {
                dst.put(src.array(), v, Math.min(padded, end - v));
                return;
            }
            int kind = numericKind(blockType, code, length);
            if (kind == 4) {
                dst.putInt(src.getInt(v));
            } else if (kind == 8) {
                dst.putLong(src.getLong(v));
            } else if (kind == 44) {
                dst.putInt(src.getInt(v)).putInt(src.getInt(v + 4));
            } else {
                dst.put(src.array(), v, length);
            }
            dst.position(dst.position() + padded - length);
            q = v + padded;
        }
    }

    /** 4 or 8 for a u32/u64 option, 44 for a timestamp pair, 0 for bytes (strings, u8, ...). */
    private static int numericKind(int blockType, int code, int length) {
        if (blockType == 1 && (code == 8 || code == 14) && length == 8) {
            return 8; // if_speed, if_tsoffset
        }
        if (blockType == 6 && (code == 2 || code == 6) && length == 4) {
            return 4; // epb_flags, epb_queue
        }
        if (blockType == 6 && (code == 4 || code == 5) && length == 8) {
            return 8; // epb_dropcount, epb_packetid
        }
        if (blockType == 5 && (code == 2 || code == 3) && length == 8) {
            return 44; // isb_starttime, isb_endtime
        }
        if (blockType == 5 && code >= 4 && code <= 8 && length == 8) {
            return 8;
        }
        return 0;
    }
}
