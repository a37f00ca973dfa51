package io.agnt2.sequencer.core;

import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.execution.Receipt;
import io.agnt2.protocol.value.Bytes32;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The canonical bytes of a receipt and a block's receipts root.
 *
 * <pre>
 * receipt      = interactionHash(32) ‖ kind(u8, the wire code) ‖ statusLength(u8) ‖ status(UTF-8, "SUCCESS" or
 *                the failure's stable code) ‖ amount(32, uint256) ‖ invocation(32, zero when none)
 * receiptsRoot = keccak256(receipt_1 ‖ … ‖ receipt_n)            (keccak256 of nothing for an empty block)
 * </pre>
 * A flat hash, not a Merkle root: one pass over the bytes, and nothing on L1 needs a proof of a single
 * receipt (fraud proofs argue about state roots; a client checks its receipt against the whole block,
 * which the explorer serves). The status is the code string, not an enum ordinal, so adding a reason
 * never changes the bytes of existing ones.
 */
final class ReceiptEncoding {

    private static final byte[] NO_INVOCATION = new byte[32];

    private ReceiptEncoding() {
    }

    static byte[] encode(Receipt receipt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        write(receipt, out);
        return out.toByteArray();
    }

    static Bytes32 receiptsRoot(List<Receipt> receipts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(110 * receipts.size());
        receipts.forEach(receipt -> write(receipt, out));
        return Bytes32.of(Keccak.keccak256(out.toByteArray()));
    }

    private static void write(Receipt receipt, ByteArrayOutputStream out) {
        byte[] status = receipt.status().getBytes(StandardCharsets.UTF_8);
        out.writeBytes(receipt.interactionHash().bytes());
        out.write(receipt.kind().code());
        out.write(status.length);
        out.writeBytes(status);
        out.writeBytes(receipt.amount().toBytes32());
        out.writeBytes(receipt.invocationId().map(id -> id.value().bytes()).orElse(NO_INVOCATION));
    }
}
