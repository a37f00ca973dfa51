package io.agnt2.protocol.crypto;

import io.agnt2.protocol.agent.AgentKey;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Signing without v, verifying against a known key, and the one conversion back to Ethereum's r||s||v. */
class CompactSignatureTest {

    private final Secp256k1 nativeImpl = new NativeSecp256k1();
    private final Secp256k1 bouncyCastle = new BouncyCastleSecp256k1();
    private final List<Secp256k1> both = List.of(nativeImpl, bouncyCastle);

    @Test
    void compactSigningGivesTheRAndSOfTheEthereumSignatureAndOfWeb3j() {
        Random random = new Random(15);
        for (int i = 0; i < 20; i++) {
            AgentKey key = AgentKey.generate();
            PrivateKey privateKey = PrivateKey.fromHex(key.privateKeyHex());
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            Signature ethereum = nativeImpl.sign(digest, privateKey);
            Sign.SignatureData web3j = Sign.signMessage(digest,
                    ECKeyPair.create(new BigInteger(1, privateKey.bytes())), false);
            for (Secp256k1 impl : both) {
                CompactSignature compact = impl.signCompact(digest, privateKey);
                assertEquals(ethereum.withoutRecoveryId(), compact, impl.name() + " case " + i);
                assertEquals(new BigInteger(1, web3j.getR()), compact.r());
                assertEquals(new BigInteger(1, web3j.getS()), compact.s());
            }
        }
    }

    @Test
    void verifyAcceptsTheSignerOnlyOverItsDigest() {
        AgentKey key = AgentKey.generate();
        byte[] digest = new byte[32];
        digest[7] = 7;
        CompactSignature signature = key.signCompact(digest);
        byte[] otherDigest = digest.clone();
        otherDigest[31] ^= 1;
        for (Secp256k1 impl : both) {
            assertTrue(impl.verify(digest, signature, key.publicKey()), impl.name());
            assertFalse(impl.verify(digest, signature, AgentKey.generate().publicKey()), impl.name() + ": another key");
            assertFalse(impl.verify(otherDigest, signature, key.publicKey()), impl.name() + ": another digest");
            byte[] otherR = signature.bytes();
            otherR[5] ^= 1;
            assertFalse(impl.verify(digest, CompactSignature.of(otherR), key.publicKey()), impl.name() + ": another r");
        }
    }

    @Test
    void verifyRefusesAKeyThatIsNotOnTheCurve() {
        AgentKey key = AgentKey.generate();
        byte[] digest = new byte[32];
        CompactSignature signature = key.signCompact(digest);
        byte[] xy = key.publicKey().bytes();
        xy[63] ^= 1;
        PublicKey offCurve = PublicKey.ofUncompressed(xy);
        for (Secp256k1 impl : both) {
            assertFalse(impl.verify(digest, signature, offCurve), impl.name());
        }
    }

    @Test
    void withRecoveryIdFindsTheVThatEcrecoverNeeds() {
        Random random = new Random(16);
        for (int i = 0; i < 20; i++) {
            AgentKey key = AgentKey.generate();
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            Signature ethereum = key.sign(digest);
            for (Secp256k1 impl : both) {
                Signature found = impl.withRecoveryId(digest, key.signCompact(digest), key.publicKey()::equals);
                assertEquals(ethereum, found, impl.name() + " case " + i);
                assertEquals(key.publicKey(), impl.recover(digest, found));
            }
        }
    }

    @Test
    void withRecoveryIdRefusesASignatureOfAnotherSigner() {
        AgentKey key = AgentKey.generate();
        AgentKey other = AgentKey.generate();
        byte[] digest = new byte[32];
        CompactSignature signature = key.signCompact(digest);
        for (Secp256k1 impl : both) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> impl.withRecoveryId(digest, signature, other.publicKey()::equals));
            assertTrue(e.getMessage().contains("expected signer"), e.getMessage());
        }
    }

    @Test
    void onlyCanonicalCompactSignaturesExist() {
        byte[] digest = new byte[32];
        CompactSignature signature = AgentKey.generate().signCompact(digest);
        BigInteger n = Signature.CURVE_ORDER;
        byte[] highS = signature.bytes();
        System.arraycopy(CompactSignature.toBytes32(n.subtract(signature.s())), 0, highS, 32, 32);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CompactSignature.of(highS)).getMessage()
                .contains("high-s"));
        byte[] zeroR = signature.bytes();
        java.util.Arrays.fill(zeroR, 0, 32, (byte) 0);
        assertThrows(IllegalArgumentException.class, () -> CompactSignature.of(zeroR));
        byte[] rIsN = signature.bytes();
        System.arraycopy(CompactSignature.toBytes32(n), 0, rIsN, 0, 32);
        assertThrows(IllegalArgumentException.class, () -> CompactSignature.of(rIsN));
        assertThrows(IllegalArgumentException.class, () -> CompactSignature.of(new byte[65]));
        assertThrows(IllegalArgumentException.class, () -> signature.withRecoveryId(2));
    }

    @Test
    void anEthereumSignatureWithoutVIsItsCompactForm() {
        AgentKey key = AgentKey.generate();
        byte[] digest = new byte[32];
        Signature ethereum = key.sign(digest);
        CompactSignature compact = ethereum.withoutRecoveryId();
        assertArrayEquals(ethereum.compact(), compact.bytes());
        assertEquals(ethereum, compact.withRecoveryId(ethereum.recoveryId()));
        assertEquals(compact, CompactSignature.fromHex(compact.toHex()));
    }
}
