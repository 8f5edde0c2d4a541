/**
 * AppQoE path selection per destination group and rule: paths with link tag, priority and
 * weight, ranked by SLA, link affinity and priority, with decisions held for switch-idle-time.
 * Pure computation, time passed in as nanoseconds.
 */
package org.apptrack.appqoe.select;
