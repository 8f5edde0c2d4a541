/**
 * The time source of session timing: {@link org.apptrack.api.time.Clock}, provided by the packet
 * source outside ONOS (capture time during a replay) and consumed by AppTrack, which falls back to
 * the wall clock where no packet source provides one (inside ONOS).
 */
package org.apptrack.api.time;
