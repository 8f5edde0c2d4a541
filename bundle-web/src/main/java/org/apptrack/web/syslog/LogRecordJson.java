package org.apptrack.web.syslog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.web.json.Json;

/**
 * JSON form of a security-log record: its header and every field, as {@code [name, value]} pairs
 * in the record's (Junos) order, values as text as the streams write them.
 */
final class LogRecordJson {

    private LogRecordJson() {
    }

    static ObjectNode encode(LogRecord r) {
        ObjectNode n = Json.object();
        n.put("timeMillis", r.timeMillis());
        n.put("tag", r.tag());
        n.put("wireTag", r.wireTag());
        n.put("appName", r.appName());
        n.put("severity", r.severity());
        // Null for the root logical system, whether the producer named it or not: as on the wire.
        n.put("logicalSystem", r.isLogicalSystemRecord() ? r.logicalSystem() : null);
        ArrayNode fields = n.putArray("fields");
        for (int i = 0; i < r.fieldCount(); i++) {
            fields.addArray().add(r.name(i)).add(r.value(i));
        }
        n.put("body", r.body());
        return n;
    }
}
