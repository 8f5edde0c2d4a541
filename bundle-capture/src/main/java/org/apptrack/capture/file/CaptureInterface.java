package org.apptrack.capture.file;

import java.util.Objects;
import org.apptrack.capture.frame.LinkType;

/**
 * One capture interface of a capture file: the single interface of a pcap file, or a pcapng
 * Interface Description Block. Immutable.
 */
public final class CaptureInterface {

    private final int index;
    private final String name;
    private final LinkType linkType;
    private final int linkTypeCode;
    private final int snapLength;
    private final long timestampUnitsPerSecond;
    private final long timestampOffsetSeconds;

    /**
     * @param index the index frames of this interface are delivered with (see {@link #index()})
     * @param name the pcapng {@code if_name}, or a generated name
     * @param linkTypeCode the LINKTYPE_ number in the file
     * @param snapLength the snap length, 0 meaning unlimited (pcapng)
     * @param timestampUnitsPerSecond the timestamp resolution as units per second
     * @param timestampOffsetSeconds the pcapng {@code if_tsoffset}, 0 if absent
     */
    public CaptureInterface(int index, String name, int linkTypeCode, int snapLength,
                            long timestampUnitsPerSecond, long timestampOffsetSeconds) {
        this.index = index;
        this.name = Objects.requireNonNull(name, "name");
        this.linkTypeCode = linkTypeCode;
        this.linkType = LinkType.fromCode(linkTypeCode);
        this.snapLength = snapLength;
        this.timestampUnitsPerSecond = timestampUnitsPerSecond;
        this.timestampOffsetSeconds = timestampOffsetSeconds;
    }

    /**
     * The interface index passed to {@code FrameHandler.onFrame}: 0 for pcap; for pcapng the
     * position of the IDB counted over all sections of the file, so that it stays unique when a
     * file has several sections (in the first section it is the pcapng interface id; tshark 4.0's
     * {@code frame.interface_id} restarts at 0 in each section).
     */
    public int index() {
        return index;
    }

    /** The pcapng {@code if_name} option; "pcap" for pcap files, "pcapng#N" for unnamed IDBs. */
    public String name() {
        return name;
    }

    /** The link type, or null when it is one the readers cannot turn into Ethernet. */
    public LinkType linkType() {
        return linkType;
    }

    /** The LINKTYPE_ number in the file, also when unsupported. */
    public int linkTypeCode() {
        return linkTypeCode;
    }

    /** The snap length in bytes; 0 means no limit (allowed in pcapng). */
    public int snapLength() {
        return snapLength;
    }

    /**
     * The timestamp resolution as units per second: 1_000_000 for microseconds (pcap, pcapng
     * default), 1_000_000_000 for nanoseconds, 2^n for a binary {@code if_tsresol}.
     */
    public long timestampUnitsPerSecond() {
        return timestampUnitsPerSecond;
    }

    /** The pcapng {@code if_tsoffset} in seconds added to every timestamp, 0 if absent. */
    public long timestampOffsetSeconds() {
        return timestampOffsetSeconds;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CaptureInterface)) {
            return false;
        }
        CaptureInterface other = (CaptureInterface) o;
        return index == other.index && linkTypeCode == other.linkTypeCode && snapLength == other.snapLength
                && timestampUnitsPerSecond == other.timestampUnitsPerSecond
                && timestampOffsetSeconds == other.timestampOffsetSeconds && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, name, linkTypeCode, snapLength, timestampUnitsPerSecond, timestampOffsetSeconds);
    }

    @Override
    public String toString() {
        return "CaptureInterface{" + index + " " + name + ", linktype " + linkTypeCode
                + (linkType == null ? " (unsupported)" : " (" + linkType + ")") + ", snaplen " + snapLength
                + ", " + timestampUnitsPerSecond + " units/s"
                + (timestampOffsetSeconds != 0 ? ", offset " + timestampOffsetSeconds + " s" : "") + "}";
    }
}
