package io.agnt2.protocol.channel;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;

import static io.agnt2.protocol.channel.ChannelFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class SignedChannelStateTest {

    @Test
    void bothSignaturesVerifyInTheirRoles() {
        SignedChannelState signed = SignedChannelState.sign(state(1, 10, 20), DOMAIN, A, B);
        assertTrue(signed.isSignedByBoth(DOMAIN, A.address(), B.address()));
        assertFalse(signed.isSignedByBoth(DOMAIN, B.address(), A.address()), "roles are not interchangeable");
    }

    @Test
    void separatelyMadeSignaturesCombine() {
        ChannelState state = state(2, 15, 15);
        SignedChannelState signed = new SignedChannelState(state, state.sign(A, DOMAIN), state.sign(B, DOMAIN));
        assertEquals(SignedChannelState.sign(state, DOMAIN, A, B), signed, "RFC 6979: deterministic signatures");
    }

    @Test
    void aSignatureDoesNotCarryOverToAnotherDomainStateOrChannel() {
        SignedChannelState signed = SignedChannelState.sign(state(1, 10, 20), DOMAIN, A, B);
        assertFalse(signed.isSignedByBoth(ChannelDomain.of(1, ADJUDICATOR), A.address(), B.address()));
        assertFalse(signed.isSignedByBoth(ChannelDomain.of(CHAIN_ID, AgentAddress.of("0x" + "42".repeat(20))),
                A.address(), B.address()));

        ChannelState richer = state(1, 20, 10);
        assertFalse(new SignedChannelState(richer, signed.signatureA(), signed.signatureB())
                .isSignedByBoth(DOMAIN, A.address(), B.address()));

        ChannelId other = ChannelId.derive(CHAIN_ID, ADJUDICATOR, A.address(), B.address(), Bytes32.ZERO);
        ChannelState sameValuesOtherChannel = new ChannelState(other, 1, Wei.of(10), Wei.of(20),
                signed.state().appStateHash());
        assertFalse(new SignedChannelState(sameValuesOtherChannel, signed.signatureA(), signed.signatureB())
                .isSignedByBoth(DOMAIN, A.address(), B.address()));
    }

    @Test
    void oneSignatureTwiceIsNotBoth() {
        ChannelState state = state(1, 10, 20);
        SignedChannelState onlyA = new SignedChannelState(state, state.sign(A, DOMAIN), state.sign(A, DOMAIN));
        assertFalse(onlyA.isSignedByBoth(DOMAIN, A.address(), B.address()));
    }

    @Test
    void forL1GivesTheSignaturesAWalletGivesWithV() {
        ChannelState state = state(3, 12, 18);
        SignedChannelState signed = SignedChannelState.sign(state, DOMAIN, A, B);
        L1SignedChannelState forL1 = signed.forL1(DOMAIN, A.address(), B.address());
        assertEquals(L1SignedChannelState.sign(state, DOMAIN, A, B), forL1);
        assertEquals(signed, forL1.withoutRecoveryIds());
    }

    @Test
    void forL1RefusesASignatureOfSomeoneElse() {
        SignedChannelState signed = SignedChannelState.sign(state(1, 10, 20), DOMAIN, A, B);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> signed.forL1(DOMAIN, B.address(), A.address()));
        assertTrue(e.getMessage().contains("signature A of nonce 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> signed.forL1(ChannelDomain.of(1, ADJUDICATOR),
                A.address(), B.address()), "another domain");
    }
}
