package org.apptrack.appqoe.steer.linux;

import org.apptrack.appqoe.steer.ExistingSessions;
import java.time.Duration;
import java.util.regex.Pattern;

import org.apptrack.appqoe.steer.SteeringPath;

/**
 * Numbers and names {@link LinuxPolicyRouting} owns: the nftables table, the packet/conntrack mark
 * range (mark base + path index), the routing tables (table base + path index), the priority of
 * its ip rules, what happens to existing connections on a move, and the timeout after which a
 * session's map element disappears should its release never come (a safety net; the connection
 * itself stays on its path through its conntrack mark).
 */
public final class LinuxSteeringSettings {

    private static final Pattern NFT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
    /** Routing tables 253..255 are default, main and local; 0 is unspecified. */
    private static final long FIRST_RESERVED_TABLE = 253;
    private static final long LAST_RESERVED_TABLE = 255;

    private final String nftTable;
    private final long markBase;
    private final long tableBase;
    private final int rulePriority;
    private final ExistingSessions existingSessions;
    private final Duration elementTimeout;

    private LinuxSteeringSettings(String nftTable, long markBase, long tableBase, int rulePriority,
            ExistingSessions existingSessions, Duration elementTimeout) {
        if (nftTable == null || !NFT_NAME.matcher(nftTable).matches()) {
            throw new IllegalArgumentException("nft-table must be a letter followed by up to 31 letters, digits or _,"
                    + " was " + nftTable);
        }
        if (markBase < 1 || markBase + SteeringPath.MAX_INDEX > 0xffff_ffffL) {
            throw new IllegalArgumentException("mark-base must be 1.." + (0xffff_ffffL - SteeringPath.MAX_INDEX)
                    + ", was " + markBase);
        }
        if (tableBase < 1 || tableBase + SteeringPath.MAX_INDEX > 0x7fff_ffffL
                || (tableBase <= LAST_RESERVED_TABLE && tableBase + SteeringPath.MAX_INDEX >= FIRST_RESERVED_TABLE)) {
            throw new IllegalArgumentException("table-base must leave tableBase.." + "tableBase+" + SteeringPath.MAX_INDEX
                    + " clear of the tables default, main and local (253-255) and below 2^31, was " + tableBase);
        }
        if (rulePriority < 1 || rulePriority >= 32766) {
            throw new IllegalArgumentException("rule-priority must be 1..32765 (before the main table's rule),"
                    + " was " + rulePriority);
        }
        if (existingSessions == null) {
            throw new IllegalArgumentException("existing-sessions must be move or stay");
        }
        if (elementTimeout == null || elementTimeout.getSeconds() < 1) {
            throw new IllegalArgumentException("element-timeout must be at least 1 second, was " + elementTimeout);
        }
        this.nftTable = nftTable;
        this.markBase = markBase;
        this.tableBase = tableBase;
        this.rulePriority = rulePriority;
        this.existingSessions = existingSessions;
        this.elementTimeout = elementTimeout;
    }

    /**
     * Table {@code inet apptrack_appqoe}, marks 0x41540000 + index, routing tables 4154 + index,
     * ip rules at priority 4154, existing sessions move, elements expire after 24 hours.
     */
    public static LinuxSteeringSettings defaults() {
        return new LinuxSteeringSettings("apptrack_appqoe", 0x4154_0000L, 4154, 4154, ExistingSessions.MOVE,
                Duration.ofHours(24));
    }

    public LinuxSteeringSettings nftTable(String name) {
        return new LinuxSteeringSettings(name, markBase, tableBase, rulePriority, existingSessions, elementTimeout);
    }

    public LinuxSteeringSettings markBase(long base) {
        return new LinuxSteeringSettings(nftTable, base, tableBase, rulePriority, existingSessions, elementTimeout);
    }

    public LinuxSteeringSettings tableBase(long base) {
        return new LinuxSteeringSettings(nftTable, markBase, base, rulePriority, existingSessions, elementTimeout);
    }

    public LinuxSteeringSettings rulePriority(int priority) {
        return new LinuxSteeringSettings(nftTable, markBase, tableBase, priority, existingSessions, elementTimeout);
    }

    public LinuxSteeringSettings existingSessions(ExistingSessions policy) {
        return new LinuxSteeringSettings(nftTable, markBase, tableBase, rulePriority, policy, elementTimeout);
    }

    public LinuxSteeringSettings elementTimeout(Duration timeout) {
        return new LinuxSteeringSettings(nftTable, markBase, tableBase, rulePriority, existingSessions, timeout);
    }

    public String nftTable() {
        return nftTable;
    }

    public long markBase() {
        return markBase;
    }

    public long tableBase() {
        return tableBase;
    }

    public int rulePriority() {
        return rulePriority;
    }

    public ExistingSessions existingSessions() {
        return existingSessions;
    }

    public Duration elementTimeout() {
        return elementTimeout;
    }

    /** The mark of the path with this index. */
    public long mark(int pathIndex) {
        return markBase + pathIndex;
    }

    /** The routing table of the path with this index. */
    public long table(int pathIndex) {
        return tableBase + pathIndex;
    }

    @Override
    public String toString() {
        return "nft table inet " + nftTable + ", marks 0x" + Long.toHexString(markBase) + "+index, tables " + tableBase
                + "+index, rule priority " + rulePriority + ", existing sessions "
                + existingSessions.name().toLowerCase(java.util.Locale.ROOT) + ", element timeout "
                + elementTimeout.getSeconds() + " s";
    }
}
