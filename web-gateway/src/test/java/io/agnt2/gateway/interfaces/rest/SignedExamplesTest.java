package io.agnt2.gateway.interfaces.rest;

import io.agnt2.protocol.interaction.Kind;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every published example parses as the gateway parses requests, and its signature checks out. */
class SignedExamplesTest {

    @Test
    void everyAgentSignedKindHasAnExampleTheGatewayAccepts() {
        for (Kind kind : Kind.values()) {
            if (!kind.isAgentSigned()) {
                continue;
            }
            Map<String, Object> body = SignedExamples.body(kind);
            InteractionRequest request = InteractionRequest.from(toJson(body));
            assertEquals(kind, request.signed().interaction().kind());
            assertTrue(request.signed().isSignedBySigner(
                    io.agnt2.protocol.eip712.Eip712Domain.agnt2(86020,
                            io.agnt2.protocol.agent.AgentAddress.of("0x0000000000000000000000000000000000000001"))),
                    kind + " example is properly signed");
        }
    }

    private static jakarta.json.JsonObject toJson(Map<String, Object> body) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        body.forEach((name, value) -> {
            switch (value) {
                case String text -> json.add(name, text);
                case Long number -> json.add(name, number);
                case Integer number -> json.add(name, number);
                case Boolean flag -> json.add(name, flag);
                case List<?> list -> json.add(name, Json.createArrayBuilder(list.stream().map(String::valueOf).toList()));
                default -> throw new IllegalArgumentException(name + ": " + value);
            }
        });
        return json.build();
    }
}
