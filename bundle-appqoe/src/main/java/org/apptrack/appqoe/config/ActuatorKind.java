package org.apptrack.appqoe.config;

/** What carries out path decisions: nothing (measure and log only), Linux policy routing, or ONOS flow objectives. */
public enum ActuatorKind {
    NONE,
    LINUX,
    ONOS
}
