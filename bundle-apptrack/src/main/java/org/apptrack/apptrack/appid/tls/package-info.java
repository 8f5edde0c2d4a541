/**
 * TLS and DTLS hellos for application identification, read in place from a session's first
 * bytes: what a dissector needs to name a TLS session (server name, ALPN, versions, ECH; the
 * server's choice and its certificate's names where TLS 1.2 shows them).
 *
 * <p>Entry points, each allocation-free and exception-free on any input, results in reused
 * flyweights ({@link org.apptrack.apptrack.appid.tls.ClientHelloInfo},
 * {@link org.apptrack.apptrack.appid.tls.ServerHelloInfo}), outcome a
 * {@link org.apptrack.apptrack.appid.tls.TlsStatus}:
 * <ul>
 *   <li>{@link org.apptrack.apptrack.appid.tls.TlsStreamReassembler}: one direction of a TCP
 *       session, segment by segment, in place when it can, reassembled in the session's
 *       classification state when the hello spans segments or records;</li>
 *   <li>{@link org.apptrack.apptrack.appid.tls.ClientHelloParser} and
 *       {@link org.apptrack.apptrack.appid.tls.ServerFlightParser}: handshake-layer bytes already
 *       whole (QUIC's CRYPTO stream uses the first);</li>
 *   <li>{@link org.apptrack.apptrack.appid.tls.DtlsClientHelloReader}: one UDP datagram.</li>
 * </ul>
 */
package org.apptrack.apptrack.appid.tls;
