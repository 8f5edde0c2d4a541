/**
 * HTTP HEAD probes for SaaS destinations ({@code probe-type http head}): a kept-alive HTTP/1.1
 * connection per path, bound to the path's uplink address, whose HEAD round trips are the path's
 * RTT samples.
 */
package org.apptrack.appqoe.probe.http;
