package io.agnt2.protocol.channel;

import io.agnt2.protocol.Hex;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.StructuredDataEncoder;

import static io.agnt2.protocol.channel.ChannelFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The channel state's EIP-712 form, checked against web3j's JSON-driven encoder, and its update rules. */
class ChannelStateTest {

    @Test
    void typeIsTheAdjudicatorsType() {
        assertEquals("ChannelState(bytes32 channelId,uint64 nonce,uint256 balanceA,uint256 balanceB,bytes32 appStateHash)",
                ChannelState.TYPE.definition());
        assertEquals("AGNT2 Channels", DOMAIN.name());
        assertEquals("1", DOMAIN.version());
    }

    @Test
    void digestEqualsWeb3j() throws Exception {
        assertDigestEqualsWeb3j(state(0, 1_000, 500), DOMAIN);
        assertDigestEqualsWeb3j(state(Long.MAX_VALUE, 0, 0), DOMAIN);
        assertDigestEqualsWeb3j(new ChannelState(CHANNEL, 7, Wei.of(Wei.MAX), Wei.ZERO, ChannelState.FINAL_APP_STATE),
                ChannelDomain.of(1, AgentAddress.of("0x" + "42".repeat(20))));
    }

    @Test
    void domainSeparatorEqualsWeb3j() throws Exception {
        assertArrayEquals(web3j(state(1, 1, 1), DOMAIN).hashDomain(), DOMAIN.separator());
    }

    @Test
    void theDigestBindsTheChainAndTheAdjudicator() {
        ChannelState state = state(3, 10, 20);
        byte[] here = state.digest(DOMAIN);
        assertFalse(java.util.Arrays.equals(here, state.digest(ChannelDomain.of(1, ADJUDICATOR))));
        assertFalse(java.util.Arrays.equals(here,
                state.digest(ChannelDomain.of(CHAIN_ID, AgentAddress.of("0x" + "42".repeat(20))))));
    }

    @Test
    void updatesRaiseTheNonceAndKeepTheTotal() {
        ChannelState initial = ChannelState.initial(CHANNEL, Wei.of(1_000), Wei.of(500));
        assertEquals(0, initial.nonce());
        ChannelState paid = initial.payFromAToB(Wei.of(300), Bytes32.ZERO);
        assertEquals(1, paid.nonce());
        assertEquals(Wei.of(700), paid.balanceA());
        assertEquals(Wei.of(800), paid.balanceB());
        assertEquals(initial.total(), paid.total());
        ChannelState back = paid.payFromBToA(Wei.of(100), Bytes32.ZERO);
        assertEquals(Wei.of(800), back.balanceA());

        ChannelState fin = back.finalState();
        assertTrue(fin.isFinal());
        assertEquals(3, fin.nonce());
        assertEquals(back.balanceA(), fin.balanceA());
        assertThrows(IllegalStateException.class, () -> fin.payFromAToB(Wei.of(1), Bytes32.ZERO));

        assertThrows(IllegalArgumentException.class, () -> initial.next(Wei.of(1_000), Wei.of(501), Bytes32.ZERO),
                "an update cannot create value");
        assertThrows(ArithmeticException.class, () -> initial.payFromAToB(Wei.of(1_001), Bytes32.ZERO),
                "A cannot pay more than it has");
    }

    @Test
    void refusesInvalidValues() {
        assertThrows(IllegalArgumentException.class, () -> state(-1, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ChannelState(CHANNEL, 0, Wei.of(Wei.MAX), Wei.of(1), Bytes32.ZERO));
        assertThrows(NullPointerException.class, () -> new ChannelState(null, 0, Wei.ZERO, Wei.ZERO, Bytes32.ZERO));
    }

    @Test
    void messageHashesLikeTheHandWrittenStructHash() {
        ChannelState state = state(9, 4, 5);
        assertArrayEquals(state.message().hashStruct(), state.structHash());
    }

    private static void assertDigestEqualsWeb3j(ChannelState state, io.agnt2.protocol.eip712.Eip712Domain domain)
            throws Exception {
        assertEquals(Hex.encode(web3j(state, domain).hashStructuredData()), Hex.encode(state.digest(domain)),
                state.toString());
    }

    /** Typed data written out by hand, as a wallet would be given it: nothing of ours builds the JSON. */
    private static StructuredDataEncoder web3j(ChannelState state, io.agnt2.protocol.eip712.Eip712Domain domain)
            throws Exception {
        String json = """
                {"types":{
                  "EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},
                                  {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
                  "ChannelState":[{"name":"channelId","type":"bytes32"},{"name":"nonce","type":"uint64"},
                                  {"name":"balanceA","type":"uint256"},{"name":"balanceB","type":"uint256"},
                                  {"name":"appStateHash","type":"bytes32"}]},
                 "primaryType":"ChannelState",
                 "domain":{"name":"%s","version":"%s","chainId":%d,"verifyingContract":"%s"},
                 "message":{"channelId":"%s","nonce":%d,"balanceA":"%s","balanceB":"%s","appStateHash":"%s"}}
                """.formatted(domain.name(), domain.version(), domain.chainId(), domain.verifyingContract(),
                state.channelId(), state.nonce(), state.balanceA(), state.balanceB(), state.appStateHash());
        return new StructuredDataEncoder(json);
    }
}
