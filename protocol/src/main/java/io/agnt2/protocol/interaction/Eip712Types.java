package io.agnt2.protocol.interaction;

import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.eip712.SolidityType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The domain and types of every interaction kind as plain maps and lists, in the JSON shape wallet
 * libraries take, so any JSON library can serialise them for the gateway's domain endpoint.
 *
 * <p>Two shapes, because the libraries disagree: {@code eth_signTypedData_v4} wants
 * {@code EIP712Domain} inside {@code types} (see {@link #types()} and {@link #typedData}), while
 * ethers' {@code signTypedData(domain, types, message)} throws if it is there and wants exactly one
 * primary type (see {@link #typesFor(Kind)}).
 */
public final class Eip712Types {

    private Eip712Types() {
    }

    /** {@code {"name","version","chainId","verifyingContract"}} with chainId a number. */
    public static Map<String, Object> domain(Eip712Domain domain) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", domain.name());
        json.put("version", domain.version());
        json.put("chainId", domain.chainId());
        json.put("verifyingContract", domain.verifyingContract().toString());
        return json;
    }

    /** The primary type names of all kinds, e.g. {@code ["Register","Transfer","Capability",...]} in wire-code order. */
    public static List<String> primaryTypes() {
        return Arrays.stream(Kind.values()).map(kind -> kind.eip712Type().name()).toList();
    }

    /** {@code EIP712Domain} and every kind's type: the {@code eth_signTypedData_v4} {@code types}. */
    public static Map<String, Object> types() {
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, Eip712Domain.TYPE);
        for (Kind kind : Kind.values()) {
            put(json, kind.eip712Type());
        }
        return json;
    }

    /** Only {@code kind}'s type, without {@code EIP712Domain}: the {@code types} argument of ethers. */
    public static Map<String, Object> typesFor(Kind kind) {
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, kind.eip712Type());
        return json;
    }

    /**
     * The document of one primary type signed in {@code domain}, e.g. a channel state:
     * {@code {"domain":{..},"types":{"EIP712Domain":[..],"ChannelState":[..]},"primaryType":"ChannelState"}}.
     */
    public static Map<String, Object> document(Eip712Domain domain, Eip712Type primaryType) {
        Map<String, Object> types = new LinkedHashMap<>();
        put(types, Eip712Domain.TYPE);
        put(types, primaryType);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain", domain(domain));
        json.put("types", types);
        json.put("primaryType", primaryType.name());
        return json;
    }

    /** The domain endpoint's body: {@code {"domain":{..},"types":{..},"primaryTypes":[..]}}. */
    public static Map<String, Object> document(Eip712Domain domain) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain", domain(domain));
        json.put("types", types());
        json.put("primaryTypes", primaryTypes());
        return json;
    }

    /**
     * The message values: addresses EIP-55, uint256 as a decimal string (JSON numbers lose precision
     * above 2^53), uint64 and uint8 as numbers, bool as a boolean, bytes32 as 0x-hex, bytes32[] as a list
     * of 0x-hex: what ethers, viem and web3j take as they are.
     */
    public static Map<String, Object> message(Interaction interaction) {
        Eip712Message message = interaction.message();
        List<Eip712Field> fields = message.type().fields();
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            json.put(fields.get(i).name(), jsonValue(fields.get(i).solidityType(), message.values().get(i)));
        }
        return json;
    }

    private static Object jsonValue(SolidityType type, Object value) {
        return switch (type) {
            case ADDRESS, UINT256, BYTES32 -> value.toString();
            case UINT64, UINT8, BOOL, STRING -> value;
            case BYTES32_ARRAY -> ((List<?>) value).stream().map(Object::toString).toList();
        };
    }

    /** A complete {@code eth_signTypedData_v4} payload: types, primaryType, domain, message. */
    public static Map<String, Object> typedData(Interaction interaction, Eip712Domain domain) {
        Map<String, Object> types = new LinkedHashMap<>();
        put(types, Eip712Domain.TYPE);
        put(types, interaction.kind().eip712Type());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("types", types);
        json.put("primaryType", interaction.kind().eip712Type().name());
        json.put("domain", domain(domain));
        json.put("message", message(interaction));
        return json;
    }

    private static void put(Map<String, Object> types, Eip712Type type) {
        types.put(type.name(), fields(type));
    }

    private static List<Map<String, Object>> fields(Eip712Type type) {
        return type.fields().stream().map(Eip712Types::field).toList();
    }

    private static Map<String, Object> field(Eip712Field field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", field.name());
        json.put("type", field.type());
        return json;
    }
}
