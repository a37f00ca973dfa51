package io.agnt2.gateway.interfaces.rest;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.interaction.Eip712Types;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Kind;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds to the OpenAPI document a signed example body of every interaction kind, so a partner sees
 * exactly what to send. They are signed by a published example key in an example domain (chain
 * 86020, verifying contract 0x…01): real signatures that check out, but only in that domain; the
 * live domain is at {@code GET /api/v1/domain}.
 */
public class SignedExamples implements OASFilter {

    /** keccak256("agnt2 example agent"): a key anyone may know, for examples only. */
    private static final AgentKey EXAMPLE_KEY = AgentKey.fromHex(
            io.agnt2.protocol.Hex.encode(Keccak.keccak256("agnt2 example agent".getBytes(StandardCharsets.UTF_8))));
    private static final AgentAddress COUNTERPARTY = AgentAddress.of("0x00000000000000000000000000000000000a6e72");
    private static final Eip712Domain EXAMPLE_DOMAIN = Eip712Domain.agnt2(86020,
            AgentAddress.of("0x0000000000000000000000000000000000000001"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItem("/api/v1/interactions") == null
                || openAPI.getPaths().getPathItem("/api/v1/interactions").getPOST() == null) {
            return;
        }
        RequestBody body = openAPI.getPaths().getPathItem("/api/v1/interactions").getPOST().getRequestBody();
        if (body == null || body.getContent() == null) {
            return;
        }
        MediaType json = body.getContent().getMediaType("application/json");
        if (json == null) {
            return;
        }
        for (Kind kind : Kind.values()) {
            if (kind.isAgentSigned()) {
                Example example = OASFactory.createExample()
                        .summary("A signed " + kind + " (example key and domain)")
                        .value(body(kind));
                json.addExample(kind.name(), example);
            }
        }
    }

    /** The request body of a signed example of {@code kind}: every field a plausible value. */
    static Map<String, Object> body(Kind kind) {
        Eip712Type type = kind.eip712Type();
        Object[] values = new Object[type.fields().size()];
        boolean signerPlaced = false;
        for (int i = 0; i < values.length; i++) {
            Eip712Field field = type.fields().get(i);
            values[i] = switch (field.solidityType()) {
                // the first address is the signer's, any other a counterparty's
                case ADDRESS -> signerPlaced ? COUNTERPARTY : EXAMPLE_KEY.address();
                case UINT256 -> Wei.of(1_000);
                case UINT64 -> 1L;
                case UINT8 -> 5;
                case BOOL -> false;
                case STRING -> field.name().toLowerCase().contains("uri") ? "https://acme.example/agents/42" : "acme";
                case BYTES32 -> Bytes32.of(Keccak.keccak256(field.name().getBytes(StandardCharsets.UTF_8)));
                case BYTES32_ARRAY -> List.of(Bytes32.of(Keccak.keccak256("earlier invocation".getBytes(StandardCharsets.UTF_8))));
            };
            signerPlaced |= field.solidityType() == io.agnt2.protocol.eip712.SolidityType.ADDRESS;
        }
        Interaction interaction = kind.fromMessage(Eip712Message.of(type, values));
        SignedInteraction signed = SignedInteraction.sign(interaction, EXAMPLE_KEY, EXAMPLE_DOMAIN);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind.name());
        json.put("chainId", EXAMPLE_DOMAIN.chainId());
        json.putAll(Eip712Types.message(interaction));
        json.put("signature", signed.signature().toHex());
        return json;
    }
}
