package io.agnt2.settlement.infrastructure.l1.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.interaction.L1EventPosition;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import io.agnt2.settlement.infrastructure.l1.L1Transactor;
import io.agnt2.settlement.infrastructure.l1.RollupException;
import io.agnt2.settlement.infrastructure.l1.contract.ChannelAdjudicator;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the adjudicator's event log ({@code eth_getLogs}) and decodes it with the generated wrapper's
 * event definitions: a range of blocks in L1 order, or one channel's whole history (every event has
 * the channel id as its first indexed topic).
 */
public final class AdjudicatorEvents {

    private static final String OPENED = EventEncoder.encode(ChannelAdjudicator.CHANNELOPENED_EVENT);
    private static final String FUNDED = EventEncoder.encode(ChannelAdjudicator.CHANNELFUNDED_EVENT);
    private static final String CANCELLED = EventEncoder.encode(ChannelAdjudicator.CHANNELCANCELLED_EVENT);
    private static final String CLOSING = EventEncoder.encode(ChannelAdjudicator.CHANNELCLOSING_EVENT);
    private static final String CHALLENGED = EventEncoder.encode(ChannelAdjudicator.CHANNELCHALLENGED_EVENT);
    private static final String FINALIZED = EventEncoder.encode(ChannelAdjudicator.CHANNELFINALIZED_EVENT);

    private final L1Transactor l1;
    private final String address;

    AdjudicatorEvents(L1Transactor l1, AgentAddress address) {
        this.l1 = l1;
        this.address = address.toString();
    }

    /** The newest L1 block number. */
    public long latestBlock() {
        return l1.read(() -> l1.web3j().ethBlockNumber().send().getBlockNumber(), "eth_blockNumber").longValueExact();
    }

    /** The events of blocks {@code fromBlock..toBlock} (inclusive), in L1 order. */
    public List<AdjudicatorEvent> between(long fromBlock, long toBlock) {
        return read(new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)), address),
                "eth_getLogs(" + fromBlock + ".." + toBlock + ")");
    }

    /** Everything that happened to {@code channel} up to and including block {@code toBlock}, in L1 order. */
    public List<AdjudicatorEvent> history(ChannelId channel, long toBlock) {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST,
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)), address);
        filter.addNullTopic();
        filter.addSingleTopic(channel.toString());
        return read(filter, "eth_getLogs(channel " + channel + ")");
    }

    private List<AdjudicatorEvent> read(EthFilter filter, String what) {
        EthLog response = l1.read(() -> l1.web3j().ethGetLogs(filter).send(), what);
        if (response.hasError()) {
            throw new RollupException(what + " failed: " + response.getError().getMessage());
        }
        List<EthLog.LogResult<?>> results = response.getLogs();
        List<AdjudicatorEvent> events = new ArrayList<>(results.size());
        for (EthLog.LogResult<?> result : results) {
            if (result.get() instanceof Log log && !log.isRemoved()) {
                decode(log).ifPresent(events::add);
            }
        }
        return events;
    }

    private static Optional<AdjudicatorEvent> decode(Log log) {
        if (log.getTopics().isEmpty()) {
            return Optional.empty();
        }
        String signature = log.getTopics().getFirst();
        long position = L1EventPosition.of(log.getBlockNumber().longValueExact(), log.getLogIndex().longValueExact());
        if (OPENED.equals(signature)) {
            var e = ChannelAdjudicator.getChannelOpenedEventFromLog(log);
            return Optional.of(new AdjudicatorEvent.Opened(id(e.channelId), position, AgentAddress.of(e.participantA),
                    AgentAddress.of(e.participantB), Wei.of(e.depositA), Wei.of(e.depositB)));
        }
        if (FUNDED.equals(signature)) {
            var e = ChannelAdjudicator.getChannelFundedEventFromLog(log);
            return Optional.of(new AdjudicatorEvent.Funded(id(e.channelId), position, Wei.of(e.depositB)));
        }
        if (CANCELLED.equals(signature)) {
            var e = ChannelAdjudicator.getChannelCancelledEventFromLog(log);
            return Optional.of(new AdjudicatorEvent.Cancelled(id(e.channelId), position));
        }
        if (CLOSING.equals(signature)) {
            var e = ChannelAdjudicator.getChannelClosingEventFromLog(log);
            return Optional.of(new AdjudicatorEvent.Closing(id(e.channelId), position, AgentAddress.of(e.closer),
                    e.nonce.longValueExact(), Wei.of(e.balanceA), Wei.of(e.balanceB)));
        }
        if (CHALLENGED.equals(signature)) {
            var e = ChannelAdjudicator.getChannelChallengedEventFromLog(log);
            return Optional.of(new AdjudicatorEvent.Challenged(id(e.channelId), position, e.nonce.longValueExact(),
                    Wei.of(e.balanceA), Wei.of(e.balanceB)));
        }
        if (FINALIZED.equals(signature)) {
            var e = ChannelAdjudicator.getChannelFinalizedEventFromLog(log);
            return Optional.of(new AdjudicatorEvent.Finalized(id(e.channelId), position, e.nonce.longValueExact(),
                    Wei.of(e.balanceA), Wei.of(e.balanceB)));
        }
        return Optional.empty(); // Withdrawn, PayoutDeferred: money after the end, not the channel's life
    }

    private static ChannelId id(byte[] channelId) {
        return new ChannelId(Bytes32.of(channelId));
    }
}
