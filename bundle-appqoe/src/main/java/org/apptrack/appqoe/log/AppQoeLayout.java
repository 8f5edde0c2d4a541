package org.apptrack.appqoe.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apptrack.syslog.api.LogRecord;

/**
 * One AppQoE message type's fields, declared once: their order (also the record's field names,
 * validated once) and the plain-text body an SRX writes. The body is the head text, then, for a
 * message with a head reason ({@code AppQoE Best path selected <reason>: }), the reason and a
 * colon, then the values in structured order separated by single spaces, the session written
 * {@code src/port->dst/port} as in the AppTrack bodies. A value is written verbatim (an empty one
 * leaves two spaces, keeping the positions of the following values). The body does not repeat
 * the logical system of an {@code _LS} record.
 */
public final class AppQoeLayout implements LogRecord.BodyRenderer {

    private static final List<AppQoeField> SESSION = List.of(AppQoeField.SOURCE_ADDRESS, AppQoeField.SOURCE_PORT,
            AppQoeField.DESTINATION_ADDRESS, AppQoeField.DESTINATION_PORT);

    private final AppQoeField[] fields;
    private final LogRecord.FieldNames names;
    private final String head;
    private final boolean reasonInHead;
    /** Index of the reason field written after the head (and not again), or -1. */
    private final int reasonIndex;
    private final boolean sessionFirst;
    private final int capacity;

    private AppQoeLayout(String head, boolean reasonInHead, AppQoeField[] fields, int capacity) {
        this.fields = fields;
        String[] wireNames = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            wireNames[i] = fields[i].wireName();
        }
        this.names = LogRecord.FieldNames.of(wireNames);
        this.head = head;
        this.reasonInHead = reasonInHead;
        this.reasonIndex = Arrays.asList(fields).indexOf(AppQoeField.REASON);
        this.sessionFirst = fields.length >= 4 && Arrays.asList(fields).subList(0, 4).equals(SESSION);
        this.capacity = capacity;
    }

    /**
     * A layout.
     *
     * @param head the body's first words ({@code ""} for none)
     * @param reasonInHead whether the head is followed by {@code <reason>: } (the reason is given
     *        when building, or is the record's {@code reason} field, then not repeated)
     */
    static AppQoeLayout of(String head, boolean reasonInHead, int capacity, AppQoeField... fields) {
        return new AppQoeLayout(head, reasonInHead, fields.clone(), capacity);
    }

    /** The fields, in order. */
    public List<AppQoeField> fields() {
        return List.of(fields);
    }

    /** The names every record of this layout carries. */
    public LogRecord.FieldNames names() {
        return names;
    }

    /** Whether the body names a reason after its head. */
    public boolean hasReasonInHead() {
        return reasonInHead;
    }

    /**
     * A record of this layout with the values of {@code v}.
     *
     * @param headReason the reason written after the head when it is not one of the fields
     *        ({@code null} is written {@code N/A}); ignored otherwise
     */
    LogRecord build(String tag, AppQoeFieldValues v, long timeMillis, String logicalSystem, String headReason) {
        LogRecord.Builder b = LogRecord.builder(tag, names).time(timeMillis);
        if (reasonInHead && reasonIndex < 0) {
            String reason = headReason == null ? AppQoeField.NOT_APPLICABLE : headReason;
            b.lazyBody(r -> render(r, reason));
        } else {
            b.lazyBody(this);
        }
        if (logicalSystem != null && !LogRecord.ROOT_LOGICAL_SYSTEM.equals(logicalSystem)) {
            b.logicalSystem(logicalSystem);
        }
        for (AppQoeField f : fields) {
            if (!v.isSet(f)) {
                String absent = f.absentText();
                if (absent == null) {
                    b.field(f.wireName(), 0L);
                } else {
                    b.field(f.wireName(), absent);
                }
            } else if (f.isNumeric()) {
                b.field(f.wireName(), v.number(f));
            } else {
                b.field(f.wireName(), v.text(f));
            }
        }
        return b.build();
    }

    @Override
    public String render(LogRecord r) {
        return render(r, null);
    }

    private String render(LogRecord r, String givenReason) {
        // An _LS record has logical-system-name first; the body leaves it out.
        int first = r.fieldCount() - fields.length;
        StringBuilder body = new StringBuilder(capacity).append(head);
        if (reasonInHead) {
            String reason = givenReason != null ? givenReason
                    : reasonIndex >= 0 ? r.value(first + reasonIndex) : AppQoeField.NOT_APPLICABLE;
            body.append(reason).append(": ");
        }
        int i = 0;
        if (sessionFirst) {
            append(body, r, first).append('/');
            append(body, r, first + 1).append("->");
            append(body, r, first + 2).append('/');
            append(body, r, first + 3);
            i = 4;
        }
        boolean separate = sessionFirst;
        for (; i < fields.length; i++) {
            if (reasonInHead && i == reasonIndex) {
                continue;
            }
            if (separate) {
                body.append(' ');
            }
            append(body, r, first + i);
            separate = true;
        }
        return body.toString();
    }

    private static StringBuilder append(StringBuilder body, LogRecord r, int index) {
        return r.isNumber(index) ? body.append(r.number(index)) : body.append(r.value(index));
    }

    /** The wire names, in order (tests, documentation). */
    List<String> wireNames() {
        List<String> out = new ArrayList<>(fields.length);
        for (AppQoeField f : fields) {
            out.add(f.wireName());
        }
        return out;
    }
}
