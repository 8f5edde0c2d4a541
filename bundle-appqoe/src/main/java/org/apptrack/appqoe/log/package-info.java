/**
 * The AppQoE log messages (APPQOE_*), byte-compatible with an SRX: {@link
 * org.apptrack.appqoe.log.AppQoeMessage} declares each message's fields and plain-text body,
 * {@link org.apptrack.appqoe.log.AppQoeLogRecords} builds the records from plain values.
 */
package org.apptrack.appqoe.log;
