package io.agnt2.channel.adapter;

import io.agnt2.channel.node.TlsSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The adapter's TLS properties: three PEM files (this node's certificate chain, its PKCS#8 private key,
 * the certificates it trusts peers by), all given or none. None means plaintext peer links, for
 * loopback development; half a configuration is refused, so a typo never silently falls back to
 * plaintext.
 */
final class AdapterTls {

    private AdapterTls() {
    }

    /**
     * @throws IllegalArgumentException if only some files are named, or a named file cannot be read
     */
    static Optional<TlsSettings> from(String certificateChain, String privateKey, String trustedCertificates) {
        List<String> given = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        sort("tlsCertificateChain", certificateChain, given, missing);
        sort("tlsPrivateKey", privateKey, given, missing);
        sort("tlsTrustedCertificates", trustedCertificates, given, missing);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("TLS needs all three of tlsCertificateChain, tlsPrivateKey and "
                    + "tlsTrustedCertificates; " + given + " given, " + missing + " missing");
        }
        return Optional.of(new TlsSettings(readable(certificateChain), readable(privateKey), readable(trustedCertificates)));
    }

    private static void sort(String name, String value, List<String> given, List<String> missing) {
        (value == null || value.isBlank() ? missing : given).add(name);
    }

    private static Path readable(String file) {
        Path path = Path.of(file.strip());
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("TLS file " + path + " does not exist or cannot be read");
        }
        return path;
    }
}
