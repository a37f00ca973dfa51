package io.agnt2.gateway.interfaces.rest;

import io.agnt2.gateway.interfaces.problem.ProblemException;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.Signature;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.eip712.SolidityType;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Kind;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A signed interaction as a partner sends it: {@code kind}, {@code chainId}, the fields of the
 * kind's EIP-712 type under their EIP-712 names (as wallets show them), and {@code signature}. Read
 * field by field from the type itself, so every kind parses the same way and each mistake gets its
 * own precise problem instead of a generic parse error.
 */
public record InteractionRequest(long chainId, SignedInteraction signed) {

    private static final int MAX_LIST = 64;

    public static InteractionRequest from(JsonValue body) {
        return from(body, "");
    }

    /** @param where names the item in problem details, e.g. {@code "item 3: "} in a batch */
    public static InteractionRequest from(JsonValue body, String where) {
        try {
            return parse(body);
        } catch (ProblemException e) {
            if (where.isEmpty()) {
                throw e;
            }
            throw ProblemException.badRequest("invalid-field", "Invalid field", where + e.problem().detail());
        }
    }

    private static InteractionRequest parse(JsonValue body) {
        if (!(body instanceof JsonObject json)) {
            throw invalid("body", "must be a JSON object");
        }
        Kind kind = kind(json);
        Eip712Type type = kind.eip712Type();
        Object[] values = new Object[type.fields().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(json, type.fields().get(i));
        }
        Interaction interaction;
        try {
            interaction = kind.fromMessage(Eip712Message.of(type, values));
        } catch (IllegalArgumentException e) {
            throw invalid(kind.name(), e.getMessage());
        }
        Signature signature = parsed(json, "signature", Signature::fromHex, "65 bytes of 0x-hex (r, s, v)");
        return new InteractionRequest(wholeNumber(json, "chainId"), new SignedInteraction(interaction, signature));
    }

    private static Kind kind(JsonObject json) {
        String name = text(json, "kind");
        Kind kind;
        try {
            kind = Kind.parse(name);
        } catch (IllegalArgumentException e) {
            throw invalid("kind", "unknown kind '" + name + "', expected one of " + Arrays.toString(Kind.values()));
        }
        if (!kind.isAgentSigned()) {
            throw invalid("kind", kind + " comes from L1 (the bridge or the channel adjudicator), never from a client");
        }
        return kind;
    }

    private static Object value(JsonObject json, Eip712Field field) {
        String name = field.name();
        return switch (field.solidityType()) {
            case ADDRESS -> parsed(json, name, AgentAddress::of, "a 20-byte 0x-hex address");
            case UINT256 -> parsed(json, name, Wei::of, "a decimal amount (string) between 0 and 2^256-1");
            case UINT64 -> bounded(json, name, Long.MAX_VALUE);
            case UINT8 -> (int) bounded(json, name, 255);
            case BOOL -> bool(json, name);
            case STRING -> optionalText(json, name);
            case BYTES32 -> parsed(json, name, Bytes32::fromHex, "32 bytes of 0x-hex");
            case BYTES32_ARRAY -> bytes32List(json, name);
        };
    }

    private static long bounded(JsonObject json, String name, long max) {
        long value = wholeNumber(json, name);
        if (value < 0 || value > max) {
            throw invalid(name, "must be between 0 and " + max);
        }
        return value;
    }

    private static boolean bool(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw invalid(name, value == null ? "is required" : "must be true or false");
    }

    private static List<Bytes32> bytes32List(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (!(value instanceof JsonArray array)) {
            throw invalid(name, value == null ? "is required" : "must be a list of 0x-hex bytes32");
        }
        if (array.size() > MAX_LIST) {
            throw invalid(name, "holds more than " + MAX_LIST + " entries");
        }
        List<Bytes32> list = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (!(element instanceof JsonString string)) {
                throw invalid(name, "must be a list of 0x-hex bytes32");
            }
            try {
                list.add(Bytes32.fromHex(string.getString()));
            } catch (IllegalArgumentException e) {
                throw invalid(name, "must be a list of 0x-hex bytes32: " + e.getMessage());
            }
        }
        return list;
    }

    private static <T> T parsed(JsonObject json, String name, Function<String, T> parse, String expected) {
        return JsonFields.of(json).parsed(name, parse, expected);
    }

    private static String text(JsonObject json, String name) {
        return JsonFields.of(json).text(name);
    }

    private static String optionalText(JsonObject json, String name) {
        return JsonFields.of(json).optionalText(name);
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
        return JsonFields.invalid(field, why);
    }
}
