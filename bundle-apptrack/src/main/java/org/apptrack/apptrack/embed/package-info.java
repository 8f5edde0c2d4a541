/**
 * Library API for embedding AppTrack outside OSGi (the offline replay tool):
 * {@link org.apptrack.apptrack.embed.EmbeddedAppTrack} is the pipeline the ONOS component runs,
 * configured from the component's properties, fed through an ONOS {@code PacketProcessor}, its
 * closed sessions also handed to a listener as {@code SessionInfo} (for measuring tools).
 * Exported with a version of its own, raised in its major part by a change that breaks callers;
 * the packages behind it stay private to the bundle.
 */
package org.apptrack.apptrack.embed;
