package org.apptrack.apptrack.appid.quic;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import org.apptrack.apptrack.appid.tls.ClientHelloParser;
import org.apptrack.apptrack.appid.tls.TlsStatus;
import org.apptrack.apptrack.engine.classify.ClassificationState;

/**
 * Reads a QUIC client's hello from its first datagrams: IETF QUIC v1 (RFC 9000/9001), v2
 * (RFC 9369), drafts 22 to 34 and Facebook mvfst's versions, Google's Q050/T050/T051 (Initial
 * protection with their own salts), and Google QUIC Q0xx up to Q046, whose CHLO is in the clear.
 *
 * <p>For each client datagram ({@link #read}): walks the coalesced long-header packets; opens
 * each Initial with the keys of the session's original Destination Connection ID (HKDF from its
 * version's salt, header protection, AES-128-GCM); hands its CRYPTO frames to the session's
 * {@link CryptoStreamAssembler} (any order, split, repeated, over several datagrams); once the
 * stream's contiguous prefix holds the whole ClientHello, parses it with
 * {@link ClientHelloParser} (gQUIC: the CHLO's SNI and UAID tags).
 *
 * <p>State: {@link #WORDS} word of the session's {@link ClassificationState} and the buffer region
 * {@code [regionOffset, regionOffset + regionCapacity)} (the original DCID, the coverage record,
 * then the CRYPTO stream: {@link #REGION_OVERHEAD} bytes plus the ClientHello, about 2 KiB for a
 * post-quantum one). After a final status (anything but {@link QuicStatus#NEED_MORE}) further
 * datagrams return the same status.
 *
 * <p>One reader per classifier (it owns the ciphers and 128 KiB of scratch), used by one thread:
 * not thread-safe. Allocation: none of its own per datagram. The JDK's AES-GCM allocates for each
 * Initial opened (the nonce's {@code GCMParameterSpec}, its associated-data buffer and engine
 * state: about 1.1 KiB on JDK 17), and deriving a session's keys when its first Initial arrives
 * allocates a few key specs; the JCE offers no way around either, and classification reads only
 * a session's first datagrams. No exception on any input: cryptographic failures are
 * {@link QuicStatus#DECRYPT_FAILED}.
 */
public final class QuicInitialReader {

    /** Words of classification state the reader uses. */
    public static final int WORDS = 1;
    /** Bytes of the region before the CRYPTO stream. */
    public static final int REGION_OVERHEAD = CryptoStreamAssembler.DATA_AT;
    /** The smallest datagram a client Initial comes in (RFC 9000 14.1); an unknown version is QUIC only that large. */
    private static final int MIN_INITIAL_DATAGRAM = 1200;

    private static final QuicStatus[] STATUSES = QuicStatus.values();
    /** {@link #initial} results; when not opened, {@link #notOpened} says why. */
    private static final int NOT_OPENED = 0;
    private static final int OPENED = 1;
    private static final int OPENED_BAD_FRAMES = 2;

    private final CryptoStreamAssembler stream;
    private final InitialPacketDecryptor decryptor;
    private final LongHeader header = new LongHeader();
    private final GquicClearPacket gquic = new GquicClearPacket();
    private final byte[] dcid = new byte[LongHeader.MAX_CID];
    private QuicStatus notOpened;

    /**
     * @param word the state word the reader uses
     * @param regionOffset where its region starts in the state's buffer
     * @param regionCapacity the region's size (at most 65535 + {@link #REGION_OVERHEAD})
     */
    public QuicInitialReader(int word, int regionOffset, int regionCapacity) {
        if (word < 0 || word >= ClassificationState.WORDS) {
            throw new IllegalArgumentException("word must be 0.." + (ClassificationState.WORDS - 1) + ": " + word);
        }
        if (regionOffset < 0 || regionCapacity < 0) {
            throw new IllegalArgumentException("regionOffset and regionCapacity must not be negative: " + regionOffset
                    + ", " + regionCapacity);
        }
        stream = new CryptoStreamAssembler(word, regionOffset, regionCapacity);
        try {
            decryptor = new InitialPacketDecryptor();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256 or AES (GCM, ECB): " + e, e);
        }
    }

    /**
     * One datagram the client sent, {@code datagram[offset, offset + length)} (absolute indices;
     * its position and limit are not changed).
     */
    public QuicStatus read(ClassificationState state, ByteBuffer datagram, int offset, int length, QuicHello out) {
        out.clear();
        stream.load(state);
        try {
            int done = stream.finalStatus();
            if (done >= 0) {
                return STATUSES[done];
            }
            QuicStatus st = length <= 0 || offset < 0 || length > datagram.limit() - offset ? QuicStatus.NOT_QUIC
                    : datagram(datagram, offset, offset + length, out);
            if (st != QuicStatus.NEED_MORE) {
                stream.finish(st.ordinal());
            }
            return st;
        } finally {
            stream.save();
        }
    }

    private QuicStatus datagram(ByteBuffer b, int offset, int end, QuicHello out) {
        int first = b.get(offset) & 0xff;
        if ((first & 0x80) == 0) {
            int r = gquic.readPublicHeader(b, offset, end - offset);
            if (r != GquicClearPacket.NOT_GQUIC) {
                out.version(gquic.version);
                return r == GquicClearPacket.FOUND ? chlo(b, gquic.dataOffset, gquic.dataLength, out)
                        : QuicStatus.NOT_INITIAL;
            }
            if (stream.started()) {
                return QuicStatus.NOT_INITIAL; // 1-RTT already: the hello never became whole
            }
            return (first & 0x40) != 0 ? QuicStatus.NOT_INITIAL : QuicStatus.NOT_QUIC;
        }
        if (end - offset >= 5 && NetworkOrder.u32(b, offset + 1) == QuicVersion.Q046) {
            out.version(QuicVersion.Q046); // its long header predates the invariants: own lengths byte
            int r = gquic.readQ046(b, offset, end - offset);
            return r == GquicClearPacket.FOUND ? chlo(b, gquic.dataOffset, gquic.dataLength, out)
                    : r == GquicClearPacket.NO_CHLO ? QuicStatus.NOT_INITIAL : QuicStatus.NOT_QUIC;
        }
        if (!header.parse(b, offset, end)) {
            return QuicStatus.NOT_QUIC;
        }
        int version = header.version;
        out.version(version);
        if (version == 0) {
            return QuicStatus.NOT_INITIAL; // Version Negotiation, a server's
        }
        QuicVersion v = QuicVersion.of(version);
        if (v == null) {
            boolean plausible = (first & 0x40) != 0 && end - offset >= MIN_INITIAL_DATAGRAM
                    || QuicVersion.isGoogle(version);
            return plausible ? QuicStatus.UNSUPPORTED_VERSION : QuicStatus.NOT_QUIC;
        }
        return packets(b, offset, end, version, v, out);
    }

    /** The coalesced packets of a datagram of a known version. */
    private QuicStatus packets(ByteBuffer b, int offset, int end, int version, QuicVersion v, QuicHello out) {
        int opened = 0;
        boolean earlyData = false;
        boolean badFrames = false;
        QuicStatus failure = QuicStatus.NOT_INITIAL;
        int p = offset;
        while (p < end && header.parse(b, p, end) && header.version == version) {
            int type = header.type();
            if (type == v.retryType) {
                break;
            }
            boolean initial = type == v.initialType;
            if (!header.parseLength(b, end, initial)) {
                if (p == offset) {
                    failure = QuicStatus.MALFORMED;
                }
                break;
            }
            earlyData |= type == v.zeroRttType;
            if (initial) {
                int r = initial(b, v);
                if (r != NOT_OPENED) {
                    opened++;
                    badFrames |= r == OPENED_BAD_FRAMES;
                } else if (notOpened == QuicStatus.TOO_LONG) {
                    return notOpened;
                } else if (failure == QuicStatus.NOT_INITIAL || notOpened == QuicStatus.MALFORMED) {
                    failure = notOpened;
                }
            }
            p = header.packetEnd;
        }
        if (opened == 0 && !stream.started()) {
            // 0-RTT alone: its Initial was sent first and may arrive (or be captured) after it
            return failure == QuicStatus.NOT_INITIAL && earlyData ? QuicStatus.NEED_MORE : failure;
        }
        QuicStatus st = hello(v, out);
        // an authenticated Initial with a frame it may not carry: a hello that is not whole will not be
        return st == QuicStatus.NEED_MORE && badFrames ? QuicStatus.MALFORMED : st;
    }

    /**
     * Opens the Initial in {@link #header} and hands its CRYPTO frames to the stream:
     * {@link #OPENED}, {@link #OPENED_BAD_FRAMES} (a frame an Initial may not carry; those before
     * it went to the stream), or {@link #NOT_OPENED} with the reason in {@link #notOpened}.
     */
    private int initial(ByteBuffer b, QuicVersion v) {
        int cidLength;
        if (stream.started()) {
            cidLength = stream.dcid(dcid);
        } else {
            cidLength = header.dcidLength;
            for (int i = 0; i < cidLength; i++) {
                dcid[i] = b.get(header.dcidOffset + i);
            }
        }
        if (cidLength == 0) {
            return notOpened(QuicStatus.NOT_INITIAL); // a server's Initial (its client chose no CID for it)
        }
        int n = decryptor.decrypt(b, header, v, dcid, cidLength);
        if (n == InitialPacketDecryptor.MALFORMED) {
            return notOpened(QuicStatus.MALFORMED);
        }
        if (n < 0) {
            return notOpened(QuicStatus.DECRYPT_FAILED);
        }
        if (!stream.started()) {
            if (!stream.usable()) {
                return notOpened(QuicStatus.TOO_LONG);
            }
            stream.start(b, header.dcidOffset, header.dcidLength);
        }
        return InitialFrames.walk(decryptor.plainView, 0, n, v.payload, stream) < 0 ? OPENED_BAD_FRAMES : OPENED;
    }

    private int notOpened(QuicStatus why) {
        notOpened = why;
        return NOT_OPENED;
    }

    /** Whether the stream's prefix holds the whole hello, and if so what it says. */
    private QuicStatus hello(QuicVersion v, QuicHello out) {
        ByteBuffer buffer = stream.buffer();
        int at = stream.dataOffset();
        int prefix = stream.prefix();
        if (v.payload == QuicVersion.Payload.GQUIC_CHLO) {
            int total = ChloReader.length(buffer, at, prefix);
            if (total == ChloReader.NOT_CHLO) {
                return QuicStatus.MALFORMED;
            }
            if (total == 0 || total > prefix) {
                return needMore(total, out);
            }
            ChloReader.read(buffer, at, out);
            return QuicStatus.COMPLETE;
        }
        TlsStatus st = ClientHelloParser.parse(buffer, at, prefix, out.hello());
        switch (st) {
            case COMPLETE:
                return QuicStatus.COMPLETE;
            case NEED_MORE:
                return needMore(out.hello().needed(), out);
            default:
                return QuicStatus.MALFORMED;
        }
    }

    private QuicStatus needMore(int total, QuicHello out) {
        if (total > stream.dataCapacity()) {
            return QuicStatus.TOO_LONG;
        }
        out.needed(total);
        return QuicStatus.NEED_MORE;
    }

    /** A gQUIC CHLO in the clear, within this one packet. */
    private QuicStatus chlo(ByteBuffer b, int offset, int length, QuicHello out) {
        int total = ChloReader.length(b, offset, length);
        if (total == ChloReader.NOT_CHLO) {
            return QuicStatus.MALFORMED;
        }
        if (total == 0 || total > length) {
            out.needed(total);
            return QuicStatus.NEED_MORE;
        }
        ChloReader.read(b, offset, out);
        return QuicStatus.COMPLETE;
    }
}
