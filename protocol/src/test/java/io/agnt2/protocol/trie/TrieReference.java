package io.agnt2.protocol.trie;

import io.agnt2.protocol.agent.AgentAddress;
import org.bouncycastle.jcajce.provider.digest.Keccak;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The trie's root written straight from its definition, with nothing shared with the production code:
 * a second Keccak (BouncyCastle's JCA digest), keys as unsigned BigIntegers, a recursive split over the
 * sorted keys. Tests compare the incremental trie against it.
 */
final class TrieReference {

    private TrieReference() {
    }

    static byte[] root(Map<AgentAddress, byte[]> leafHashes) {
        List<Leaf> leaves = new ArrayList<>();
        leafHashes.forEach((agent, leafHash) -> leaves.add(new Leaf(keyOf(agent), leafHash)));
        leaves.sort((a, b) -> a.key().compareTo(b.key()));
        return leaves.isEmpty() ? new byte[32] : node(leaves);
    }

    static byte[] leafNode(BigInteger key, byte[] leafHash) {
        return keccak(new byte[] {0}, word(key), leafHash);
    }

    static byte[] branchNode(int splitBit, byte[] left, byte[] right) {
        return keccak(new byte[] {1, (byte) splitBit}, left, right);
    }

    static BigInteger keyOf(AgentAddress agent) {
        return new BigInteger(1, keccak(agent.bytes()));
    }

    static byte[] keccak(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return new Keccak.Digest256().digest(all.toByteArray());
    }

    static AgentAddress randomAgent(Random random) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return AgentAddress.of(bytes);
    }

    static byte[] randomHash(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] node(List<Leaf> sorted) {
        if (sorted.size() == 1) {
            return leafNode(sorted.get(0).key(), sorted.get(0).leafHash());
        }
        // The highest bit where the smallest and largest key differ is where this subtree splits.
        int highest = sorted.get(0).key().xor(sorted.get(sorted.size() - 1).key()).bitLength() - 1;
        int middle = 0;
        while (!sorted.get(middle).key().testBit(highest)) {
            middle++;
        }
        return branchNode(255 - highest, node(sorted.subList(0, middle)), node(sorted.subList(middle, sorted.size())));
    }

    private static byte[] word(BigInteger key) {
        byte[] word = new byte[32];
        byte[] raw = key.toByteArray();
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, word, 32 - length, length);
        return word;
    }

    private record Leaf(BigInteger key, byte[] leafHash) {
    }
}
