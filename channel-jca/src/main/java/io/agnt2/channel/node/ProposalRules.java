package io.agnt2.channel.node;

import io.agnt2.channel.transport.ChannelMessage;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Wei;

/**
 * What a proposed state must satisfy before a node signs it, apart from the proposer's signature (which
 * needs the keys, see {@link LocalChannel}). The cheap checks come first, so a flood of bad proposals
 * costs no signature recovery.
 *
 * <p>Policy: a proposal may raise or keep the receiver's balance, never lower it. The proposer can only
 * pay the other side (or change the app state hash); to be paid, an agent asks the other side to
 * propose. So an agent never has to judge whether it owes what a peer claims, and a node can counter-sign
 * automatically, without asking its application. The receiver's early ACCEPT (its counter-signature
 * leaves before its own journal has the state, decision 0012) is safe only because of this rule: a
 * policy that let a proposal lower the receiver's balance must make ACCEPT wait for the journal again.
 */
final class ProposalRules {

    private ProposalRules() {
    }

    /** A nonce-0 state proposed by participant A for a channel the receiver does not have yet. */
    static void checkOpen(Eip712Domain domain, ChannelMessage.OpenProposal open) {
        ChannelState state = open.proposal().state();
        if (open.chainId() != domain.chainId()) {
            throw refused(ChannelRefusal.WRONG_CHAIN, "proposed for chain " + open.chainId() + ", this node signs for chain "
                    + domain.chainId());
        }
        if (!open.adjudicator().equals(domain.verifyingContract())) {
            throw refused(ChannelRefusal.WRONG_ADJUDICATOR, "proposed for adjudicator " + open.adjudicator()
                    + ", this node signs for " + domain.verifyingContract());
        }
        if (open.participantA().equals(open.participantB())) {
            throw refused(ChannelRefusal.WRONG_CHANNEL, "a channel needs two different participants");
        }
        ChannelId expected = ChannelId.derive(domain.chainId(), domain.verifyingContract(), open.participantA(),
                open.participantB(), open.salt());
        if (!expected.equals(state.channelId())) {
            throw refused(ChannelRefusal.WRONG_CHANNEL, "channel id " + state.channelId() + " is not " + expected
                    + ", derived from the domain, the participants and the salt");
        }
        if (state.nonce() != 0) {
            throw refused(ChannelRefusal.WRONG_NONCE, "a channel opens at nonce 0, proposed " + state.nonce());
        }
        if (state.isFinal()) {
            throw refused(ChannelRefusal.CHANNEL_FINAL, "a channel cannot open with a final state");
        }
    }

    /**
     * The next state after {@code latest}, seen from the receiver.
     *
     * @param receiverIsA whether the side that would counter-sign is participant A
     */
    static void checkUpdate(ChannelState latest, ChannelState proposed, boolean receiverIsA) {
        if (!proposed.channelId().equals(latest.channelId())) {
            throw refused(ChannelRefusal.WRONG_CHANNEL, "state of " + proposed.channelId() + " proposed for "
                    + latest.channelId());
        }
        if (latest.isFinal()) {
            throw refused(ChannelRefusal.CHANNEL_FINAL, "state " + latest.nonce() + " of " + latest.channelId()
                    + " is final");
        }
        if (proposed.nonce() != latest.nonce() + 1) {
            throw refused(ChannelRefusal.WRONG_NONCE, "proposed nonce " + proposed.nonce() + ", expected "
                    + (latest.nonce() + 1));
        }
        if (!proposed.total().equals(latest.total())) {
            throw refused(ChannelRefusal.TOTAL_CHANGED, "total " + proposed.total() + " instead of " + latest.total());
        }
        Wei before = receiverIsA ? latest.balanceA() : latest.balanceB();
        Wei after = receiverIsA ? proposed.balanceA() : proposed.balanceB();
        if (after.compareTo(before) < 0) {
            throw refused(ChannelRefusal.NOT_A_PAYMENT_TO_US, "the receiver's balance would fall from " + before
                    + " to " + after);
        }
    }

    private static ChannelRefusedException refused(ChannelRefusal reason, String message) {
        return new ChannelRefusedException(reason, message);
    }
}
