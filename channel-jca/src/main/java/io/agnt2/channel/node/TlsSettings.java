package io.agnt2.channel.node;

import io.netty.handler.ssl.util.SelfSignedCertificate;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.Objects;

/**
 * TLS for the peer links, both ways: this node presents {@code certificateChain}/{@code privateKey} (PEM)
 * and accepts a peer, whether it connects or is connected to, only if its certificate chains to one of
 * {@code trustedCertificates} (PEM, one or more). Host names are not checked: a peer is whoever holds a
 * trusted certificate, wherever its counterparty says it listens. The channel states themselves are
 * authenticated by their signatures; TLS keeps the traffic private and strangers out.
 */
public record TlsSettings(Path certificateChain, Path privateKey, Path trustedCertificates) {

    public TlsSettings {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(trustedCertificates, "trustedCertificates");
    }

    /**
     * For tests and development: a fresh self-signed certificate for "localhost" (PEM files in the
     * temporary directory) that trusts itself, so nodes given the same settings accept each other.
     */
    public static TlsSettings selfSigned() {
        try {
            SelfSignedCertificate certificate = new SelfSignedCertificate("localhost");
            Path cert = certificate.certificate().toPath();
            return new TlsSettings(cert, certificate.privateKey().toPath(), cert);
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate: " + e.getMessage(), e);
        }
    }
}
