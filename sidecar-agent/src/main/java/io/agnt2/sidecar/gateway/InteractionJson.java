package io.agnt2.sidecar.gateway;

import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.interaction.Eip712Types;
import io.agnt2.protocol.interaction.SignedInteraction;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * The body of {@code POST /api/v1/interactions}: kind, chainId, the kind's fields (amounts as decimal
 * strings, nonces as numbers) and the 65-byte signature as hex.
 */
public final class InteractionJson {

    private InteractionJson() {
    }

    /**
     * {@code kind}, {@code chainId}, the fields of the kind's EIP-712 message under their EIP-712
     * names (the same values a wallet signs), and {@code signature}.
     */
    public static JsonObject of(SignedInteraction signed, Eip712Domain domain) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("kind", signed.interaction().kind().name())
                .add("chainId", domain.chainId());
        Eip712Types.message(signed.interaction()).forEach((name, value) -> json.add(name, jsonValue(value)));
        return json.add("signature", signed.signature().toHex()).build();
    }

    private static JsonValue jsonValue(Object value) {
        return switch (value) {
            case String text -> Json.createValue(text);
            case Long number -> Json.createValue(number);
            case Integer number -> Json.createValue(number);
            case Boolean flag -> flag ? JsonValue.TRUE : JsonValue.FALSE;
            case List<?> list -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                list.forEach(element -> array.add(jsonValue(element)));
                yield array.build();
            }
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        };
    }
}
