package io.agnt2.channel.node;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import javax.net.ssl.SSLException;

/** Netty TLS contexts from {@link TlsSettings}: mutual authentication, TLS 1.3 only. */
final class TlsContexts {

    private static final String TLS13 = "TLSv1.3";

    private TlsContexts() {
    }

    static SslContext server(TlsSettings tls) throws SSLException {
        return tls == null ? null : SslContextBuilder
                .forServer(tls.certificateChain().toFile(), tls.privateKey().toFile())
                .trustManager(tls.trustedCertificates().toFile())
                .clientAuth(ClientAuth.REQUIRE)
                .protocols(TLS13)
                .build();
    }

    static SslContext client(TlsSettings tls) throws SSLException {
        return tls == null ? null : SslContextBuilder.forClient()
                .keyManager(tls.certificateChain().toFile(), tls.privateKey().toFile())
                .trustManager(tls.trustedCertificates().toFile())
                .endpointIdentificationAlgorithm(null) // peers are trusted by certificate, see TlsSettings
                .protocols(TLS13)
                .build();
    }
}
