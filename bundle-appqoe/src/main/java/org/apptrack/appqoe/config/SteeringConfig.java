package org.apptrack.appqoe.config;

import org.apptrack.appqoe.steer.ExistingSessions;
import java.util.Locale;
import java.util.Set;

/**
 * How decisions are applied ({@code steering.*}). For Linux, path n (1-based, in group and path
 * name order) gets routing table {@code tableBase + n}, firewall mark {@code markBase + n} and an
 * ip rule at {@code rulePriority}; the defaults stay clear of the local (0, table 255), main
 * (32766, table 254) and default (32767, table 253) rules and tables.
 */
public final class SteeringConfig {

    static final Set<String> FIELDS = Set.of("actuator", "existingSessions", "linux.tableBase", "linux.markBase",
            "linux.rulePriority");

    public static final int DEFAULT_TABLE_BASE = 2000;
    public static final int DEFAULT_MARK_BASE = 0x4151_0000;
    /** The low 16 bits of a mark number the path, so markBase must leave them zero. */
    public static final int MARK_PATH_BITS = 0xFFFF;
    public static final int DEFAULT_RULE_PRIORITY = 10000;
    /** The main table's rule; ours must come before it. */
    public static final int MAIN_RULE_PRIORITY = 32766;

    public static final SteeringConfig DEFAULTS = new SteeringConfig(ActuatorKind.NONE, ExistingSessions.STAY,
            DEFAULT_TABLE_BASE, DEFAULT_MARK_BASE, DEFAULT_RULE_PRIORITY);

    private final ActuatorKind actuator;
    private final ExistingSessions existingSessions;
    private final int linuxTableBase;
    private final int linuxMarkBase;
    private final int linuxRulePriority;

    SteeringConfig(ActuatorKind actuator, ExistingSessions existingSessions, int linuxTableBase, int linuxMarkBase,
                   int linuxRulePriority) {
        this.actuator = actuator;
        this.existingSessions = existingSessions;
        this.linuxTableBase = linuxTableBase;
        this.linuxMarkBase = linuxMarkBase;
        this.linuxRulePriority = linuxRulePriority;
    }

    /** @param pathCount all paths of all groups, to check that the tables and rules fit */
    static SteeringConfig parse(KeyedFields f, int pathCount) {
        f.allowOnly(FIELDS, Set.of());
        ActuatorKind actuator = ActuatorKind.valueOf(
                f.choice("actuator", "none", "none", "linux", "onos").toUpperCase(Locale.ROOT));
        ExistingSessions existing = ExistingSessions.valueOf(
                f.choice("existingSessions", "stay", "move", "stay").toUpperCase(Locale.ROOT));
        // tables 253-255 are default, main and local; 1-252 are left to the administrator
        int tableBase = f.integer("linux.tableBase", DEFAULT_TABLE_BASE, 256, Integer.MAX_VALUE - 65536);
        long markBase = f.number("linux.markBase", DEFAULT_MARK_BASE & 0xFFFF_FFFFL, 0x1_0000L, 0xFFFF_0000L);
        if ((markBase & MARK_PATH_BITS) != 0) {
            throw f.error("linux.markBase", "the low 16 bits number the paths and must be 0, was 0x"
                    + Long.toHexString(markBase));
        }
        int rulePriority = f.integer("linux.rulePriority", DEFAULT_RULE_PRIORITY, 1, MAIN_RULE_PRIORITY - 1);
        if (rulePriority + pathCount >= MAIN_RULE_PRIORITY) {
            throw f.error("linux.rulePriority", "with " + pathCount + " paths the rules would reach the main table's "
                    + MAIN_RULE_PRIORITY + ", was " + rulePriority);
        }
        return new SteeringConfig(actuator, existing, tableBase, (int) markBase, rulePriority);
    }

    public ActuatorKind actuator() {
        return actuator;
    }

    public ExistingSessions existingSessions() {
        return existingSessions;
    }

    public int linuxTableBase() {
        return linuxTableBase;
    }

    /** As an unsigned 32-bit value in an int (compare with Integer.toUnsignedLong). */
    public int linuxMarkBase() {
        return linuxMarkBase;
    }

    public int linuxRulePriority() {
        return linuxRulePriority;
    }

    @Override
    public String toString() {
        return "steering " + actuator.name().toLowerCase(Locale.ROOT) + ", existing sessions "
                + existingSessions.name().toLowerCase(Locale.ROOT) + ", linux table " + linuxTableBase + " mark 0x"
                + Integer.toHexString(linuxMarkBase) + " rule priority " + linuxRulePriority;
    }
}
