package io.agnt2.settlement.infrastructure.l1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.web3j.abi.CustomErrorEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * Turns EVM revert data into a readable error, using the custom errors of the contract a client talks
 * to (taken from its generated wrapper, e.g. {@code AgentRollup.UNAUTHORIZED_ERROR}, so a new error in the contract is known here after a build),
 * plus Solidity's built-in {@code Error(string)} and {@code Panic(uint256)}.
 */
final class RevertDecoder {

    record Decoded(String name, List<Object> arguments, String rawData) {
        @Override
        public String toString() {
            if (arguments.isEmpty() && "unknown".equals(name)) {
                return "no revert data" + (rawData == null ? "" : " (" + rawData + ")");
            }
            return name + arguments.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    private static final CustomError ERROR_STRING =
            new CustomError("Error", List.of(new TypeReference<Utf8String>() {}));
    private static final CustomError PANIC =
            new CustomError("Panic", List.of(new TypeReference<Uint256>() {}));

    /**
     * Only Solidity's built-in errors: what {@link NodeGasProvider} knows, not knowing the contract.
     * {@link L1Transactor} decodes the same data again with the contract's own errors.
     */
    static final RevertDecoder BUILT_IN = of(List.of());

    /** 4-byte selector (0x + 8 hex) to error. Immutable, derived from constants: no shared mutable state. */
    private final Map<String, CustomError> bySelector;

    private RevertDecoder(Map<String, CustomError> bySelector) {
        this.bySelector = bySelector;
    }

    /** A decoder for a contract whose custom errors are {@code contractErrors}. */
    static RevertDecoder of(List<CustomError> contractErrors) {
        return new RevertDecoder(Stream.concat(contractErrors.stream(), Stream.of(ERROR_STRING, PANIC))
                .collect(Collectors.toUnmodifiableMap(e -> CustomErrorEncoder.encode(e).substring(0, 10), e -> e)));
    }

    Decoded decode(String revertData) {
        if (revertData == null) {
            return new Decoded("unknown", List.of(), null);
        }
        String data = revertData.strip();
        if (data.startsWith("\"") && data.endsWith("\"") && data.length() >= 2) {
            data = data.substring(1, data.length() - 1); // some nodes hand the data back JSON-quoted
        }
        if (!data.startsWith("0x") || data.length() < 10) {
            return new Decoded("unknown", List.of(), revertData);
        }
        CustomError error = bySelector.get(data.substring(0, 10).toLowerCase());
        if (error == null) {
            return new Decoded("unknown selector " + data.substring(0, 10), List.of(), data);
        }
        List<Object> args = new ArrayList<>();
        try {
            for (Type<?> t : FunctionReturnDecoder.decode(data.substring(10), error.getParameters())) {
                args.add(readable(t));
            }
        } catch (RuntimeException e) {
            return new Decoded(error.getName() + " (undecodable arguments)", List.of(), data);
        }
        return new Decoded(error.getName(), args, data);
    }

    private static Object readable(Type<?> t) {
        Object v = t.getValue();
        if (t instanceof Address a) {
            return a.getValue();
        }
        if (v instanceof byte[] bytes) {
            return Numeric.toHexString(bytes);
        }
        return v;
    }
}
