/**
 * STAMP (RFC 8762, unauthenticated mode, TWAMP-Light compatible) over UDP: packet flyweights,
 * NTP timestamps, the Session-Sender that probes a path and the stateless Session-Reflector.
 */
package org.apptrack.appqoe.probe.stamp;
