package org.apptrack.apptrack.appid.flows;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One TCP or UDP flow of a capture: its end points (the client sent first) and its payload-carrying packets in order. */
public final class Flow {

    /** One packet with payload: the whole frame (Ethernet), where the payload lies, its direction and TCP sequence number. */
    public static final class Packet {
        private final byte[] frame;
        private final int payloadOffset;
        private final int payloadLength;
        private final boolean fromClient;
        private final int seq;
        private final int index;

        Packet(byte[] frame, int payloadOffset, int payloadLength, boolean fromClient, int seq, int index) {
            this.frame = frame;
            this.payloadOffset = payloadOffset;
            this.payloadLength = payloadLength;
            this.fromClient = fromClient;
            this.seq = seq;
            this.index = index;
        }

        /** A fresh buffer over the frame (position 0), so that a test can check nothing moved it. */
        public ByteBuffer buffer() {
            return ByteBuffer.wrap(frame);
        }

        public byte[] frame() {
            return frame;
        }

        public int payloadOffset() {
            return payloadOffset;
        }

        public int payloadLength() {
            return payloadLength;
        }

        public byte[] payload() {
            byte[] p = new byte[payloadLength];
            System.arraycopy(frame, payloadOffset, p, 0, payloadLength);
            return p;
        }

        public boolean fromClient() {
            return fromClient;
        }

        public int seq() {
            return seq;
        }

        /** The frame's number in the capture, from 1 (as tshark counts). */
        public int frameNumber() {
            return index;
        }
    }

    private final int protocol;
    private final InetAddress client;
    private final int clientPort;
    private final InetAddress server;
    private final int serverPort;
    final List<Packet> packets = new ArrayList<>();

    Flow(int protocol, InetAddress client, int clientPort, InetAddress server, int serverPort) {
        this.protocol = protocol;
        this.client = client;
        this.clientPort = clientPort;
        this.server = server;
        this.serverPort = serverPort;
    }

    /** 6 or 17. */
    public int protocol() {
        return protocol;
    }

    public InetAddress client() {
        return client;
    }

    public int clientPort() {
        return clientPort;
    }

    public InetAddress server() {
        return server;
    }

    public int serverPort() {
        return serverPort;
    }

    public List<Packet> packets() {
        return packets;
    }

    /** The payload-carrying packets of one direction. */
    public List<Packet> packets(boolean fromClient) {
        return packets.stream().filter(p -> p.fromClient() == fromClient).collect(Collectors.toList());
    }

    /** Whether this flow has these end points, in either direction. */
    public boolean joins(InetAddress a, int aPort, InetAddress b, int bPort) {
        return client.equals(a) && clientPort == aPort && server.equals(b) && serverPort == bPort
                || client.equals(b) && clientPort == bPort && server.equals(a) && serverPort == aPort;
    }

    @Override
    public String toString() {
        return (protocol == 6 ? "TCP " : "UDP ") + client.getHostAddress() + ":" + clientPort + " -> "
                + server.getHostAddress() + ":" + serverPort;
    }
}
