package io.agnt2.protocol.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).
 *
 * <p>The permutation is written out here (lanes in locals, rounds unrolled per step) rather than taken
 * from BouncyCastle's generic {@code KeccakDigest}: the sequencer hashes ~15 times per interaction
 * (struct hashes, leaf hashes, trie nodes), and this is about three times faster per block. One sponge
 * per thread is reused, so a call allocates only its 32-byte result. {@code KeccakTest} checks it
 * against BouncyCastle on random inputs of every length around the block boundaries.
 */
public final class Keccak {

    private static final ThreadLocal<Sponge> SPONGE = ThreadLocal.withInitial(Sponge::new);

    private Keccak() {
    }

    /** Keccak-256 of the concatenation of {@code parts}. */
    public static byte[] keccak256(byte[]... parts) {
        Sponge sponge = SPONGE.get();
        sponge.reset(); // also clears what a call that threw half-way (a null part) left behind
        for (byte[] part : parts) {
            sponge.absorb(part, 0, part.length);
        }
        return sponge.digest();
    }

    /** Keccak-256 of {@code length} bytes of {@code data} from {@code offset}. */
    static byte[] keccak256(byte[] data, int offset, int length) {
        Sponge sponge = SPONGE.get();
        sponge.reset();
        sponge.absorb(data, offset, length);
        return sponge.digest();
    }

    /** Keccak[r=1088, c=512] with 256 output bits. Not thread-safe: one per thread. */
    private static final class Sponge {

        private static final int RATE = 136;
        private static final int RATE_LANES = RATE / 8;
        private static final VarHandle LONG_LE =
                MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

        private final long[] state = new long[25];
        private final byte[] block = new byte[RATE];
        private int position;

        void reset() {
            Arrays.fill(state, 0L);
            position = 0;
        }

        void absorb(byte[] input, int offset, int length) {
            if (position > 0) {
                int n = Math.min(RATE - position, length);
                System.arraycopy(input, offset, block, position, n);
                position += n;
                offset += n;
                length -= n;
                if (position < RATE) {
                    return;
                }
                xorBlock(block, 0);
                permute(state);
                position = 0;
            }
            while (length >= RATE) {
                xorBlock(input, offset);
                permute(state);
                offset += RATE;
                length -= RATE;
            }
            if (length > 0) {
                System.arraycopy(input, offset, block, 0, length);
                position = length;
            }
        }

        byte[] digest() {
            Arrays.fill(block, position, RATE, (byte) 0);
            block[position] ^= 0x01;
            block[RATE - 1] ^= (byte) 0x80;
            xorBlock(block, 0);
            permute(state);
            byte[] out = new byte[32];
            for (int i = 0; i < 4; i++) {
                LONG_LE.set(out, 8 * i, state[i]);
            }
            position = 0;
            return out;
        }

        private void xorBlock(byte[] bytes, int offset) {
            long[] s = state;
            for (int i = 0; i < RATE_LANES; i++) {
                s[i] ^= (long) LONG_LE.get(bytes, offset + 8 * i);
            }
        }
    }

    private static final long[] RC = {
            0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
            0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
            0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
            0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
            0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
            0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};

    /** Keccak-f[1600]; lane (x, y) is {@code s[x + 5y]}, held in {@code axy}. */
    private static void permute(long[] s) {
        long a00 = s[0];
        long a10 = s[1];
        long a20 = s[2];
        long a30 = s[3];
        long a40 = s[4];
        long a01 = s[5];
        long a11 = s[6];
        long a21 = s[7];
        long a31 = s[8];
        long a41 = s[9];
        long a02 = s[10];
        long a12 = s[11];
        long a22 = s[12];
        long a32 = s[13];
        long a42 = s[14];
        long a03 = s[15];
        long a13 = s[16];
        long a23 = s[17];
        long a33 = s[18];
        long a43 = s[19];
        long a04 = s[20];
        long a14 = s[21];
        long a24 = s[22];
        long a34 = s[23];
        long a44 = s[24];
        for (int round = 0; round < 24; round++) {
            long c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04;
            long c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14;
            long c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24;
            long c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34;
            long c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44;
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            long b00 = a00 ^ d0;
            long b13 = Long.rotateLeft(a01 ^ d0, 36);
            long b21 = Long.rotateLeft(a02 ^ d0, 3);
            long b34 = Long.rotateLeft(a03 ^ d0, 41);
            long b42 = Long.rotateLeft(a04 ^ d0, 18);
            long b02 = Long.rotateLeft(a10 ^ d1, 1);
            long b10 = Long.rotateLeft(a11 ^ d1, 44);
            long b23 = Long.rotateLeft(a12 ^ d1, 10);
            long b31 = Long.rotateLeft(a13 ^ d1, 45);
            long b44 = Long.rotateLeft(a14 ^ d1, 2);
            long b04 = Long.rotateLeft(a20 ^ d2, 62);
            long b12 = Long.rotateLeft(a21 ^ d2, 6);
            long b20 = Long.rotateLeft(a22 ^ d2, 43);
            long b33 = Long.rotateLeft(a23 ^ d2, 15);
            long b41 = Long.rotateLeft(a24 ^ d2, 61);
            long b01 = Long.rotateLeft(a30 ^ d3, 28);
            long b14 = Long.rotateLeft(a31 ^ d3, 55);
            long b22 = Long.rotateLeft(a32 ^ d3, 25);
            long b30 = Long.rotateLeft(a33 ^ d3, 21);
            long b43 = Long.rotateLeft(a34 ^ d3, 56);
            long b03 = Long.rotateLeft(a40 ^ d4, 27);
            long b11 = Long.rotateLeft(a41 ^ d4, 20);
            long b24 = Long.rotateLeft(a42 ^ d4, 39);
            long b32 = Long.rotateLeft(a43 ^ d4, 8);
            long b40 = Long.rotateLeft(a44 ^ d4, 14);
            a00 = b00 ^ (~b10 & b20);
            a01 = b01 ^ (~b11 & b21);
            a02 = b02 ^ (~b12 & b22);
            a03 = b03 ^ (~b13 & b23);
            a04 = b04 ^ (~b14 & b24);
            a10 = b10 ^ (~b20 & b30);
            a11 = b11 ^ (~b21 & b31);
            a12 = b12 ^ (~b22 & b32);
            a13 = b13 ^ (~b23 & b33);
            a14 = b14 ^ (~b24 & b34);
            a20 = b20 ^ (~b30 & b40);
            a21 = b21 ^ (~b31 & b41);
            a22 = b22 ^ (~b32 & b42);
            a23 = b23 ^ (~b33 & b43);
            a24 = b24 ^ (~b34 & b44);
            a30 = b30 ^ (~b40 & b00);
            a31 = b31 ^ (~b41 & b01);
            a32 = b32 ^ (~b42 & b02);
            a33 = b33 ^ (~b43 & b03);
            a34 = b34 ^ (~b44 & b04);
            a40 = b40 ^ (~b00 & b10);
            a41 = b41 ^ (~b01 & b11);
            a42 = b42 ^ (~b02 & b12);
            a43 = b43 ^ (~b03 & b13);
            a44 = b44 ^ (~b04 & b14);
            a00 ^= RC[round];
        }
        s[0] = a00;
        s[1] = a10;
        s[2] = a20;
        s[3] = a30;
        s[4] = a40;
        s[5] = a01;
        s[6] = a11;
        s[7] = a21;
        s[8] = a31;
        s[9] = a41;
        s[10] = a02;
        s[11] = a12;
        s[12] = a22;
        s[13] = a32;
        s[14] = a42;
        s[15] = a03;
        s[16] = a13;
        s[17] = a23;
        s[18] = a33;
        s[19] = a43;
        s[20] = a04;
        s[21] = a14;
        s[22] = a24;
        s[23] = a34;
        s[24] = a44;
    }
}
