/** Packet capture source for running outside ONOS: public API. */
package org.apptrack.capture.api;
