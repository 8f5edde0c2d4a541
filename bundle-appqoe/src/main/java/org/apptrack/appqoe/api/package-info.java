/**
 * AppQoE's public API: {@link org.apptrack.appqoe.api.AppQoeService} and the snapshots it returns
 * for the console and REST (paths with their metrics and SLA state, applications with their active
 * path, probes, path switches).
 */
package org.apptrack.appqoe.api;
