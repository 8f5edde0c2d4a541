package org.apptrack.testsupport.packets;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds pcap and pcapng files byte by byte, in either byte order, for tests that need to know
 * each field or what no tool writes (big-endian files, Simple Packet Blocks, binary timestamp
 * resolutions, timestamp offsets, corrupt lengths):
 * {@code CaptureFile.pcap(LITTLE_ENDIAN, false, 65535, 1).record(seconds, micros, frame, frame.length).bytes()}.
 */
public final class CaptureFile {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    private CaptureFile(ByteOrder order) {
        this.order = order;
    }

    /** A classic pcap file: micro- or nanosecond timestamps, snap length, link type (1: Ethernet). */
    public static CaptureFile pcap(ByteOrder order, boolean nano, int snapLength, int linkType) {
        CaptureFile b = new CaptureFile(order);
        b.int32(nano ? 0xa1b23c4d : 0xa1b2c3d4).int16(2).int16(4).int32(0).int32(0).int32(snapLength).int32(linkType);
        return b;
    }

    /** A pcap record: seconds, the fraction in the file's unit, the frame, its length on the wire. */
    public CaptureFile record(long seconds, long fraction, byte[] data, int wireLength) {
        return record(seconds, fraction, data, data.length, wireLength);
    }

    /** A pcap record whose captured-length field says {@code capturedLength} (at most that much data follows). */
    public CaptureFile record(long seconds, long fraction, byte[] data, int capturedLength, int wireLength) {
        int32((int) seconds).int32((int) fraction).int32(capturedLength).int32(wireLength);
        out.write(data, 0, Math.min(data.length, Math.max(capturedLength, 0)));
        return this;
    }

    /** A pcapng file, its Section Header Block written. */
    public static CaptureFile pcapng(ByteOrder order) {
        CaptureFile b = new CaptureFile(order);
        b.sectionHeader();
        return b;
    }

    public CaptureFile sectionHeader() {
        // type, length, byte-order magic, version 1.0, section length -1, shb_userappl, end
        byte[] app = "apptrack-test".getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = body(16 + 4 + pad(app.length) + 4);
        body.putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1L);
        option(body, 4, app);
        body.putInt(0);
        return block(0x0a0d0d0a, body);
    }

    /** An IDB; tsresol and tsoffset are written only when not null. */
    public CaptureFile interfaceDescription(int linkType, int snapLength, String name, Integer tsresol, Long tsoffset) {
        byte[] nameBytes = name == null ? null : name.getBytes(StandardCharsets.UTF_8);
        int size = 8 + (nameBytes != null ? 4 + pad(nameBytes.length) : 0) + (tsresol != null ? 8 : 0)
                + (tsoffset != null ? 12 : 0) + 4;
        ByteBuffer body = body(size);
        body.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
        if (nameBytes != null) {
            option(body, 2, nameBytes);
        }
        if (tsresol != null) {
            option(body, 9, new byte[] {(byte) (int) tsresol});
        }
        if (tsoffset != null) {
            body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
        }
        body.putShort((short) 0).putShort((short) 0);
        return block(1, body);
    }

    public CaptureFile enhancedPacket(int interfaceId, long ticks, byte[] data, int wireLength) {
        ByteBuffer body = body(20 + pad(data.length) + 12);
        body.putInt(interfaceId).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length).putInt(wireLength);
        body.put(data);
        body.position(20 + pad(data.length));
        // epb_flags: inbound
        body.putShort((short) 2).putShort((short) 4).putInt(1);
        body.putShort((short) 0).putShort((short) 0);
        return block(6, body);
    }

    public CaptureFile simplePacket(byte[] data, int wireLength) {
        ByteBuffer body = body(4 + pad(data.length));
        body.putInt(wireLength).put(data);
        return block(3, body);
    }

    /** A Name Resolution Block with one IPv4 record. */
    public CaptureFile nameResolution() {
        byte[] name = "host.example\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer body = body(4 + pad(4 + name.length) + 4);
        body.putShort((short) 1).putShort((short) (4 + name.length)).put(new byte[] {10, 0, 0, 1}).put(name);
        body.position(4 + pad(4 + name.length));
        body.putShort((short) 0).putShort((short) 0);
        return block(4, body);
    }

    public CaptureFile interfaceStatistics(int interfaceId, long ticks) {
        ByteBuffer body = body(12 + 12 + 4);
        body.putInt(interfaceId).putInt((int) (ticks >>> 32)).putInt((int) ticks);
        body.putShort((short) 4).putShort((short) 8).putLong(42); // isb_ifrecv
        body.putShort((short) 0).putShort((short) 0);
        return block(5, body);
    }

    public CaptureFile customBlock(byte[] data) {
        ByteBuffer body = body(4 + pad(data.length));
        body.putInt(32473).put(data); // private enterprise number: example
        return block(0x00000bad, body);
    }

    public CaptureFile decryptionSecrets(byte[] data) {
        ByteBuffer body = body(8 + pad(data.length));
        body.putInt(0x544c534b).putInt(data.length).put(data); // TLS key log
        return block(10, body);
    }

    /** A block with an arbitrary total length field (for corruption tests). */
    public CaptureFile rawBlock(int type, int declaredLength, int bodyBytes) {
        int32(type).int32(declaredLength);
        out.write(new byte[bodyBytes], 0, bodyBytes);
        return int32(declaredLength);
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private ByteBuffer body(int size) {
        return ByteBuffer.allocate(size).order(order);
    }

    private CaptureFile block(int type, ByteBuffer body) {
        int length = 12 + body.capacity();
        int32(type).int32(length);
        out.write(body.array(), 0, body.capacity());
        return int32(length);
    }

    private static void option(ByteBuffer body, int code, byte[] value) {
        body.putShort((short) code).putShort((short) value.length).put(value);
        body.position(body.position() + pad(value.length) - value.length);
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    private CaptureFile int32(int v) {
        ByteBuffer b = ByteBuffer.allocate(4).order(order).putInt(v);
        out.write(b.array(), 0, 4);
        return this;
    }

    private CaptureFile int16(int v) {
        ByteBuffer b = ByteBuffer.allocate(2).order(order).putShort((short) v);
        out.write(b.array(), 0, 2);
        return this;
    }
}
