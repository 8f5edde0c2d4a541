/**
 * Library API for embedding the replay outside OSGi (the offline replay tool, the benchmarks):
 * {@link org.apptrack.capture.replay.OfflineReplay} runs capture files through ONOS's
 * {@code PacketService} as the capture bundle provides it, with the capture clock. Exported with
 * a version of its own, raised in its major part by a change that breaks callers; the packages
 * behind it stay private to the bundle.
 */
package org.apptrack.capture.replay;
