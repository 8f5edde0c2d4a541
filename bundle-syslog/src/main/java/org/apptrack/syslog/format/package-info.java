/**
 * The SRX log formats (sd-syslog, structured-syslog, syslog): {@link
 * org.apptrack.syslog.format.SyslogFormatter} turns a {@link org.apptrack.syslog.api.LogRecord} into
 * the bytes of one message as configured by {@link org.apptrack.syslog.format.FormatSettings}.
 *
 * <p>Library API for embedding the formatter outside OSGi (the offline replay tool, the
 * benchmarks): exported with a version of its own, raised in its major part by a change that
 * breaks callers. Inside the bundle the streams' transports use it the same way.
 */
package org.apptrack.syslog.format;
