package io.agnt2.channel.transport;

import io.agnt2.protocol.channel.ChannelState;
import io.agnt2.protocol.crypto.CompactSignature;

import java.util.Objects;

/** A state one participant proposes, with only its own signature: the peer adds the second one. */
public record StateProposal(ChannelState state, CompactSignature proposerSignature) {

    public StateProposal {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(proposerSignature, "proposerSignature");
    }
}
