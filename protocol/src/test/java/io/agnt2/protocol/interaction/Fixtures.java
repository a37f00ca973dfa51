package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.List;

/** Shared keys, domain and interactions for the interaction and codec tests. */
public final class Fixtures {

    /** anvil's first two dev accounts. */
    public static final AgentKey ALICE = AgentKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    public static final AgentKey BOB = AgentKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    public static final Eip712Domain DOMAIN =
            Eip712Domain.agnt2(31337, AgentAddress.of("0x5FbDB2315678afecb367f032d93F642f64180aa3"));

    private Fixtures() {
    }

    public static Transfer transfer(String amount, long nonce) {
        return new Transfer(ALICE.address(), BOB.address(), Wei.of(amount), Nonce.of(nonce));
    }

    public static Register register() {
        return new Register(BOB.address(), "globex", "https://globex.example/agents/bob.json", Nonce.ZERO);
    }

    public static SignedInteraction signedTransfer(String amount, long nonce) {
        return SignedInteraction.sign(transfer(amount, nonce), ALICE, DOMAIN);
    }

    public static final CapabilityId TRANSLATE = CapabilityId.named("translate");
    public static final InvocationId SOME_INVOCATION = InvocationId.fromHex("0x" + "11".repeat(32));
    public static final Bytes32 SOME_HASH = Bytes32.fromHex("0x" + "22".repeat(32));

    /** One interaction of every kind, each with non-trivial values, signed (or for DEPOSIT, signable) by ALICE. */
    public static List<Interaction> oneOfEachKind() {
        AgentAddress alice = ALICE.address();
        AgentAddress bob = BOB.address();
        return List.of(
                new Register(alice, "acme", "https://acme.example/alice.json", Nonce.ZERO),
                new Transfer(alice, bob, Wei.of("1000000000000000000"), Nonce.of(1)),
                new Capability(alice, TRANSLATE, Wei.of(250), true, Nonce.of(2)),
                new Invoke(alice, bob, TRANSLATE, Wei.of(300), SOME_HASH, true, Nonce.of(3)),
                new Respond(alice, bob, SOME_INVOCATION, SOME_HASH, Nonce.of(4)),
                new Compose(alice, bob, TRANSLATE, Wei.of(Wei.MAX),
                        List.of(SOME_INVOCATION, InvocationId.fromHex("0x" + "33".repeat(32))), Nonce.of(5)),
                new Rate(alice, bob, SOME_INVOCATION, 4, Nonce.of(6)),
                new SessionOpen(alice, bob, Wei.of(10_000), 1_000_000L, Nonce.of(7)),
                new SessionClose(alice, bob, Nonce.of(8)),
                new Deposit(alice, Wei.of(5_000), 42),
                new Withdraw(alice, bob, Wei.of(77), Nonce.of(Long.MAX_VALUE)),
                new ChannelOpen(ADJUDICATOR, SOME_CHANNEL, alice, bob, Wei.of(1_000), Wei.ZERO,
                        L1EventPosition.of(12, 3)),
                new ChannelClose(ADJUDICATOR, SOME_CHANNEL, alice, bob, 80, Wei.of(400), Wei.of(600),
                        ChannelCloseOutcome.DISPUTED, bob, L1EventPosition.of(40, 0)));
    }

    public static final AgentAddress ADJUDICATOR = AgentAddress.of("0x700b6A60ce7EaaEA56F065753d8dcB9653dbAD35");
    public static final ChannelId SOME_CHANNEL = ChannelId.fromHex("0x" + "c4".repeat(32));

    /** Signed by ALICE; what L1 vouches for (a DEPOSIT, a channel's event) comes unsigned. */
    public static SignedInteraction signedByAlice(Interaction interaction) {
        return interaction.kind().isAgentSigned()
                ? SignedInteraction.sign(interaction, ALICE, DOMAIN) : SignedInteraction.bridged(interaction);
    }

    public static SignedInteraction signedRegister() {
        return SignedInteraction.sign(register(), BOB, DOMAIN);
    }
}
