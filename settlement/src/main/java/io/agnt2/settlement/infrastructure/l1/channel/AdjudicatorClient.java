package io.agnt2.settlement.infrastructure.l1.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelDomain;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.channel.L1SignedChannelState;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import io.agnt2.settlement.infrastructure.l1.L1Settings;
import io.agnt2.settlement.infrastructure.l1.L1Transactor;
import io.agnt2.settlement.infrastructure.l1.RollupException;
import io.agnt2.settlement.infrastructure.l1.RollupRevertedException;
import io.agnt2.settlement.infrastructure.l1.contract.ChannelAdjudicator;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * One agent's handle on the {@code ChannelAdjudicator} contract on L1: deploy or attach, open and fund
 * channels, close them cooperatively or unilaterally, challenge, withdraw, and read a channel.
 *
 * <p>Same shape as {@link io.agnt2.settlement.infrastructure.l1.RollupClient} (plain Java, one
 * {@link L1Transactor}: one key, one nonce sequence, simulate before send, receipt polling, closed
 * by {@link #close()}). The key is the agent's L1 account: it pays the deposits and the gas and is
 * what {@code withdraw} pays to. Who submits a close or a challenge does not matter to the contract
 * (the two signatures in the state do), so a watcher may use its own key.
 *
 * <p>Refusals come back as {@link ChannelRefusedException} with a {@link ChannelRefusal}; node failures
 * as {@link RollupException}.
 */
public final class AdjudicatorClient implements AutoCloseable {

    private static final List<CustomError> ERRORS = List.of(
            ChannelAdjudicator.ZEROCHALLENGEPERIOD_ERROR,
            ChannelAdjudicator.INVALIDCOUNTERPARTY_ERROR,
            ChannelAdjudicator.CHANNELEXISTS_ERROR,
            ChannelAdjudicator.UNKNOWNCHANNEL_ERROR,
            ChannelAdjudicator.UNEXPECTEDSTATUS_ERROR,
            ChannelAdjudicator.NOTPARTICIPANT_ERROR,
            ChannelAdjudicator.WRONGDEPOSIT_ERROR,
            ChannelAdjudicator.DEPOSITTOOLARGE_ERROR,
            ChannelAdjudicator.BALANCESUMMISMATCH_ERROR,
            ChannelAdjudicator.INVALIDSIGNATURE_ERROR,
            ChannelAdjudicator.NOTFINALSTATE_ERROR,
            ChannelAdjudicator.STALESTATE_ERROR,
            ChannelAdjudicator.CHALLENGEPERIODOVER_ERROR,
            ChannelAdjudicator.CHALLENGEPERIODRUNNING_ERROR,
            ChannelAdjudicator.NOTHINGTOWITHDRAW_ERROR,
            ChannelAdjudicator.TRANSFERFAILED_ERROR,
            ChannelAdjudicator.REENTRANCY_ERROR);

    private static final String CLIENT_NAME = "AdjudicatorClient";

    private final L1Transactor l1;
    private final ChannelAdjudicator contract;
    private final AgentAddress address;
    private final Eip712Domain domain;

    private AdjudicatorClient(L1Transactor l1, String contractAddress) {
        this.l1 = l1;
        this.contract = ChannelAdjudicator.load(contractAddress, l1.web3j(), l1.transactionManager(), l1.gasProvider());
        this.address = AgentAddress.of(contractAddress);
        this.domain = ChannelDomain.of(l1.chainId(), address);
    }

    /** Deploys a new adjudicator whose unilateral closes can be challenged for {@code challengePeriod}. */
    public static AdjudicatorClient deploy(String rpcUrl, String privateKeyHex, long chainId, Duration challengePeriod) {
        return deploy(rpcUrl, privateKeyHex, chainId, challengePeriod, L1Settings.defaults());
    }

    public static AdjudicatorClient deploy(String rpcUrl, String privateKeyHex, long chainId, Duration challengePeriod,
                                           L1Settings settings) {
        if (challengePeriod.isNegative() || challengePeriod.toSeconds() < 1) {
            throw new IllegalArgumentException("challenge period must be at least one second, got " + challengePeriod);
        }
        L1Transactor l1 = L1Transactor.connect(rpcUrl, privateKeyHex, chainId, settings, ERRORS, CLIENT_NAME);
        try {
            String data = ChannelAdjudicator.BINARY
                    + FunctionEncoder.encodeConstructor(List.of(new Uint64(challengePeriod.toSeconds())));
            TransactionReceipt receipt = refusalsTyped(() -> l1.deploy(data, "deploy ChannelAdjudicator"));
            return new AdjudicatorClient(l1, receipt.getContractAddress());
        } catch (RuntimeException e) {
            l1.close();
            throw e;
        }
    }

    /** Attaches to a deployed adjudicator; fails at once if no code is there. */
    public static AdjudicatorClient at(String rpcUrl, String privateKeyHex, long chainId, String contractAddress) {
        return at(rpcUrl, privateKeyHex, chainId, contractAddress, L1Settings.defaults());
    }

    public static AdjudicatorClient at(String rpcUrl, String privateKeyHex, long chainId, String contractAddress,
                                       L1Settings settings) {
        Objects.requireNonNull(contractAddress, "contractAddress");
        L1Transactor l1 = L1Transactor.connect(rpcUrl, privateKeyHex, chainId, settings, ERRORS, CLIENT_NAME);
        try {
            l1.requireCode(contractAddress);
            return new AdjudicatorClient(l1, contractAddress);
        } catch (RuntimeException e) {
            l1.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Opening

    /** The id {@link #open} will give a channel from this client's account to {@code participantB}. */
    public ChannelId channelIdWith(AgentAddress participantB, Bytes32 salt) {
        return ChannelId.derive(l1.chainId(), address, sender(), participantB, salt);
    }

    /**
     * Opens a channel as participant A, depositing {@code depositA}; B must then {@link #deposit}
     * exactly {@code depositB} (none needed if it is zero). Have B co-sign
     * {@link ChannelState#initial the nonce-0 state} first: it is A's way out if B stops answering.
     *
     * @return the channel's id, which is {@link #channelIdWith(AgentAddress, Bytes32)}
     */
    public OpenedChannel open(AgentAddress participantB, Bytes32 salt, Wei depositA, Wei depositB) {
        ChannelId id = channelIdWith(participantB, salt);
        ChannelTransaction tx = send(contract.open(participantB.toString(), salt.bytes(),
                depositB.toBigInteger(), depositA.toBigInteger()), depositA, "open(" + id + ")");
        return new OpenedChannel(id, tx);
    }

    /** A channel just opened and the transaction that opened it. */
    public record OpenedChannel(ChannelId id, ChannelTransaction transaction) {
    }

    /** B's deposit into an OPENING channel; must equal the deposit A's open named. */
    public ChannelTransaction deposit(ChannelId channelId, Wei amount) {
        return send(contract.deposit(channelId.bytes(), amount.toBigInteger()), amount, "deposit(" + channelId + ")");
    }

    /** A takes its deposit back from a channel B never funded; paid in the same transaction. */
    public ChannelTransaction cancel(ChannelId channelId) {
        return send(contract.cancel(channelId.bytes()), Wei.ZERO, "cancel(" + channelId + ")");
    }

    // ---------------------------------------------------------------------------------------------
    // Closing

    /** Pays both participants at once; {@code finalState} must be {@link ChannelState#isFinal() final}. */
    public ChannelTransaction closeCooperatively(L1SignedChannelState finalState) {
        return send(contract.finalizeCooperative(abi(finalState.state()), sigA(finalState), sigB(finalState)),
                Wei.ZERO, "finalizeCooperative(" + describe(finalState) + ")");
    }

    /** Registers {@code latest} and starts the challenge period. */
    public ChannelTransaction closeUnilaterally(L1SignedChannelState latest) {
        return send(contract.close(abi(latest.state()), sigA(latest), sigB(latest)),
                Wei.ZERO, "close(" + describe(latest) + ")");
    }

    /** Replaces the registered state with {@code newer} (strictly higher nonce) within the period. */
    public ChannelTransaction challenge(L1SignedChannelState newer) {
        return send(contract.challenge(abi(newer.state()), sigA(newer), sigB(newer)),
                Wei.ZERO, "challenge(" + describe(newer) + ")");
    }

    /** Pays this client's account its balance of a closed channel (after the challenge period). */
    public ChannelTransaction withdraw(ChannelId channelId) {
        return send(contract.withdraw(channelId.bytes()), Wei.ZERO, "withdraw(" + channelId + ")");
    }

    // ---------------------------------------------------------------------------------------------
    // Reads

    public OnChainChannel channel(ChannelId channelId) {
        var t = l1.read(() -> contract.channel(channelId.bytes()).send(), "channel(" + channelId + ")");
        long finalizesAt = t.component5().longValueExact();
        return new OnChainChannel(AgentAddress.of(t.component1()), AgentAddress.of(t.component2()),
                ChannelStatus.ofOrdinal(t.component3().intValueExact()), t.component4().longValueExact(),
                finalizesAt == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(finalizesAt)),
                Wei.of(t.component6()), Wei.of(t.component7()));
    }

    /** The adjudicator's event log, read through this client's connection. */
    public AdjudicatorEvents events() {
        return new AdjudicatorEvents(l1, address);
    }

    /** The digest the contract verifies for {@code state}; equals {@code state.digest(domain())}. */
    public byte[] stateDigestOnChain(ChannelState state) {
        return l1.read(() -> contract.stateDigest(abi(state)).send(), "stateDigest(" + state.channelId() + ")");
    }

    public Duration challengePeriod() {
        return Duration.ofSeconds(l1.read(() -> contract.challengePeriod().send(), "challengePeriod()").longValueExact());
    }

    /** The EIP-712 domain states of this adjudicator are signed in. */
    public Eip712Domain domain() {
        return domain;
    }

    /** Balance of any account on L1, e.g. to see a payout arrive. */
    public Wei l1Balance(AgentAddress account) {
        return Wei.of(l1.balanceOf(account.toString()));
    }

    public AgentAddress contractAddress() {
        l1.ensureOpen();
        return address;
    }

    /** The account this client signs transactions with. */
    public AgentAddress sender() {
        return AgentAddress.of(l1.senderAddress());
    }

    public long chainId() {
        return l1.chainId();
    }

    @Override
    public void close() {
        l1.close();
    }

    // ---------------------------------------------------------------------------------------------

    private ChannelTransaction send(RemoteFunctionCall<TransactionReceipt> call, Wei value, String operation) {
        l1.ensureOpen();
        String data = call.encodeFunctionCall();
        TransactionReceipt r = refusalsTyped(() ->
                l1.send(contract.getContractAddress(), data, value.toBigInteger(), operation));
        BigInteger gasUsed = r.getGasUsed();
        BigInteger price = r.getEffectiveGasPrice() == null ? BigInteger.ZERO : Numeric.decodeQuantity(r.getEffectiveGasPrice());
        return new ChannelTransaction(operation, r.getTransactionHash(), r.getBlockNumber().longValueExact(),
                gasUsed.longValueExact(), Wei.of(gasUsed.multiply(price)));
    }

    private interface L1Call<T> {
        T run();
    }

    private static <T> T refusalsTyped(L1Call<T> call) {
        try {
            return call.run();
        } catch (RollupRevertedException e) {
            throw new ChannelRefusedException(e);
        }
    }

    private static ChannelAdjudicator.ChannelState abi(ChannelState state) {
        return new ChannelAdjudicator.ChannelState(state.channelId().bytes(), BigInteger.valueOf(state.nonce()),
                state.balanceA().toBigInteger(), state.balanceB().toBigInteger(), state.appStateHash().bytes());
    }

    private static byte[] sigA(L1SignedChannelState signed) {
        return signed.signatureA().toBytes();
    }

    private static byte[] sigB(L1SignedChannelState signed) {
        return signed.signatureB().toBytes();
    }

    private static String describe(L1SignedChannelState signed) {
        return signed.state().channelId() + ", nonce " + signed.state().nonce();
    }
}
