package io.agnt2.protocol.interaction;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.StructuredDataEncoder;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static io.agnt2.protocol.interaction.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every kind's EIP-712 type, digest (against web3j), message JSON and signing rules. */
class AllKindsTest {

    @Test
    void everyKindHasOneFixtureAndAWireCode() {
        EnumSet<Kind> seen = EnumSet.noneOf(Kind.class);
        oneOfEachKind().forEach(interaction -> seen.add(interaction.kind()));
        assertEquals(EnumSet.allOf(Kind.class), seen);
        int code = 1;
        for (Kind kind : Kind.values()) {
            assertEquals(code++, kind.code(), kind.name());
            assertSame(kind, Kind.fromCode(kind.code()));
        }
        assertEquals(1, Kind.REGISTER.code());
        assertEquals(2, Kind.TRANSFER.code());
        assertThrows(IllegalArgumentException.class, () -> Kind.fromCode(0));
        assertThrows(IllegalArgumentException.class, () -> Kind.fromCode(14));
    }

    @Test
    void typeDefinitionsArePrimitiveSolidity() {
        assertEquals("Capability(address agent,bytes32 capability,uint256 price,bool offered,uint64 nonce)",
                Capability.TYPE.definition());
        assertEquals("Invoke(address caller,address callee,bytes32 capability,uint256 maxPrice,bytes32 requestHash,"
                + "bool useSession,uint64 nonce)", Invoke.TYPE.definition());
        assertEquals("Respond(address callee,address caller,bytes32 invocation,bytes32 resultHash,uint64 nonce)",
                Respond.TYPE.definition());
        assertEquals("Compose(address caller,address callee,bytes32 capability,uint256 maxPrice,bytes32[] inputs,"
                + "uint64 nonce)", Compose.TYPE.definition());
        assertEquals("Rate(address caller,address callee,bytes32 invocation,uint8 score,uint64 nonce)",
                Rate.TYPE.definition());
        assertEquals("SessionOpen(address caller,address counterparty,uint256 budget,uint64 expiresAtBlock,"
                + "uint64 nonce)", SessionOpen.TYPE.definition());
        assertEquals("SessionClose(address caller,address counterparty,uint64 nonce)", SessionClose.TYPE.definition());
        assertEquals("Deposit(address agent,uint256 amount,uint64 depositId)", Deposit.TYPE.definition());
        assertEquals("Withdraw(address agent,address recipient,uint256 amount,uint64 nonce)",
                Withdraw.TYPE.definition());
        assertEquals("ChannelOpen(address adjudicator,bytes32 channelId,address participantA,address participantB,"
                + "uint256 depositA,uint256 depositB,uint64 l1Event)", ChannelOpen.TYPE.definition());
        assertEquals("ChannelClose(address adjudicator,bytes32 channelId,address participantA,address participantB,"
                + "uint64 finalNonce,uint256 balanceA,uint256 balanceB,uint8 outcome,address staleClaimant,"
                + "uint64 l1Event)", ChannelClose.TYPE.definition());
    }

    @Test
    void everyKindsDigestEqualsWeb3j() throws Exception {
        for (Interaction interaction : oneOfEachKind()) {
            assertDigestEqualsWeb3j(interaction);
        }
        // Edge values: empty strings, zero amounts, an empty array, false flags, the top of each range.
        AgentAddress alice = ALICE.address();
        assertDigestEqualsWeb3j(new Compose(alice, alice, TRANSLATE, Wei.ZERO, List.of(), Nonce.ZERO));
        assertDigestEqualsWeb3j(new Invoke(alice, BOB.address(), TRANSLATE, Wei.ZERO, SOME_HASH, false, Nonce.ZERO));
        assertDigestEqualsWeb3j(new Rate(alice, alice, SOME_INVOCATION, 255, Nonce.ZERO));
        assertDigestEqualsWeb3j(new Capability(alice, TRANSLATE, Wei.ZERO, false, Nonce.ZERO));
        assertDigestEqualsWeb3j(new Deposit(alice, Wei.of(Wei.MAX), Long.MAX_VALUE));
    }

    @Test
    void capabilityIdIsKeccakOfTheName() {
        assertEquals(Hex.encode(io.agnt2.protocol.crypto.Keccak.keccak256("translate".getBytes())), TRANSLATE.toString());
        assertThrows(IllegalArgumentException.class, () -> CapabilityId.named(" "));
    }

    @Test
    void invocationIdIsTheOpeningInteractionsDigest() {
        Invoke invoke = (Invoke) oneOfEachKind().get(3);
        assertArrayEquals(SignedInteraction.digest(invoke, DOMAIN), InvocationId.of(invoke, DOMAIN).value().bytes());
        assertThrows(IllegalArgumentException.class, () -> InvocationId.of(transfer("1", 1), DOMAIN));
    }

    @Test
    void messageJsonHasTheWalletShape() {
        Map<String, Object> compose = Eip712Types.message(oneOfEachKind().get(5));
        assertEquals(List.of(SOME_INVOCATION.toString(), "0x" + "33".repeat(32)), compose.get("inputs"));
        assertEquals(Wei.MAX.toString(), compose.get("maxPrice"));
        assertEquals(5L, compose.get("nonce"));
        Map<String, Object> invoke = Eip712Types.message(oneOfEachKind().get(3));
        assertEquals(Boolean.TRUE, invoke.get("useSession"));
        assertEquals(TRANSLATE.toString(), invoke.get("capability"));
        assertEquals(4, Eip712Types.message(oneOfEachKind().get(6)).get("score"));
        assertEquals(List.of("Rate"), List.copyOf(Eip712Types.typesFor(Kind.RATE).keySet()));
    }

    @Test
    void agentSignedKindsSignAndRecover() {
        for (Interaction interaction : oneOfEachKind()) {
            if (interaction.kind().isAgentSigned()) {
                SignedInteraction signed = SignedInteraction.sign(interaction, ALICE, DOMAIN);
                assertTrue(signed.isSignedBySigner(DOMAIN), interaction.kind().name());
            }
        }
    }

    @Test
    void aDepositIsNeverSigned() {
        Deposit deposit = (Deposit) oneOfEachKind().get(9);
        assertFalse(Kind.DEPOSIT.isAgentSigned());
        assertThrows(IllegalArgumentException.class, () -> SignedInteraction.sign(deposit, ALICE, DOMAIN));
        // Even a valid signature of the deposit's digest by the credited agent cannot be attached ...
        Signature forged = ALICE.sign(SignedInteraction.digest(deposit, DOMAIN));
        assertThrows(IllegalArgumentException.class, () -> new SignedInteraction(deposit, forged));
        // ... and the bridged form never passes the signature check a client submission goes through.
        SignedInteraction bridged = SignedInteraction.bridged(deposit);
        assertFalse(bridged.hasSignature());
        assertFalse(bridged.isSignedBySigner(DOMAIN));
        assertThrows(IllegalArgumentException.class, () -> bridged.recoverSigner(DOMAIN));
        assertEquals(Nonce.of(42), deposit.nonce());
        // An agent-signed kind still needs its signature.
        assertThrows(NullPointerException.class, () -> new SignedInteraction(transfer("1", 1), null));
        assertThrows(IllegalArgumentException.class, () -> SignedInteraction.bridged(transfer("1", 1)));
    }

    @Test
    void aChannelsL1EventsAreNeverSignedAndNameTheirPosition() {
        for (Interaction event : oneOfEachKind().subList(11, 13)) {
            assertFalse(event.kind().isAgentSigned(), event.kind().name());
            assertThrows(IllegalArgumentException.class, () -> SignedInteraction.sign(event, ALICE, DOMAIN));
            Signature forged = ALICE.sign(SignedInteraction.digest(event, DOMAIN));
            assertThrows(IllegalArgumentException.class, () -> new SignedInteraction(event, forged));
            assertFalse(SignedInteraction.bridged(event).isSignedBySigner(DOMAIN));
            assertEquals(Fixtures.ADJUDICATOR, event.signer());
        }
        ChannelOpen open = (ChannelOpen) oneOfEachKind().get(11);
        assertEquals(Nonce.of(12L << 20 | 3), open.nonce());
        assertEquals(12, L1EventPosition.blockNumber(open.l1Event()));
        assertEquals(3, L1EventPosition.logIndex(open.l1Event()));
    }

    @Test
    void aChannelCloseNamesAStaleClaimantOnlyForADisputeAndOnlyAParticipant() {
        AgentAddress alice = ALICE.address();
        AgentAddress bob = BOB.address();
        AgentAddress carol = AgentAddress.of("0x" + "0c".repeat(20));
        assertThrows(IllegalArgumentException.class, () -> close(ChannelCloseOutcome.COOPERATIVE, alice));
        assertThrows(IllegalArgumentException.class, () -> close(ChannelCloseOutcome.UNCONTESTED, bob));
        assertThrows(IllegalArgumentException.class, () -> close(ChannelCloseOutcome.DISPUTED, carol));
        assertEquals(bob, close(ChannelCloseOutcome.DISPUTED, bob).staleClaimant());
        assertEquals(ChannelClose.NOBODY, close(ChannelCloseOutcome.COOPERATIVE, ChannelClose.NOBODY).staleClaimant());
        assertThrows(IllegalArgumentException.class, () -> new ChannelOpen(Fixtures.ADJUDICATOR, Fixtures.SOME_CHANNEL,
                alice, bob, Wei.ZERO, Wei.ZERO, 0));
        assertThrows(IllegalArgumentException.class, () -> L1EventPosition.of(1, 1 << 20));
    }

    private static ChannelClose close(ChannelCloseOutcome outcome, AgentAddress staleClaimant) {
        return new ChannelClose(Fixtures.ADJUDICATOR, Fixtures.SOME_CHANNEL, ALICE.address(), BOB.address(), 9,
                Wei.of(1), Wei.of(2), outcome, staleClaimant, L1EventPosition.of(5, 0));
    }

    private static void assertDigestEqualsWeb3j(Interaction interaction) throws Exception {
        String json = StructuredDataEncoder.mapper.writeValueAsString(Eip712Types.typedData(interaction, DOMAIN));
        byte[] web3j = new StructuredDataEncoder(json).hashStructuredData();
        assertEquals(Hex.encode(web3j), Hex.encode(SignedInteraction.digest(interaction, DOMAIN)), interaction.toString());
    }
}
