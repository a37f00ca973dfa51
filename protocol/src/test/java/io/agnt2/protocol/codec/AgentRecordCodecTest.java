package io.agnt2.protocol.codec;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.interaction.CapabilityId;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.state.AgentRecord;
import io.agnt2.protocol.state.ChannelEntry;
import io.agnt2.protocol.state.Invocation;
import io.agnt2.protocol.state.Reputation;
import io.agnt2.protocol.state.Session;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgentRecordCodecTest {

    private final AgentRecord full = new AgentRecord(AgentKey.generate().address(), "acme",
            Wei.of("123456789012345678901234567890"), new Nonce(42))
            .withIdentity("acme", "https://acme.example/a")
            .withReputation(new Reputation(17, 4, 3, 1))
            .withCapability(CapabilityId.named("translate"), Wei.of(250))
            .withCapability(CapabilityId.named("summarise"), Wei.ZERO)
            .withSession(AgentKey.generate().address(), new Session(Wei.of(1000), Wei.of(300), 99))
            .withInvocation(new InvocationId(Bytes32.fromHex("0x" + "ab".repeat(32))),
                    Invocation.open(AgentKey.generate().address(), CapabilityId.named("translate"), Wei.of(250), 1800)
                            .responded(Bytes32.fromHex("0x" + "cd".repeat(32))))
            .withChannel(ChannelId.fromHex("0x" + "c4".repeat(32)),
                    new ChannelEntry(AgentKey.generate().address(), Wei.of(5_000), Wei.ZERO, 31));

    @Test
    void roundTripsEveryField() {
        byte[] encoded = AgentRecordCodec.encode(full);
        AgentRecord decoded = AgentRecordCodec.decode(encoded);
        assertEquals(full, decoded);
        assertArrayEquals(full.leafHash(), decoded.leafHash());
        assertArrayEquals(encoded, AgentRecordCodec.encode(decoded), "canonical: re-encoding gives the same bytes");
    }

    @Test
    void roundTripsAnEmptyRecord() {
        AgentRecord bare = AgentRecord.empty(AgentKey.generate().address());
        assertEquals(bare, AgentRecordCodec.decode(AgentRecordCodec.encode(bare)));
    }

    @Test
    void refusesTruncatedTrailingAndUnknownVersions() {
        byte[] encoded = AgentRecordCodec.encode(full);
        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertThrows(IllegalArgumentException.class, () -> AgentRecordCodec.decode(truncated), "length " + length);
        }
        byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
        assertThrows(IllegalArgumentException.class, () -> AgentRecordCodec.decode(trailing));
        byte[] version = encoded.clone();
        version[0] = 9;
        assertThrows(IllegalArgumentException.class, () -> AgentRecordCodec.decode(version));
    }
}
