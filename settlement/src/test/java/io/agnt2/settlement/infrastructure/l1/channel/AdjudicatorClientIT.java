package io.agnt2.settlement.infrastructure.l1.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelDomain;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.channel.L1SignedChannelState;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import io.agnt2.settlement.infrastructure.l1.AnvilProcess;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AdjudicatorClient} and {@code ChannelAdjudicator.sol} against a real anvil: one anvil per
 * class, a fresh adjudicator per test. A is anvil's account 0, B account 1, and a watcher (account 2)
 * submits cooperative closes so that A's and B's L1 balances move by the payouts alone.
 */
class AdjudicatorClientIT {

    private static final String WATCHER_KEY = AnvilProcess.KEY_2;
    private static final Duration PERIOD = Duration.ofHours(1);
    private static final Wei DEPOSIT_A = Wei.of(new BigInteger("1000000000000000000")); // 1 ETH
    private static final Wei DEPOSIT_B = Wei.of(new BigInteger("500000000000000000")); //  0.5 ETH
    private static final Wei FINNEY = Wei.of(new BigInteger("1000000000000000"));

    private static final AgentKey A = AgentKey.fromHex(AnvilProcess.KEY_0);
    private static final AgentKey B = AgentKey.fromHex(AnvilProcess.KEY_1);
    private static final AgentKey STRANGER = AgentKey.fromHex(WATCHER_KEY);

    /** Gas per operation over all tests, printed at the end (the figures of decision 0008). */
    private static final Map<String, Long> GAS = new ConcurrentSkipListMap<>();

    private static AnvilProcess anvil;

    private AdjudicatorClient clientA;
    private AdjudicatorClient clientB;
    private AdjudicatorClient watcher;

    @BeforeAll
    static void startAnvil() {
        anvil = AnvilProcess.start();
    }

    @AfterAll
    static void stopAnvilAndReportGas() {
        if (anvil != null) {
            anvil.close();
        }
        StringBuilder table = new StringBuilder("ChannelAdjudicator gas per operation (max seen):\n");
        GAS.forEach((op, gas) -> table.append(String.format("  %-28s %,9d%n", op, gas)));
        System.out.print(table);
    }

    @BeforeEach
    void deployAdjudicator() {
        clientA = AdjudicatorClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID, PERIOD);
        recordDeploymentGas();
        String at = clientA.contractAddress().toString();
        clientB = AdjudicatorClient.at(anvil.rpcUrl(), AnvilProcess.KEY_1, AnvilProcess.CHAIN_ID, at);
        watcher = AdjudicatorClient.at(anvil.rpcUrl(), WATCHER_KEY, AnvilProcess.CHAIN_ID, at);
    }

    @AfterEach
    void closeClients() {
        for (AdjudicatorClient c : new AdjudicatorClient[] {clientA, clientB, watcher}) {
            if (c != null) {
                c.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void openWithBothDepositsThenCooperativeClosePaysBothAtOnce() {
        ChannelState initial = openFundedChannel(salt(1));
        ChannelId id = initial.channelId();

        OnChainChannel open = clientA.channel(id);
        assertEquals(ChannelStatus.OPEN, open.status());
        assertEquals(A.address(), open.participantA());
        assertEquals(B.address(), open.participantB());
        assertEquals(DEPOSIT_A, open.balanceA());
        assertEquals(DEPOSIT_B, open.balanceB());
        assertEquals(DEPOSIT_A.plus(DEPOSIT_B), clientA.l1Balance(clientA.contractAddress()));

        // Off-chain: A pays B three times, then both sign the final state.
        ChannelState s = initial;
        for (int i = 0; i < 3; i++) {
            s = s.payFromAToB(FINNEY.plus(FINNEY), Bytes32.ZERO);
        }
        L1SignedChannelState fin = sign(s.finalState());
        assertArrayEquals(fin.state().digest(clientA.domain()), clientA.stateDigestOnChain(fin.state()),
                "Java and the contract sign and verify the same EIP-712 digest");

        Wei aBefore = clientA.l1Balance(A.address());
        Wei bBefore = clientA.l1Balance(B.address());
        ChannelTransaction tx = watcher.closeCooperatively(fin);
        record("finalizeCooperative", tx);

        assertEquals(aBefore.plus(fin.state().balanceA()), clientA.l1Balance(A.address()), "A paid at once");
        assertEquals(bBefore.plus(fin.state().balanceB()), clientA.l1Balance(B.address()), "B paid at once");
        assertEquals(DEPOSIT_A.minus(Wei.of(FINNEY.toBigInteger().multiply(BigInteger.valueOf(6)))), fin.state().balanceA());
        OnChainChannel closed = clientA.channel(id);
        assertEquals(ChannelStatus.CLOSED, closed.status());
        assertEquals(Wei.ZERO, closed.balanceA());
        assertEquals(Wei.ZERO, closed.balanceB());
        assertEquals(Wei.ZERO, clientA.l1Balance(clientA.contractAddress()));

        ChannelRefusedException again = refused(() -> watcher.closeCooperatively(fin));
        assertEquals(ChannelRefusal.UNEXPECTED_STATUS, again.reason());
        ChannelRefusedException nothing = refused(() -> clientA.withdraw(id));
        assertEquals(ChannelRefusal.NOTHING_TO_WITHDRAW, nothing.reason());
    }

    @Test
    void inADisputeTheNewerStateWinsAndWithdrawalsPayIt() {
        ChannelState initial = openFundedChannel(salt(2));
        ChannelId id = initial.channelId();
        L1SignedChannelState old = sign(initial.payFromBToA(FINNEY, Bytes32.ZERO)); // nonce 1: good for A
        L1SignedChannelState newer = sign(old.state().payFromAToB(Wei.of(new BigInteger("300000000000000000")),
                Bytes32.ZERO)); //                                                    nonce 2: good for B

        ChannelTransaction close = clientA.closeUnilaterally(old); // A cheats with the old state
        record("close", close);
        OnChainChannel closing = clientA.channel(id);
        assertEquals(ChannelStatus.CLOSING, closing.status());
        assertEquals(1, closing.nonce());
        assertTrue(closing.finalizesAt().isPresent());

        ChannelTransaction challenge = clientB.challenge(newer);
        record("challenge", challenge);
        assertEquals(2, clientA.channel(id).nonce());
        assertEquals(closing.finalizesAt(), clientA.channel(id).finalizesAt(), "a challenge does not extend the period");

        ChannelRefusedException stale = refused(() -> clientA.challenge(old));
        assertEquals(ChannelRefusal.STALE_STATE, stale.reason());
        assertEquals(List.of(BigInteger.TWO, BigInteger.ONE), stale.arguments());
        assertEquals(ChannelRefusal.STALE_STATE, refused(() -> clientA.challenge(newer)).reason(), "equal nonce");

        passChallengePeriod();

        Wei aBefore = clientA.l1Balance(A.address());
        ChannelTransaction withdrawA = clientA.withdraw(id);
        record("withdraw (first, finalizes)", withdrawA);
        assertEquals(aBefore.plus(newer.state().balanceA()).minus(withdrawA.fee()), clientA.l1Balance(A.address()));

        Wei bBefore = clientB.l1Balance(B.address());
        ChannelTransaction withdrawB = clientB.withdraw(id);
        record("withdraw (second)", withdrawB);
        assertEquals(bBefore.plus(newer.state().balanceB()).minus(withdrawB.fee()), clientB.l1Balance(B.address()));

        assertEquals(ChannelStatus.CLOSED, clientA.channel(id).status());
        assertEquals(Wei.ZERO, clientA.l1Balance(clientA.contractAddress()));
        assertEquals(ChannelRefusal.NOTHING_TO_WITHDRAW, refused(() -> clientB.withdraw(id)).reason());
    }

    @Test
    void noChallengeAfterThePeriodAndNoWithdrawalBeforeIt() {
        ChannelState initial = openFundedChannel(salt(3));
        ChannelId id = initial.channelId();
        L1SignedChannelState first = sign(initial.payFromAToB(FINNEY, Bytes32.ZERO));
        L1SignedChannelState second = sign(first.state().payFromAToB(FINNEY, Bytes32.ZERO));
        clientA.closeUnilaterally(first);

        ChannelRefusedException early = refused(() -> clientB.withdraw(id));
        assertEquals(ChannelRefusal.CHALLENGE_PERIOD_RUNNING, early.reason());
        assertNull(early.txHash(), "refused by simulation: nothing sent, no gas spent");

        passChallengePeriod();

        ChannelRefusedException late = refused(() -> clientB.challenge(second));
        assertEquals(ChannelRefusal.CHALLENGE_PERIOD_OVER, late.reason());
        ChannelRefusedException lateFinal = refused(() -> clientB.closeCooperatively(sign(second.state().finalState())));
        assertEquals(ChannelRefusal.CHALLENGE_PERIOD_OVER, lateFinal.reason());
        Wei bBefore = clientB.l1Balance(B.address());
        ChannelTransaction withdraw = clientB.withdraw(id);
        assertEquals(bBefore.plus(DEPOSIT_B.plus(FINNEY)).minus(withdraw.fee()), clientB.l1Balance(B.address()),
                "the registered (first) state is what pays");
    }

    @Test
    void refusesAStateOfAnotherChannel() {
        ChannelState one = openFundedChannel(salt(4));
        ChannelState two = openFundedChannel(salt(5));
        L1SignedChannelState signedForOne = sign(one.payFromAToB(FINNEY, Bytes32.ZERO));
        ChannelState sameValuesOnTwo = new ChannelState(two.channelId(), signedForOne.state().nonce(),
                signedForOne.state().balanceA(), signedForOne.state().balanceB(), signedForOne.state().appStateHash());
        L1SignedChannelState moved = new L1SignedChannelState(sameValuesOnTwo, signedForOne.signatureA(),
                signedForOne.signatureB());

        ChannelRefusedException e = refused(() -> clientA.closeUnilaterally(moved));
        assertEquals(ChannelRefusal.INVALID_SIGNATURE, e.reason());
        assertEquals(List.of(A.address().toString().toLowerCase()), e.arguments());

        ChannelId unknown = clientA.channelIdWith(B.address(), salt(99));
        ChannelRefusedException none = refused(() -> clientA.closeUnilaterally(
                sign(ChannelState.initial(unknown, DEPOSIT_A, DEPOSIT_B))));
        assertEquals(ChannelRefusal.UNKNOWN_CHANNEL, none.reason());
        assertEquals(ChannelStatus.OPEN, clientA.channel(two.channelId()).status());
    }

    @Test
    void refusesAStateSignedForAnotherChainOrAdjudicator() {
        ChannelState initial = openFundedChannel(salt(6));
        ChannelState next = initial.payFromAToB(FINNEY, Bytes32.ZERO);

        var otherChain = ChannelDomain.of(1, clientA.contractAddress());
        L1SignedChannelState forMainnet = L1SignedChannelState.sign(next, otherChain, A, B);
        assertEquals(ChannelRefusal.INVALID_SIGNATURE, refused(() -> clientA.closeUnilaterally(forMainnet)).reason());

        try (AdjudicatorClient other = AdjudicatorClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0,
                AnvilProcess.CHAIN_ID, PERIOD)) {
            L1SignedChannelState forOtherAdjudicator = L1SignedChannelState.sign(next, other.domain(), A, B);
            assertEquals(ChannelRefusal.INVALID_SIGNATURE,
                    refused(() -> clientA.closeUnilaterally(forOtherAdjudicator)).reason());
        }
        assertEquals(ChannelStatus.OPEN, clientA.channel(initial.channelId()).status());
        clientA.closeUnilaterally(sign(next)); // the same state in the right domain is accepted
    }

    @Test
    void refusesBadSignatures() {
        ChannelState initial = openFundedChannel(salt(7));
        ChannelState next = initial.payFromAToB(FINNEY, Bytes32.ZERO);
        var domain = clientA.domain();

        L1SignedChannelState strangerForB = new L1SignedChannelState(next, A.sign(next.digest(domain)), STRANGER.sign(next.digest(domain)));
        ChannelRefusedException e = refused(() -> clientA.closeUnilaterally(strangerForB));
        assertEquals(ChannelRefusal.INVALID_SIGNATURE, e.reason());
        assertEquals(List.of(B.address().toString().toLowerCase()), e.arguments());

        L1SignedChannelState swapped = new L1SignedChannelState(next, B.sign(next.digest(domain)), A.sign(next.digest(domain)));
        assertEquals(ChannelRefusal.INVALID_SIGNATURE, refused(() -> clientA.closeUnilaterally(swapped)).reason());

        L1SignedChannelState otherState = sign(next.payFromAToB(FINNEY, Bytes32.ZERO));
        L1SignedChannelState mismatched = new L1SignedChannelState(next, otherState.signatureA(), otherState.signatureB());
        assertEquals(ChannelRefusal.INVALID_SIGNATURE, refused(() -> clientA.closeUnilaterally(mismatched)).reason());
    }

    @Test
    void refusesBalancesThatDoNotSumToTheDeposits() {
        ChannelState initial = openFundedChannel(salt(8));
        ChannelState tooMuch = new ChannelState(initial.channelId(), 1, DEPOSIT_A, DEPOSIT_B.plus(Wei.of(1)),
                Bytes32.ZERO);
        ChannelRefusedException e = refused(() -> clientA.closeUnilaterally(sign(tooMuch)));
        assertEquals(ChannelRefusal.BALANCE_SUM_MISMATCH, e.reason());
        assertEquals(List.of(DEPOSIT_A.plus(DEPOSIT_B).toBigInteger(), DEPOSIT_A.toBigInteger(),
                DEPOSIT_B.toBigInteger().add(BigInteger.ONE)), e.arguments());

        ChannelState allOfIt = new ChannelState(initial.channelId(), 1, Wei.of(Wei.MAX), Wei.ZERO,
                ChannelState.FINAL_APP_STATE);
        assertEquals(ChannelRefusal.BALANCE_SUM_MISMATCH,
                refused(() -> watcher.closeCooperatively(sign(allOfIt))).reason());
        ChannelState tooLittle = new ChannelState(initial.channelId(), 1, DEPOSIT_A, Wei.ZERO,
                ChannelState.FINAL_APP_STATE);
        assertEquals(ChannelRefusal.BALANCE_SUM_MISMATCH,
                refused(() -> watcher.closeCooperatively(sign(tooLittle))).reason(), "value cannot be stranded either");
        assertEquals(DEPOSIT_A.plus(DEPOSIT_B), clientA.l1Balance(clientA.contractAddress()));
    }

    @Test
    void aCooperativeCloseNeedsAFinalState() {
        ChannelState initial = openFundedChannel(salt(9));
        L1SignedChannelState notFinal = sign(initial.payFromAToB(FINNEY, Bytes32.ZERO));
        assertEquals(ChannelRefusal.NOT_FINAL_STATE, refused(() -> watcher.closeCooperatively(notFinal)).reason());
    }

    @Test
    void aFinalStateEndsADisputeAtOnce() {
        ChannelState initial = openFundedChannel(salt(10));
        L1SignedChannelState old = sign(initial.payFromAToB(FINNEY, Bytes32.ZERO));
        clientA.closeUnilaterally(old);
        L1SignedChannelState fin = sign(old.state().payFromAToB(FINNEY, Bytes32.ZERO).finalState());
        Wei bBefore = clientA.l1Balance(B.address());
        watcher.closeCooperatively(fin);
        assertEquals(bBefore.plus(fin.state().balanceB()), clientA.l1Balance(B.address()));
        assertEquals(ChannelStatus.CLOSED, clientA.channel(initial.channelId()).status());
    }

    @Test
    void openingRules() {
        Bytes32 salt = salt(11);
        ChannelId id = clientA.open(B.address(), salt, DEPOSIT_A, DEPOSIT_B).id();
        assertEquals(ChannelStatus.OPENING, clientA.channel(id).status());
        assertEquals(DEPOSIT_B, clientA.channel(id).balanceB(), "the deposit B must make");

        ChannelRefusedException wrong = refused(() -> clientB.deposit(id, DEPOSIT_B.plus(Wei.of(1))));
        assertEquals(ChannelRefusal.WRONG_DEPOSIT, wrong.reason());
        assertEquals(ChannelRefusal.NOT_PARTICIPANT, refused(() -> watcher.deposit(id, DEPOSIT_B)).reason());
        assertEquals(ChannelRefusal.CHANNEL_EXISTS,
                refused(() -> clientA.open(B.address(), salt, DEPOSIT_A, DEPOSIT_B)).reason());
        assertThrows(IllegalArgumentException.class, () -> clientA.open(A.address(), salt(12), DEPOSIT_A, Wei.ZERO),
                "a channel with oneself is refused before anything is sent");
        assertEquals(ChannelRefusal.INVALID_COUNTERPARTY, refused(() -> clientA.open(
                AgentAddress.of(new byte[AgentAddress.LENGTH]), salt(12), DEPOSIT_A, Wei.ZERO)).reason());
        assertEquals(ChannelRefusal.UNEXPECTED_STATUS,
                refused(() -> clientA.closeUnilaterally(sign(ChannelState.initial(id, DEPOSIT_A, DEPOSIT_B)))).reason(),
                "no close before B funded");

        // B never funds: A cancels and gets its deposit back in the same transaction.
        Wei aBefore = clientA.l1Balance(A.address());
        ChannelTransaction cancel = clientA.cancel(id);
        record("cancel", cancel);
        assertEquals(aBefore.plus(DEPOSIT_A).minus(cancel.fee()), clientA.l1Balance(A.address()));
        assertEquals(ChannelStatus.CLOSED, clientA.channel(id).status());
        assertEquals(ChannelRefusal.CHANNEL_EXISTS,
                refused(() -> clientA.open(B.address(), salt, DEPOSIT_A, DEPOSIT_B)).reason(), "ids are never reused");

        // Nothing asked of B: open at once.
        ChannelTransaction oneSided = clientA.open(B.address(), salt(13), DEPOSIT_A, Wei.ZERO).transaction();
        record("open (B deposits nothing)", oneSided);
        assertEquals(ChannelStatus.OPEN, clientA.channel(clientA.channelIdWith(B.address(), salt(13))).status());
    }

    // ---------------------------------------------------------------------------------------------

    /** Both sign the nonce-0 state first (B's way out), then A opens and B deposits. */
    private ChannelState openFundedChannel(Bytes32 salt) {
        ChannelState initial = ChannelState.initial(clientA.channelIdWith(B.address(), salt), DEPOSIT_A, DEPOSIT_B);
        sign(initial);
        AdjudicatorClient.OpenedChannel opened = clientA.open(B.address(), salt, DEPOSIT_A, DEPOSIT_B);
        assertEquals(initial.channelId(), opened.id());
        record("open (B to deposit)", opened.transaction());
        record("deposit", clientB.deposit(opened.id(), DEPOSIT_B));
        assertEquals(ChannelStatus.OPEN, clientA.channel(opened.id()).status(), "the Java id is the contract's id");
        return initial;
    }

    private L1SignedChannelState sign(ChannelState state) {
        L1SignedChannelState signed = L1SignedChannelState.sign(state, clientA.domain(), A, B);
        assertTrue(signed.withoutRecoveryIds().isSignedByBoth(clientA.domain(), A.address(), B.address()));
        return signed;
    }

    private static void passChallengePeriod() {
        anvil.rpc("evm_increaseTime", "[" + (PERIOD.toSeconds() + 1) + "]");
        anvil.rpc("evm_mine", "[]");
    }

    private static Bytes32 salt(int n) {
        byte[] bytes = new byte[32];
        bytes[31] = (byte) n;
        return Bytes32.of(bytes);
    }

    private static ChannelRefusedException refused(Supplier<?> operation) {
        return assertThrows(ChannelRefusedException.class, operation::get);
    }

    private static void record(String operation, ChannelTransaction tx) {
        GAS.merge(operation, tx.gasUsed(), Math::max);
    }

    private static void recordDeploymentGas() {
        String block = anvil.rpc("eth_getBlockByNumber", "[\"latest\",false]");
        String txHash = block.replaceAll("(?s).*\"transactions\":\\[\"(0x[0-9a-f]{64})\".*", "$1");
        String receipt = anvil.rpc("eth_getTransactionReceipt", "[\"" + txHash + "\"]");
        String gasHex = receipt.replaceAll("(?s).*\"gasUsed\":\"0x([0-9a-f]+)\".*", "$1");
        GAS.merge("deploy", Long.parseLong(gasHex, 16), Math::max);
    }
}
