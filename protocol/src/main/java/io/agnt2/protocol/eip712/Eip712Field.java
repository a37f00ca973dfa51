package io.agnt2.protocol.eip712;

/** One member of an EIP-712 struct type, e.g. {@code address from}. */
public record Eip712Field(String name, String type) {

    public Eip712Field {
        if (name == null || name.isBlank() || type == null || type.isBlank()) {
            throw new IllegalArgumentException("EIP-712 field needs a name and a type");
        }
        SolidityType.of(type);
    }

    public SolidityType solidityType() {
        return SolidityType.of(type);
    }
}
