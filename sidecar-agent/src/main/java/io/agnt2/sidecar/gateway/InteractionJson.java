package io.agnt2.sidecar.gateway;

import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The body of {@code POST /api/v1/interactions}: kind, chainId, the kind's fields (amounts as decimal
 * strings, nonces as numbers) and the 65-byte signature as hex.
 */
public final class InteractionJson {

    private InteractionJson() {
    }

    public static JsonObject of(SignedInteraction signed, Eip712Domain domain) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("kind", signed.interaction().kind().name())
                .add("chainId", domain.chainId());
        switch (signed.interaction()) {
            case Transfer t -> json
                    .add("from", t.from().toString())
                    .add("to", t.to().toString())
                    .add("amount", t.amount().toString())
                    .add("nonce", t.nonce().value());
            case Register r -> json
                    .add("agent", r.agent().toString())
                    .add("organization", r.organization())
                    .add("metadataUri", r.metadataUri())
                    .add("nonce", r.nonce().value());
        }
        return json.add("signature", signed.signature().toHex()).build();
    }
}
