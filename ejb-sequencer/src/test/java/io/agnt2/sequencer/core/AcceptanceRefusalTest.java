package io.agnt2.sequencer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.execution.PreparedInteraction;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refused interaction changes neither the head nor the log, and never reaches a block. */
class AcceptanceRefusalTest {

    private final AgentKey alice = CoreFixtures.key("refusal", 0);
    private final AgentKey bob = CoreFixtures.key("refusal", 1);

    @TempDir
    Path dir;

    @Test
    void refusalsChangeNothingAndAreNotLogged() throws Exception {
        SignedInteraction transfer;
        try (SequencerCore core = open()) {
            accept(core, new Register(alice.address(), "acme", "", Nonce.ZERO), alice);
            accept(core, new Register(bob.address(), "globex", "", Nonce.ZERO), bob);
            transfer = accept(core, new Transfer(alice.address(), bob.address(), Wei.of(100), Nonce.of(1)), alice);
            AgentRecord aliceBefore = core.headRecord(alice.address()).orElseThrow();
            AgentRecord bobBefore = core.headRecord(bob.address()).orElseThrow();
            long loggedBefore = core.stats().accepted();

            assertEquals("nonce-mismatch", refusal(core,
                    new Transfer(alice.address(), bob.address(), Wei.of(1), Nonce.of(1)), alice));
            assertEquals("insufficient-balance", refusal(core,
                    new Transfer(alice.address(), bob.address(), Wei.of(1_000_000), Nonce.of(2)), alice));
            assertEquals(InteractionRefused.DUPLICATE, refusal(core, transfer));
            assertEquals("already-registered", refusal(core, new Register(bob.address(), "x", "", Nonce.of(1)), bob));
            SignedInteraction valid = sign(new Transfer(alice.address(), bob.address(), Wei.of(5), Nonce.of(2)), alice);
            assertThrows(IllegalArgumentException.class, () -> core.accept(valid, new byte[32]), "a wrong hash");
            SignedInteraction other = sign(new Transfer(alice.address(), bob.address(), Wei.of(6), Nonce.of(2)), alice);
            assertThrows(IllegalArgumentException.class, () -> core.accept(valid,
                    PreparedInteraction.of(other.interaction(), CoreFixtures.DOMAIN)), "another interaction's preparation");
            Eip712Domain otherChain = new Eip712Domain(CoreFixtures.DOMAIN.name(), CoreFixtures.DOMAIN.version(),
                    CoreFixtures.DOMAIN.chainId() + 1, CoreFixtures.DOMAIN.verifyingContract());
            assertThrows(IllegalArgumentException.class, () -> core.accept(valid,
                    PreparedInteraction.of(valid.interaction(), otherChain)), "a preparation under another domain");

            assertEquals(aliceBefore, core.headRecord(alice.address()).orElseThrow());
            assertEquals(bobBefore, core.headRecord(bob.address()).orElseThrow());
            assertEquals(3, core.pendingCount());
            assertEquals(loggedBefore, core.stats().accepted());
            // the gateway's path: the preparation it made for the signature check, accepted as such
            core.accept(valid, PreparedInteraction.of(valid.interaction(), CoreFixtures.DOMAIN)).join();
            ClosedBlock block = core.closeBlock().orElseThrow();
            assertEquals(4, block.size());
            assertEquals(Bytes32.of(valid.digest(CoreFixtures.DOMAIN)), block.interactionHashes().getLast());
            assertEquals(5, core.stats().log().records(), "four interactions and one marker, nothing else");
            // the duplicate stays refused after its block closed
            assertEquals(InteractionRefused.DUPLICATE, refusal(core, transfer));
        }
        try (SequencerCore reopened = open()) {
            assertEquals(1, reopened.lastBlockNumber());
            assertEquals(0, reopened.pendingCount(), "no refused interaction comes back from the log");
            assertEquals(InteractionRefused.DUPLICATE, refusal(reopened, transfer), "recovery restores the window");
        }
    }

    private SequencerCore open() throws Exception {
        return SequencerCore.open(SequencerConfig.sequential(dir, CoreFixtures.PARAMETERS), CheckpointSource.GENESIS);
    }

    private static SignedInteraction sign(Interaction interaction, AgentKey key) {
        return SignedInteraction.sign(interaction, key, CoreFixtures.DOMAIN);
    }

    private static SignedInteraction accept(SequencerCore core, Interaction interaction, AgentKey key) throws Exception {
        SignedInteraction signed = sign(interaction, key);
        core.accept(signed, signed.digest(CoreFixtures.DOMAIN)).join();
        return signed;
    }

    private static String refusal(SequencerCore core, Interaction interaction, AgentKey key) {
        return refusal(core, sign(interaction, key));
    }

    private static String refusal(SequencerCore core, SignedInteraction signed) {
        InteractionRefused refused = assertThrows(InteractionRefused.class,
                () -> core.accept(signed, signed.digest(CoreFixtures.DOMAIN)));
        return refused.code();
    }
}
