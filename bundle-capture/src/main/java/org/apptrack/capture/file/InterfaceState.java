package org.apptrack.capture.file;

import org.apptrack.capture.frame.EthernetFramer;
import org.apptrack.capture.frame.LinkType;

/**
 * What reading needs of one interface per frame: its link type, snap length and timestamp
 * resolution and offset, worked out once when the interface is described, and its count of
 * skipped frames. The public description is {@link #description}.
 */
final class InterfaceState {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int ETHERNET_HEADER = 14;

    // How ticks become nanoseconds: resolutions of 10^-0..10^-9 multiply the remainder,
    // finer decimal ones divide it, binary ones shift.
    private static final int TS_DECIMAL_MULTIPLY = 0;
    private static final int TS_DECIMAL_DIVIDE = 1;
    private static final int TS_BINARY = 2;

    final CaptureInterface description;
    /** The index frames are delivered with. */
    final int index;
    /** Null when the link type cannot be turned into Ethernet: frames are skipped. */
    final LinkType linkType;
    /** Ethernet header length minus the link type's, to adjust the wire length; 0 for Ethernet. */
    final int headerDelta;
    final int snapLength;

    private final int tsKind;
    private final long tsUnits;
    private final long tsFactor;
    private final int tsShift;
    private final long tsOffsetNanos;

    /** Frames skipped because {@link #linkType} is null. */
    long unsupportedFrames;

    /**
     * @param resolution the pcapng {@code if_tsresol} byte: 10^-n, or 2^-n with the high bit set;
     *     the caller has checked n is at most 18 (decimal) or 62 (binary)
     * @param offsetSeconds the pcapng {@code if_tsoffset}
     */
    InterfaceState(int index, String name, int linkTypeCode, int snapLength, int resolution, long offsetSeconds) {
        long units;
        if ((resolution & 0x80) == 0) {
            units = 1;
            for (int i = 0; i < resolution; i++) {
                units *= 10;
            }
            if (resolution <= 9) {
                tsKind = TS_DECIMAL_MULTIPLY;
                tsFactor = NANOS_PER_SECOND / units;
            } else {
                tsKind = TS_DECIMAL_DIVIDE;
                tsFactor = units / NANOS_PER_SECOND;
            }
            tsShift = 0;
        } else {
            tsShift = resolution & 0x7f;
            units = 1L << tsShift;
            tsKind = TS_BINARY;
            tsFactor = 0;
        }
        this.tsUnits = units;
        this.tsOffsetNanos = offsetSeconds * NANOS_PER_SECOND;
        this.description = new CaptureInterface(index, name, linkTypeCode, snapLength, units, offsetSeconds);
        this.index = index;
        this.linkType = description.linkType();
        this.headerDelta = linkType == null || linkType == LinkType.ETHERNET ? 0
                : ETHERNET_HEADER - EthernetFramer.headerLength(linkType);
        this.snapLength = snapLength;
    }

    /** A timestamp in ticks of this interface's resolution, as nanoseconds since the epoch. */
    long toNanos(long ticks) {
        long seconds;
        long nanos;
        switch (tsKind) {
            case TS_DECIMAL_MULTIPLY: {
                long units = tsUnits;
                if (ticks >= 0) {
                    seconds = ticks / units;
                    nanos = (ticks - seconds * units) * tsFactor;
                } else {
                    seconds = Long.divideUnsigned(ticks, units);
                    nanos = Long.remainderUnsigned(ticks, units) * tsFactor;
                }
                break;
            }
            case TS_DECIMAL_DIVIDE: {
                long units = tsUnits;
                seconds = Long.divideUnsigned(ticks, units);
                nanos = Long.remainderUnsigned(ticks, units) / tsFactor;
                break;
            }
            default: {
                int shift = tsShift;
                if (shift == 0) {
                    seconds = ticks;
                    nanos = 0;
                } else {
                    seconds = ticks >>> shift;
                    long rest = ticks & ((1L << shift) - 1);
                    // rest * 1e9 / 2^shift, exact, in 128 bits
                    long high = Math.multiplyHigh(rest, NANOS_PER_SECOND);
                    long low = rest * NANOS_PER_SECOND;
                    nanos = (high << (64 - shift)) | (low >>> shift);
                }
                break;
            }
        }
        return seconds * NANOS_PER_SECOND + nanos + tsOffsetNanos;
    }
}
