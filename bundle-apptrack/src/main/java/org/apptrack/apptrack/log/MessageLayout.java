package org.apptrack.apptrack.log;

import java.util.ArrayList;
import java.util.List;
import org.apptrack.syslog.api.LogRecord;

/**
 * One message type's fields, declared once: their order (which is also the record's field
 * names, validated once) and the plain-text body an SRX writes, the head and then each value
 * after its separator. Most separators are a space; the prefix writes {@code src/port->dst/port}
 * and the counters {@code packets(bytes)}. A value is written verbatim, so the empty
 * {@code uplink-incoming-interface-name} of a close leaves two spaces, keeping the positions of
 * the following values. The body does not repeat the logical system of an {@code _LS} record.
 *
 * <p>The body is rendered from the record's own values only when a format asks for it
 * ({@code structured-syslog}, {@code syslog}); {@code sd-syslog} never does.
 */
public final class MessageLayout implements LogRecord.BodyRenderer {

    private final AppTrackField[] fields;
    private final String[] separators;
    private final LogRecord.FieldNames names;
    private final String head;
    private final int capacity;

    private MessageLayout(String head, List<AppTrackField> fields, List<String> separators, int capacity) {
        this.fields = fields.toArray(new AppTrackField[0]);
        this.separators = separators.toArray(new String[0]);
        String[] wireNames = new String[this.fields.length];
        for (int i = 0; i < wireNames.length; i++) {
            wireNames[i] = this.fields[i].wireName();
        }
        this.names = LogRecord.FieldNames.of(wireNames);
        this.head = head;
        this.capacity = capacity;
    }

    /** The fields, in order. */
    public List<AppTrackField> fields() {
        return List.of(fields);
    }

    /** The names every record of this layout carries (the builder's fast path). */
    public LogRecord.FieldNames names() {
        return names;
    }

    /** A record of this layout with the values of {@code v}. */
    LogRecord build(String tag, FieldValues v, long timeMillis, String logicalSystem) {
        LogRecord.Builder b = LogRecord.builder(tag, names).time(timeMillis).lazyBody(this);
        if (logicalSystem != null && !LogRecord.ROOT_LOGICAL_SYSTEM.equals(logicalSystem)) {
            b.logicalSystem(logicalSystem);
        }
        for (AppTrackField f : fields) {
            if (f.isNumeric()) {
                b.field(f.wireName(), v.number(f));
            } else {
                String text = v.text(f);
                b.field(f.wireName(), text == null ? f.absent() : text);
            }
        }
        return b.build();
    }

    @Override
    public String render(LogRecord r) {
        // An _LS record has logical-system-name first; the body leaves it out.
        int first = r.fieldCount() - separators.length;
        StringBuilder body = new StringBuilder(capacity).append(head);
        for (int i = 0; i < separators.length; i++) {
            body.append(separators[i]);
            if (r.isNumber(first + i)) {
                body.append(r.number(first + i));
            } else {
                body.append(r.value(first + i));
            }
        }
        return body.toString();
    }

    static Builder builder(String head, int capacity) {
        return new Builder(head, capacity);
    }

    /** Declares a layout: the groups P, C and U of {@code srx-log-format.md}, then single fields. */
    static final class Builder {
        private final String head;
        private final int capacity;
        private final List<AppTrackField> fields = new ArrayList<>();
        private final List<String> separators = new ArrayList<>();

        private Builder(String head, int capacity) {
            this.head = head;
            this.capacity = capacity;
        }

        Builder field(String separator, AppTrackField field) {
            separators.add(separator);
            fields.add(field);
            return this;
        }

        /** P, {@code firstSeparator} before the source address. */
        Builder prefix(String firstSeparator) {
            return field(firstSeparator, AppTrackField.SOURCE_ADDRESS).field("/", AppTrackField.SOURCE_PORT)
                    .field("->", AppTrackField.DESTINATION_ADDRESS).field("/", AppTrackField.DESTINATION_PORT)
                    .then(AppTrackField.SERVICE_NAME, AppTrackField.APPLICATION, AppTrackField.NESTED_APPLICATION,
                            AppTrackField.NAT_SOURCE_ADDRESS)
                    .field("/", AppTrackField.NAT_SOURCE_PORT).field("->", AppTrackField.NAT_DESTINATION_ADDRESS)
                    .field("/", AppTrackField.NAT_DESTINATION_PORT)
                    .then(AppTrackField.SRC_NAT_RULE_NAME, AppTrackField.DST_NAT_RULE_NAME, AppTrackField.PROTOCOL_ID,
                            AppTrackField.POLICY_NAME, AppTrackField.SOURCE_ZONE_NAME,
                            AppTrackField.DESTINATION_ZONE_NAME, AppTrackField.SESSION_ID_32);
        }

        /** C as {@code packets(bytes) packets(bytes) elapsed}. */
        Builder counters() {
            return field(" ", AppTrackField.PACKETS_FROM_CLIENT).field("(", AppTrackField.BYTES_FROM_CLIENT)
                    .field(") ", AppTrackField.PACKETS_FROM_SERVER).field("(", AppTrackField.BYTES_FROM_SERVER)
                    .field(") ", AppTrackField.ELAPSED_TIME);
        }

        /** U. */
        Builder user() {
            return then(AppTrackField.USERNAME, AppTrackField.ROLES, AppTrackField.ENCRYPTED);
        }

        /** Fields each after a space. */
        Builder then(AppTrackField... more) {
            for (AppTrackField f : more) {
                field(" ", f);
            }
            return this;
        }

        MessageLayout build() {
            return new MessageLayout(head, fields, separators, capacity);
        }
    }
}
