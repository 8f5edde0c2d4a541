/**
 * QUIC client hellos for application identification: the Initial packets of IETF QUIC (v1, v2,
 * drafts, mvfst) opened with the keys every observer can derive, their CRYPTO stream assembled in
 * the session's classification state and read with the TLS parser; Google QUIC's CHLO.
 *
 * <p>Entry point: {@link org.apptrack.apptrack.appid.quic.QuicInitialReader#read}, one per
 * classifier, a client datagram at a time, result in a reused
 * {@link org.apptrack.apptrack.appid.quic.QuicHello}, outcome a
 * {@link org.apptrack.apptrack.appid.quic.QuicStatus}.
 */
package org.apptrack.apptrack.appid.quic;
