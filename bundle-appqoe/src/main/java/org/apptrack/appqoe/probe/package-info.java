/**
 * Active probing of AppQoE paths: the result listener shared by the probe transports.
 */
package org.apptrack.appqoe.probe;
