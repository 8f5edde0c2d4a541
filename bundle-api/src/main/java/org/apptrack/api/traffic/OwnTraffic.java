package org.apptrack.api.traffic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The product's own traffic at one moment: the security-log streams' receivers, the listeners of
 * the container it runs in (SSH, HTTP, JMX) and the management endpoints the operator names.
 * Immutable; a change makes a new instance ({@link OwnTrafficEvent}).
 */
public final class OwnTraffic {

    /** No own traffic known. */
    public static final OwnTraffic NONE = new OwnTraffic(List.of());

    private final List<OwnTrafficRule> rules;

    private OwnTraffic(List<OwnTrafficRule> rules) {
        this.rules = rules;
    }

    /** The rules in the given order, duplicates left out. */
    public static OwnTraffic of(Collection<OwnTrafficRule> rules) {
        List<OwnTrafficRule> unique = new ArrayList<>();
        for (OwnTrafficRule r : rules) {
            if (!unique.contains(r)) {
                unique.add(r);
            }
        }
        return unique.isEmpty() ? NONE : new OwnTraffic(Collections.unmodifiableList(unique));
    }

    public List<OwnTrafficRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OwnTraffic && rules.equals(((OwnTraffic) o).rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return rules.toString();
    }
}
