package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.interfaces.problem.ProblemException;
import io.agnt2.protocol.interaction.Kind;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What L1 vouches for never comes from a client: the gateway refuses those kinds by name, before any field. */
class InteractionRequestTest {

    @Test
    void kindsFromL1AreRefusedWithAClearProblem() {
        for (Kind kind : Kind.values()) {
            if (kind.isAgentSigned()) {
                continue;
            }
            var body = Json.createObjectBuilder().add("kind", kind.name()).add("chainId", 86020).build();
            ProblemException refused = assertThrows(ProblemException.class, () -> InteractionRequest.from(body),
                    kind.name());
            assertEquals(400, refused.problem().status(), kind.name());
            assertTrue(refused.problem().detail().contains("never from a client"), refused.problem().detail());
        }
    }
}
