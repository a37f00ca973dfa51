package it.io.agnt2;

import io.agnt2.protocol.agent.AgentKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any client can sign: an agent whose key lives in a JavaScript program registers and pays using
 * ethers' signTypedData on the domain and types the gateway publishes, and the gateway accepts both.
 */
class ForeignSignerIT {

    private static final Path SCRIPT = Path.of("src/test/js/sign-with-ethers.mjs");

    @Test
    void interactionsSignedWithEthersAreAccepted() throws Exception {
        Partner globex = Partner.globex().registered();
        Partner acme = Partner.acme();
        AgentKey ethersAgent = AgentKey.generate();

        JsonObject registered = ethers(acme.token, ethersAgent, "REGISTER", Json.createObjectBuilder()
                .add("organization", "acme").add("metadataUri", "https://acme.example/ethers").add("nonce", 0).build());
        assertEquals(200, registered.getInt("status"), registered::toString);
        assertEquals("INCLUDED", registered.getJsonObject("body").getString("status"));
        assertEquals(registered.getString("digest"), registered.getJsonObject("body").getString("hash"),
                "ethers' EIP-712 digest is the interaction's hash here");

        JsonObject paid = ethers(acme.token, ethersAgent, "TRANSFER", Json.createObjectBuilder()
                .add("to", globex.address().toString()).add("amount", "1234").add("nonce", 1).build());
        assertEquals(200, paid.getInt("status"), paid::toString);
        assertEquals("INCLUDED", paid.getJsonObject("body").getString("status"));
        assertEquals(2, acme.gateway.agent(ethersAgent.address()).getInt("nonce"));
    }

    private static JsonObject ethers(String token, AgentKey key, String kind, JsonObject message) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
        node.environment().put("GATEWAY", Partner.GATEWAY.toString());
        node.environment().put("TOKEN", token);
        node.environment().put("PRIVATE_KEY", key.privateKeyHex());
        node.environment().put("KIND", kind);
        node.environment().put("MESSAGE", message.toString());
        Process process = node.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node finished");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.exitValue(), () -> "node failed: " + output);
        String last = output.substring(output.lastIndexOf('\n') + 1);
        return Json.createReader(new StringReader(last)).readObject();
    }
}
