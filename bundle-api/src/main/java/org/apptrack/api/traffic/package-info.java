/**
 * The product's own traffic (log export, management) as rules that packet sources and AppTrack
 * leave out: {@link org.apptrack.api.traffic.OwnTrafficService}.
 */
package org.apptrack.api.traffic;
