package org.apptrack.bench;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * The frames of {@code live} established sessions (a quarter IPv6, half TCP), both directions,
 * back to back in one array in stream order, while the sessions they belong to come in random
 * order (every packet a random table access). One reused {@link ByteBuffer} view is moved over
 * them, as the capture sources hand frames on: one buffer object per frame would add a pointer
 * chase per packet through objects the collector leaves in no particular order.
 */
final class SessionFrameStream {

    /** All frames, back to back in stream order. */
    private final byte[] stream;
    /** Frame k is {@code stream[frameStart[k] .. frameStart[k + 1])}. */
    private final int[] frameStart;
    /** Index of a frame from each session's client (for creating the sessions before measuring). */
    private final int[] clientFrame;
    private final ByteBuffer view;

    /**
     * @param udpServerPort the UDP sessions' server port (TCP ones use 443)
     */
    SessionFrameStream(int live, long seed, int udpServerPort) {
        Random rnd = new Random(seed);
        // Packet k of the stream is direction (perm[k] & 1) of session perm[k] / 2.
        int[] perm = new int[2 * live];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        for (int i = perm.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        byte[][] clients = new byte[live][];
        byte[][] servers = new byte[live][];
        int[] clientPorts = new int[live];
        for (int i = 0; i < live; i++) {
            boolean v6 = (i & 3) == 0;
            clients[i] = v6 ? randomBytes(rnd, 16) : randomBytes(rnd, 4);
            servers[i] = v6 ? randomBytes(rnd, 16) : randomBytes(rnd, 4);
            clientPorts[i] = 1024 + rnd.nextInt(60000);
        }
        ByteBuffer[] frames = new ByteBuffer[2 * live];
        clientFrame = new int[live];
        for (int k = 0; k < frames.length; k++) {
            int session = perm[k] >> 1;
            boolean fromClient = (perm[k] & 1) == 0;
            boolean v6 = (session & 3) == 0;
            boolean tcp = (session & 1) == 0;
            int serverPort = tcp ? 443 : udpServerPort;
            frames[k] = fromClient
                    ? frame(v6, tcp, clients[session], clientPorts[session], servers[session], serverPort)
                    : frame(v6, tcp, servers[session], serverPort, clients[session], clientPorts[session]);
            if (fromClient) {
                clientFrame[session] = k;
            }
        }
        frameStart = new int[frames.length + 1];
        for (int k = 0; k < frames.length; k++) {
            frameStart[k + 1] = frameStart[k] + frames[k].remaining();
        }
        stream = new byte[frameStart[frames.length]];
        for (int k = 0; k < frames.length; k++) {
            frames[k].get(stream, frameStart[k], frames[k].remaining());
        }
        view = ByteBuffer.wrap(stream);
    }

    int frameCount() {
        return frameStart.length - 1;
    }

    /** The view over frame k (the same buffer object every time). */
    ByteBuffer frame(int k) {
        ByteBuffer v = view;
        v.limit(frameStart[k + 1]);
        v.position(frameStart[k]);
        return v;
    }

    /** A frame from session {@code session}'s client. */
    ByteBuffer clientFrameOf(int session) {
        return frame(clientFrame[session]);
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        b[0] = (byte) (10 + (b[0] & 0x3f)); // unicast-looking first byte
        return b;
    }

    /** Ethernet + IPv4/IPv6 + TCP (PSH|ACK)/UDP, 100 bytes of payload. */
    private static ByteBuffer frame(boolean v6, boolean tcp, byte[] src, int sport, byte[] dst, int dport) {
        int l4 = tcp ? 20 : 8;
        int payload = 100;
        int ipHeader = v6 ? 40 : 20;
        ByteBuffer b = ByteBuffer.allocate(14 + ipHeader + l4 + payload);
        b.position(12);
        b.putShort((short) (v6 ? 0x86dd : 0x0800));
        if (v6) {
            b.putInt(0x60000000);
            b.putShort((short) (l4 + payload));
            b.put((byte) (tcp ? 6 : 17));
            b.put((byte) 64);
            b.put(src);
            b.put(dst);
        } else {
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + l4 + payload));
            b.putInt(0).put((byte) 64).put((byte) (tcp ? 6 : 17)).putShort((short) 0);
            b.put(src);
            b.put(dst);
        }
        b.putShort((short) sport).putShort((short) dport);
        if (tcp) {
            b.putInt(1).putInt(1).put((byte) 0x50).put((byte) 0x18).putShort((short) 65535).putInt(0);
        } else {
            b.putShort((short) (8 + payload)).putShort((short) 0);
        }
        b.clear();
        return b;
    }
}
