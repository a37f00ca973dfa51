package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.interfaces.problem.ProblemException;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.function.Function;

/**
 * A signed interaction as a partner sends it (JSON), read field by field so that each mistake gets
 * its own precise problem instead of a generic parse error.
 */
public record InteractionRequest(long chainId, SignedInteraction signed) {

    private static final int MAX_TEXT = 512;

    public static InteractionRequest from(JsonValue body) {
        if (!(body instanceof JsonObject json)) {
            throw invalid("body", "must be a JSON object");
        }
        String kind = text(json, "kind");
        Interaction interaction = switch (kind) {
            case "TRANSFER" -> new Transfer(address(json, "from"), address(json, "to"),
                    field(json, "amount", Wei::of, "a decimal amount (string) between 0 and 2^256-1"),
                    nonce(json));
            case "REGISTER" -> new Register(address(json, "agent"), text(json, "organization"),
                    optionalText(json, "metadataUri"), nonce(json));
            default -> throw invalid("kind", "unknown kind '" + kind + "', expected TRANSFER or REGISTER");
        };
        Signature signature = field(json, "signature", Signature::fromHex, "65 bytes of 0x-hex (r, s, v)");
        return new InteractionRequest(wholeNumber(json, "chainId"), new SignedInteraction(interaction, signature));
    }

    private static Nonce nonce(JsonObject json) {
        long nonce = wholeNumber(json, "nonce");
        if (nonce < 0) {
            throw invalid("nonce", "must not be negative");
        }
        return new Nonce(nonce);
    }

    private static AgentAddress address(JsonObject json, String name) {
        return field(json, name, AgentAddress::of, "a 20-byte 0x-hex address");
    }

    private static <T> T field(JsonObject json, String name, Function<String, T> parse, String expected) {
        String value = text(json, name);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be " + expected + ": " + e.getMessage());
        }
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            throw invalid(name, "is required");
        }
        if (!(value instanceof JsonString string)) {
            throw invalid(name, "must be a string");
        }
        if (string.getString().length() > MAX_TEXT) {
            throw invalid(name, "is longer than " + MAX_TEXT + " characters");
        }
        return string.getString();
    }

    private static String optionalText(JsonObject json, String name) {
        return json.containsKey(name) && json.get(name) != JsonValue.NULL ? text(json, name) : "";
    }

    private static long wholeNumber(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            throw invalid(name, "is required");
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw invalid(name, "must be a whole number");
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(name, "is out of range");
        }
    }

    private static ProblemException invalid(String field, String why) {
        return ProblemException.badRequest("invalid-field", "Invalid field", "'" + field + "' " + why);
    }
}
