package org.apptrack.syslog.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.apptrack.syslog.settings.LogStreamSettings.TlsSettings;

/** Client TLS for RFC 5425: the configured CA trust, an optional client certificate. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SslContext clientContext(TlsSettings tls) throws GeneralSecurityException, SSLException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(tls.trustStore());
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2")
                .trustManager(trust);
        if (tls.keyStore() != null) {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(tls.keyStore(), tls.keyPassword());
            builder.keyManager(keys);
        }
        return builder.build();
    }

    /** A handler for one connection; checks the receiver's name against its certificate if asked. */
    static SslHandler newHandler(SslContext context, ByteBufAllocator alloc, String host, int port,
                                 boolean verifyHostname) {
        SslHandler handler = context.newHandler(alloc, host, port);
        SSLEngine engine = handler.engine();
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm(verifyHostname ? "HTTPS" : null);
        engine.setSSLParameters(params);
        return handler;
    }
}
