package io.agnt2.sequencer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.codec.BatchCodec;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Kind;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core answers where a recent interaction is, without a database: pending until its block closes,
 * then included in that block, also after a restart; beyond the window it no longer knows.
 */
class RecentInteractionLookupTest {

    private final AgentKey alice = CoreFixtures.key("lookup", 0);
    private final AgentKey bob = CoreFixtures.key("lookup", 1);

    @TempDir
    Path dir;

    @Test
    void pendingThenIncludedThenForgottenBeyondTheWindow() throws Exception {
        Bytes32 register;
        try (SequencerCore core = open(2)) {
            register = accept(core, new Register(alice.address(), "acme", "", Nonce.ZERO), alice);
            RecentInteraction pending = core.recent(register).orElseThrow();
            assertEquals(RecentInteraction.Status.PENDING, pending.status());
            assertEquals(1, pending.blockNumber(), "the block that will hold it");
            assertEquals(Kind.REGISTER, pending.kind());
            assertEquals(alice.address(), pending.signer());

            ClosedBlock block = core.closeBlock().orElseThrow();
            assertEquals(RecentInteraction.Status.INCLUDED, core.recent(register).orElseThrow().status());
            assertEquals(1, core.recent(register).orElseThrow().blockNumber());
            assertArrayEquals(Keccak.keccak256(block.batch()), block.dataHash().bytes(), "the batch is what the data hash hashes");
            assertEquals(block.interactions(), BatchCodec.decode(block.batch()));
        }
        try (SequencerCore reopened = open(2)) {
            assertEquals(RecentInteraction.Status.INCLUDED, reopened.recent(register).orElseThrow().status(),
                    "recovery refills the window from the replayed blocks");
            accept(reopened, new Register(bob.address(), "globex", "", Nonce.ZERO), bob);
            reopened.closeBlock().orElseThrow();
            accept(reopened, new Transfer(bob.address(), alice.address(), Wei.of(1), Nonce.of(1)), bob);
            reopened.closeBlock().orElseThrow();
            assertTrue(reopened.recent(register).isEmpty(), "block 1 left the two-block window");
            assertTrue(reopened.recent(Bytes32.of(new byte[32])).isEmpty(), "never accepted");
        }
    }

    private SequencerCore open(int windowBlocks) throws Exception {
        return SequencerCore.open(SequencerConfig.sequential(dir, CoreFixtures.PARAMETERS)
                .withDuplicateWindowBlocks(windowBlocks), CheckpointSource.GENESIS);
    }

    private static Bytes32 accept(SequencerCore core, Interaction interaction, AgentKey key) throws Exception {
        SignedInteraction signed = SignedInteraction.sign(interaction, key, CoreFixtures.DOMAIN);
        core.accept(signed, signed.digest(CoreFixtures.DOMAIN)).join();
        return Bytes32.of(signed.digest(CoreFixtures.DOMAIN));
    }
}
