package io.agnt2.protocol.crypto;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Picks the implementation once, on first use (lazy holder), and says which in the log. */
final class Secp256k1Selection {

    static final String PROPERTY = "agnt2.secp256k1";

    private static final Logger LOG = Logger.getLogger(Secp256k1.class.getName());

    static final Secp256k1 INSTANCE = select();

    private Secp256k1Selection() {
    }

    private static Secp256k1 select() {
        if ("bouncycastle".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            LOG.info("secp256k1: BouncyCastle (pure Java), forced by -D" + PROPERTY + "=bouncycastle");
            return new BouncyCastleSecp256k1();
        }
        try {
            Secp256k1 nativeImpl = new NativeSecp256k1();
            LOG.info("secp256k1: native libsecp256k1 (fr.acinq JNI)");
            return nativeImpl;
        } catch (Throwable unavailable) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
            LOG.log(Level.WARNING, "secp256k1: native libsecp256k1 did not load (" + unavailable
                    + "); falling back to BouncyCastle, about ten times slower");
            return new BouncyCastleSecp256k1();
        }
    }
}
