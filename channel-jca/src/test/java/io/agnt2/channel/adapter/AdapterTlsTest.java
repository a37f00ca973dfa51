package io.agnt2.channel.adapter;

import io.agnt2.channel.node.TlsSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The adapter's three TLS properties: all or none, and every named file readable. */
class AdapterTlsTest {

    private final TlsSettings files = TlsSettings.selfSigned();
    private final String cert = files.certificateChain().toString();
    private final String key = files.privateKey().toString();

    @Test
    void noneMeansPlaintext() {
        assertTrue(AdapterTls.from("", " ", null).isEmpty());
    }

    @Test
    void allThreeGiveTheSettings() {
        TlsSettings tls = AdapterTls.from(cert, key, cert).orElseThrow();
        assertEquals(Path.of(cert), tls.certificateChain());
        assertEquals(Path.of(key), tls.privateKey());
        assertEquals(Path.of(cert), tls.trustedCertificates());
    }

    @Test
    void halfAConfigurationIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AdapterTls.from(cert, "", cert));
        assertTrue(refused.getMessage().contains("[tlsPrivateKey] missing"), refused.getMessage());
    }

    @Test
    void aFileThatIsNotThereIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AdapterTls.from(cert, key, "/no/such/trust.pem"));
        assertTrue(refused.getMessage().contains("/no/such/trust.pem"), refused.getMessage());
    }
}
