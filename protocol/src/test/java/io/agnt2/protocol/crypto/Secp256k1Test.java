package io.agnt2.protocol.crypto;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class Secp256k1Test {

    /** anvil's / hardhat's first dev account. */
    static final String ANVIL_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String ANVIL_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private final Secp256k1 nativeImpl = new NativeSecp256k1();
    private final Secp256k1 bouncyCastle = new BouncyCastleSecp256k1();

    @Test
    void nativeIsSelectedOnThisPlatform() {
        assertInstanceOf(NativeSecp256k1.class, Secp256k1.get(), "libsecp256k1 should load on linux-x86_64");
    }

    @Test
    void knownKeyGivesKnownAddressWithBothImplementations() {
        PrivateKey key = PrivateKey.fromHex(ANVIL_KEY);
        assertEquals(ANVIL_ADDRESS, AgentAddress.of(nativeImpl.publicKeyOf(key)).toString());
        assertEquals(ANVIL_ADDRESS, AgentAddress.of(bouncyCastle.publicKeyOf(key)).toString());
        assertEquals(ANVIL_ADDRESS, AgentKey.fromHex(ANVIL_KEY).address().toString());
    }

    @Test
    void nativeBouncyCastleAndWeb3jSignIdentically() {
        Random random = new Random(42); // fixed seed: reproducible keys and digests
        for (int i = 0; i < 64; i++) {
            byte[] keyBytes = new byte[32];
            random.nextBytes(keyBytes);
            keyBytes[0] &= 0x7f; // stays below n
            keyBytes[31] |= 1;   // never zero
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            PrivateKey key = PrivateKey.of(keyBytes);

            Signature fromNative = nativeImpl.sign(digest, key);
            Signature fromBouncyCastle = bouncyCastle.sign(digest, key);
            Sign.SignatureData fromWeb3j = Sign.signMessage(digest, ECKeyPair.create(new BigInteger(1, keyBytes)), false);
            byte[] web3jBytes = new byte[65];
            System.arraycopy(fromWeb3j.getR(), 0, web3jBytes, 0, 32);
            System.arraycopy(fromWeb3j.getS(), 0, web3jBytes, 32, 32);
            web3jBytes[64] = fromWeb3j.getV()[0];

            assertEquals(fromNative, fromBouncyCastle, "native vs BouncyCastle, case " + i);
            assertEquals(Hex.encode(web3jBytes), fromNative.toHex(), "native vs web3j, case " + i);
        }
    }

    @Test
    void nativeFindsVFromTheNoncePointAndItRecoversTheSigner() {
        Random random = new Random(7);
        var lib = fr.acinq.secp256k1.Secp256k1.Companion.get();
        for (int i = 0; i < 500; i++) { // both parities and both s normalisations, many times over
            AgentKey key = AgentKey.generate();
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            Signature signature = key.sign(digest);
            assertEquals(key.publicKey(), nativeImpl.recover(digest, signature), "case " + i);
            assertEquals(signature.recoveryId(), NoncePoint.recoveryId(digest, hexBytes(key.privateKeyHex()),
                    signature.compact(), lib::pubkeyCreate), "the nonce point decided, not the fallback, case " + i);
        }
    }

    @Test
    void noncePointDeclinesASignatureItDidNotMake() {
        var lib = fr.acinq.secp256k1.Secp256k1.Companion.get();
        AgentKey key = AgentKey.generate();
        byte[] digest = Keccak.keccak256("one".getBytes(StandardCharsets.UTF_8));
        byte[] otherDigest = Keccak.keccak256("two".getBytes(StandardCharsets.UTF_8));
        Signature other = key.sign(otherDigest);
        assertEquals(-1, NoncePoint.recoveryId(digest, hexBytes(key.privateKeyHex()), other.compact(), lib::pubkeyCreate));
    }

    @Test
    void signedByChecksTheKeyAndV() {
        AgentKey key = AgentKey.generate();
        byte[] digest = Keccak.keccak256("counterparty".getBytes(StandardCharsets.UTF_8));
        Signature signature = key.sign(digest);
        Signature wrongV = Signature.ofCompact(signature.compact(), 1 - signature.recoveryId());
        for (Secp256k1 impl : new Secp256k1[] {nativeImpl, bouncyCastle}) {
            assertTrue(impl.signedBy(digest, signature, key.publicKey()));
            assertFalse(impl.signedBy(digest, wrongV, key.publicKey()), "ecrecover would give another address");
            assertFalse(impl.signedBy(digest, signature, AgentKey.generate().publicKey()));
            assertFalse(impl.signedBy(new byte[32], signature, key.publicKey()));
        }
    }

    private static byte[] hexBytes(String hex) {
        return Hex.decode(hex, 32, "key");
    }

    @Test
    void bothImplementationsRecoverTheSigner() {
        AgentKey key = AgentKey.generate();
        byte[] digest = Keccak.keccak256("recover me".getBytes(StandardCharsets.UTF_8));
        Signature signature = key.sign(digest);
        assertEquals(key.publicKey(), nativeImpl.recover(digest, signature));
        assertEquals(key.publicKey(), bouncyCastle.recover(digest, signature));
    }

    @Test
    void recoveringOverAnotherDigestGivesAnotherKey() {
        AgentKey key = AgentKey.generate();
        Signature signature = key.sign(new byte[32]);
        byte[] otherDigest = new byte[32];
        otherDigest[0] = 1;
        assertNotEquals(key.publicKey(), nativeImpl.recover(otherDigest, signature));
    }

    @Test
    void web3jRecoversOurSignature() throws Exception {
        AgentKey key = AgentKey.fromHex(ANVIL_KEY);
        byte[] digest = Keccak.keccak256("web3j".getBytes(StandardCharsets.UTF_8));
        Signature signature = key.sign(digest);
        BigInteger publicKey = Sign.signedMessageHashToKey(digest,
                new Sign.SignatureData((byte) signature.v(), bytes32(signature.r()), bytes32(signature.s())));
        assertEquals(ANVIL_ADDRESS.toLowerCase(), "0x" + Keys.getAddress(publicKey));
    }

    @Test
    void rejectsDigestsThatAreNot32Bytes() {
        PrivateKey key = PrivateKey.random();
        for (Secp256k1 impl : new Secp256k1[] {nativeImpl, bouncyCastle}) {
            assertThrows(IllegalArgumentException.class, () -> impl.sign(new byte[31], key));
            assertThrows(IllegalArgumentException.class, () -> impl.recover(new byte[33], impl.sign(new byte[32], key)));
        }
    }

    @Test
    void rejectsOutOfRangePrivateKeys() {
        assertThrows(IllegalArgumentException.class, () -> PrivateKey.of(new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> PrivateKey.of(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> PrivateKey.fromHex(Signature.CURVE_ORDER.toString(16)));
        assertEquals("PrivateKey[redacted]", PrivateKey.random().toString());
    }

    private static byte[] bytes32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
