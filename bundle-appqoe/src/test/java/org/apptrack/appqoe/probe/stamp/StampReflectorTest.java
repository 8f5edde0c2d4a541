package org.apptrack.appqoe.probe.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.apptrack.api.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reflector on a real UDP socket, driven by a plain JDK socket as the sender. */
class StampReflectorTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long START = 1_765_000_000_000_000_000L;

    private final AtomicLong now = new AtomicLong(START);
    /** Each reading is one microsecond after the previous one, so t2 and t3 are predictable. */
    private final Clock steppingClock = () -> now.getAndAdd(1_000);

    private EventLoopGroup group;
    private StampSessionReflector reflector;
    private DatagramSocket client;

    @BeforeEach
    void setUp() throws IOException {
        group = new NioEventLoopGroup(1);
        reflector = new StampSessionReflector(group, steppingClock, new ReflectorSettings(LOOPBACK, 0, 34));
        reflector.start();
        client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        client.setSoTimeout(10_000);
    }

    @AfterEach
    void tearDown() {
        client.close();
        reflector.stop();
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private ByteBuffer exchange(byte[] request) throws IOException {
        client.send(new DatagramPacket(request, request.length, reflector.localAddress()));
        DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
        client.receive(reply);
        return ByteBuffer.wrap(reply.getData(), 0, reply.getLength());
    }

    private static byte[] senderPacket(int sequence, long timestamp, short errorEstimate, int length, byte padding) {
        ByteBuffer b = ByteBuffer.allocate(length);
        b.putInt(sequence).putLong(timestamp).putShort(errorEstimate);
        while (b.hasRemaining()) {
            b.put(padding);
        }
        return b.array();
    }

    @Test
    void replyLayoutMatchesRfc8762Figure4FieldByField() throws IOException {
        long senderTimestamp = 0x1122_3344_5566_7788L;
        ByteBuffer reply = exchange(senderPacket(0x0102_0304, senderTimestamp, (short) 0x8A05, 44, (byte) 0));

        assertEquals(44, reply.remaining());
        assertEquals(0, reply.getInt(0), "reflector sequence number starts at 0");
        long t2 = NtpTimestamp.fromEpochNanos(START);
        long t3 = NtpTimestamp.fromEpochNanos(START + 1_000);
        assertEquals(t3, reply.getLong(4), "timestamp (t3)");
        assertEquals(ErrorEstimate.UNSYNCHRONISED_MILLISECOND, reply.getShort(12) & 0xFFFF, "error estimate");
        assertEquals(0, reply.getShort(14), "MBZ");
        assertEquals(t2, reply.getLong(16), "receive timestamp (t2)");
        assertEquals(0x0102_0304, reply.getInt(24), "session-sender sequence number");
        assertEquals(senderTimestamp, reply.getLong(28), "session-sender timestamp");
        assertEquals(0x8A05, reply.getShort(36) & 0xFFFF, "session-sender error estimate");
        assertEquals(0, reply.getShort(38), "MBZ");
        assertEquals(ReflectorHandler.UNKNOWN_SENDER_TTL, reply.get(40) & 0xFF, "ses-sender TTL");
        assertEquals(0, reply.get(41) | reply.get(42) | reply.get(43), "MBZ");
    }

    @Test
    void statelessReflectorNumbersItsRepliesWithItsOwnCounter() throws IOException {
        for (int i = 0; i < 3; i++) {
            ByteBuffer reply = exchange(senderPacket(1000 + 7 * i, i, (short) 1, 44, (byte) 0));
            assertEquals(i, reply.getInt(0));
            assertEquals(1000 + 7 * i, reply.getInt(24));
        }
        assertEquals(3, reflector.counters().received());
        assertEquals(3, reflector.counters().reflected());
    }

    @Test
    void twampLightSenderWithPaddingGetsAReplyOfItsOwnSize() throws IOException {
        // TWAMP-Light senders pad with arbitrary bytes (RFC 5357 4.1.2); symmetric reply size.
        ByteBuffer reply = exchange(senderPacket(42, 77, (short) 0x0001, 128, (byte) 0x5A));
        assertEquals(128, reply.remaining());
        assertEquals(42, reply.getInt(24));
        assertEquals(77, reply.getLong(28));
        assertEquals(0, reply.getShort(38));
        assertEquals(0x5A, reply.get(127));
    }

    @Test
    void shortPacketsAreCountedAndDroppedAndTheReflectorKeepsAnswering() throws IOException {
        byte[] runt = new byte[14];
        client.send(new DatagramPacket(runt, runt.length, reflector.localAddress()));
        client.send(new DatagramPacket(new byte[43], 43, reflector.localAddress()));
        ByteBuffer reply = exchange(senderPacket(5, 6, (short) 1, 44, (byte) 0));
        // Datagrams from one socket over loopback arrive in order: the runts came first.
        assertEquals(2, reflector.counters().malformed());
        assertEquals(1, reflector.counters().received());
        assertEquals(5, reply.getInt(24));
        assertEquals(0, reply.getInt(0), "runts consumed no reflector sequence number");
    }

    @Test
    void replySocketIsMarkedWithTheConfiguredDscp() {
        assertEquals(34 << 2, reflector.channel().config().getOption(ChannelOption.IP_TOS));
    }

    @Test
    void secondReflectorOnTheSamePortFailsWithTheAddress() {
        StampSessionReflector clash = new StampSessionReflector(group, steppingClock,
                new ReflectorSettings(LOOPBACK, reflector.localAddress().getPort(), 0));
        IOException e = assertThrows(IOException.class, clash::start);
        assertTrue(e.getMessage().contains(":" + reflector.localAddress().getPort()), e.getMessage());
    }

    @Test
    void settingsRejectOutOfRangeValuesNamingTheField() {
        IllegalArgumentException dscp = assertThrows(IllegalArgumentException.class,
                () -> new ReflectorSettings(LOOPBACK, 862, 64));
        assertTrue(dscp.getMessage().startsWith("dscp"));
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> new ReflectorSettings(LOOPBACK, 70000, 0));
        assertTrue(port.getMessage().startsWith("port"));
        assertEquals(862, ReflectorSettings.defaults().port());
        assertTrue(ReflectorSettings.defaults().bindAddress().isLoopbackAddress());
    }
}
