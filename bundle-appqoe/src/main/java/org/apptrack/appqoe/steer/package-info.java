/**
 * AppQoE steering: the {@link org.apptrack.appqoe.steer.SteeringActuator} that sends an
 * application's sessions along the path the selection chose, the values it works on
 * ({@link org.apptrack.appqoe.steer.SteeringPath}, {@link org.apptrack.appqoe.steer.SteeredSession})
 * and {@link org.apptrack.appqoe.steer.NoSteering} for measuring only. The real actuators live in
 * {@code steer.onos} (ONOS flow objectives) and {@code steer.linux} (nftables + policy routing).
 */
package org.apptrack.appqoe.steer;
