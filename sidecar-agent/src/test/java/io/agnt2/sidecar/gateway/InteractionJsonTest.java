package io.agnt2.sidecar.gateway;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class InteractionJsonTest {

    static final AgentKey ALICE = AgentKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    static final AgentKey BOB = AgentKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    static final Eip712Domain DOMAIN =
            Eip712Domain.agnt2(31337, AgentAddress.of("0x5FbDB2315678afecb367f032d93F642f64180aa3"));

    @Test
    void transfer() {
        SignedInteraction signed = SignedInteraction.sign(
                new Transfer(ALICE.address(), BOB.address(), Wei.of("123000000000000000000"), Nonce.of(2)), ALICE, DOMAIN);
        JsonObject json = InteractionJson.of(signed, DOMAIN);
        assertEquals("{\"kind\":\"TRANSFER\",\"chainId\":31337,"
                + "\"from\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\","
                + "\"to\":\"0x70997970C51812dc3A010C7d01b50e0d17dc79C8\","
                + "\"amount\":\"123000000000000000000\",\"nonce\":2,"
                + "\"signature\":\"" + signed.signature().toHex() + "\"}", json.toString());
    }

    @Test
    void register() {
        SignedInteraction signed = SignedInteraction.sign(
                new Register(BOB.address(), "globex", "https://globex.example/bob.json", Nonce.ZERO), BOB, DOMAIN);
        JsonObject json = InteractionJson.of(signed, DOMAIN);
        assertEquals("{\"kind\":\"REGISTER\",\"chainId\":31337,"
                + "\"agent\":\"0x70997970C51812dc3A010C7d01b50e0d17dc79C8\","
                + "\"organization\":\"globex\",\"metadataUri\":\"https://globex.example/bob.json\",\"nonce\":0,"
                + "\"signature\":\"" + signed.signature().toHex() + "\"}", json.toString());
        assertEquals(132, json.getString("signature").length()); // 0x + 65 bytes
    }
}
