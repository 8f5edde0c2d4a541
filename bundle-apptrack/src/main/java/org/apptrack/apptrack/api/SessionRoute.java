package org.apptrack.apptrack.api;

import java.util.Objects;

/**
 * The route that application-based routing (APBR, AppQoE) gives a session: which profile and rule
 * chose it, the routing instance and the interfaces it leaves and comes back by. The values the
 * session's logs carry from then on ({@code profile-name}, {@code rule-name},
 * {@code routing-instance}, {@code destination-interface-name}, {@code dscp-value},
 * {@code apbr-rule-type}, and on close {@code uplink-incoming-interface-name}). Immutable; a text
 * that does not apply is the empty string (logged {@code N/A}).
 */
public final class SessionRoute {

    /** {@link #dscp()} when the rule sets none. */
    public static final int NO_DSCP = -1;

    private final String profileName;
    private final String ruleName;
    private final String routingInstance;
    private final String destinationInterface;
    private final String apbrPolicyName;
    private final int dscp;
    private final String apbrRuleType;
    private final String uplinkIncomingInterface;

    private SessionRoute(Builder b) {
        this.profileName = b.profileName;
        this.ruleName = b.ruleName;
        this.routingInstance = b.routingInstance;
        this.destinationInterface = b.destinationInterface;
        this.apbrPolicyName = b.apbrPolicyName;
        this.dscp = b.dscp;
        this.apbrRuleType = b.apbrRuleType;
        this.uplinkIncomingInterface = b.uplinkIncomingInterface;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The APBR profile ({@code profile-name}). */
    public String profileName() {
        return profileName;
    }

    /** The APBR rule ({@code rule-name}). */
    public String ruleName() {
        return ruleName;
    }

    /** The routing instance the session is routed in ({@code routing-instance}). */
    public String routingInstance() {
        return routingInstance;
    }

    /** The interface the session leaves by ({@code destination-interface-name}). */
    public String destinationInterface() {
        return destinationInterface;
    }

    /** The AppQoE SLA rule ({@code apbr-policy-name}). */
    public String apbrPolicyName() {
        return apbrPolicyName;
    }

    /** The DSCP value the rule matched or marks, 0..63, or {@link #NO_DSCP}. */
    public int dscp() {
        return dscp;
    }

    /** How the rule matched ({@code apbr-rule-type}: application, dscp, application-dscp, default). */
    public String apbrRuleType() {
        return apbrRuleType;
    }

    /** The uplink interface the return traffic comes in by ({@code uplink-incoming-interface-name}). */
    public String uplinkIncomingInterface() {
        return uplinkIncomingInterface;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SessionRoute)) {
            return false;
        }
        SessionRoute r = (SessionRoute) o;
        return dscp == r.dscp && profileName.equals(r.profileName) && ruleName.equals(r.ruleName)
                && routingInstance.equals(r.routingInstance) && destinationInterface.equals(r.destinationInterface)
                && apbrPolicyName.equals(r.apbrPolicyName) && apbrRuleType.equals(r.apbrRuleType)
                && uplinkIncomingInterface.equals(r.uplinkIncomingInterface);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profileName, ruleName, routingInstance, destinationInterface, apbrPolicyName, dscp,
                apbrRuleType, uplinkIncomingInterface);
    }

    @Override
    public String toString() {
        return "SessionRoute[profile=" + profileName + ", rule=" + ruleName + ", routingInstance=" + routingInstance
                + ", destinationInterface=" + destinationInterface + ", apbrPolicy=" + apbrPolicyName + ", dscp="
                + dscp + ", ruleType=" + apbrRuleType + ", uplinkIncomingInterface=" + uplinkIncomingInterface + "]";
    }

    /** Collects the values; a text not given is empty, the DSCP {@link #NO_DSCP}. */
    public static final class Builder {
        private String profileName = "";
        private String ruleName = "";
        private String routingInstance = "";
        private String destinationInterface = "";
        private String apbrPolicyName = "";
        private int dscp = NO_DSCP;
        private String apbrRuleType = "";
        private String uplinkIncomingInterface = "";

        private Builder() {
        }

        public Builder profileName(String value) {
            profileName = text(value, "profileName");
            return this;
        }

        public Builder ruleName(String value) {
            ruleName = text(value, "ruleName");
            return this;
        }

        public Builder routingInstance(String value) {
            routingInstance = text(value, "routingInstance");
            return this;
        }

        public Builder destinationInterface(String value) {
            destinationInterface = text(value, "destinationInterface");
            return this;
        }

        public Builder apbrPolicyName(String value) {
            apbrPolicyName = text(value, "apbrPolicyName");
            return this;
        }

        /** @param value 0..63, or {@link #NO_DSCP} */
        public Builder dscp(int value) {
            if (value != NO_DSCP && (value < 0 || value > 63)) {
                throw new IllegalArgumentException("dscp must be 0..63 or -1 (none): " + value);
            }
            dscp = value;
            return this;
        }

        public Builder apbrRuleType(String value) {
            apbrRuleType = text(value, "apbrRuleType");
            return this;
        }

        public Builder uplinkIncomingInterface(String value) {
            uplinkIncomingInterface = text(value, "uplinkIncomingInterface");
            return this;
        }

        public SessionRoute build() {
            return new SessionRoute(this);
        }

        /** Log values go on one line: no control characters (they would forge a line). */
        private static String text(String value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + " must not be null (use \"\" for none)");
            }
            for (int i = 0; i < value.length(); i++) {
                if (Character.isISOControl(value.charAt(i))) {
                    throw new IllegalArgumentException(field + " contains a control character");
                }
            }
            return value;
        }
    }
}
