package io.agnt2.protocol.interaction;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.eip712.Eip712Field;
import io.agnt2.protocol.eip712.Eip712Message;
import io.agnt2.protocol.eip712.Eip712Type;
import io.agnt2.protocol.value.Nonce;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Binds an agent address to an organisation and a metadata URI (ERC-8004 identity); signed by the agent. */
public record Register(AgentAddress agent, String organization, String metadataUri, Nonce nonce)
        implements Interaction {

    /** Upper bounds in UTF-8 bytes: every byte is posted to L1, and strings are length-prefixed by a u16. */
    public static final int MAX_ORGANIZATION_BYTES = 256;
    public static final int MAX_METADATA_URI_BYTES = 2048;

    public static final Eip712Type TYPE = Eip712Type.of("Register",
            new Eip712Field("agent", "address"),
            new Eip712Field("organization", "string"),
            new Eip712Field("metadataUri", "string"),
            new Eip712Field("nonce", "uint64"));

    /** {@code Register(address agent,string organization,string metadataUri,uint64 nonce)}. */
    public static final String TYPE_DEFINITION = TYPE.definition();

    public Register {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(nonce, "nonce");
        if (organization == null || organization.isBlank()) {
            throw new IllegalArgumentException("organization must not be blank");
        }
        requireAtMost(organization, MAX_ORGANIZATION_BYTES, "organization");
        Objects.requireNonNull(metadataUri, "metadataUri");
        requireAtMost(metadataUri, MAX_METADATA_URI_BYTES, "metadataUri");
    }

    static Register fromMessage(Eip712Message m) {
        return new Register(m.address("agent"), m.string("organization"), m.string("metadataUri"),
                Nonce.of(m.uint64("nonce")));
    }

    private static void requireAtMost(String value, int maxBytes, String what) {
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length > maxBytes) {
            throw new IllegalArgumentException(what + " is " + length + " UTF-8 bytes, at most " + maxBytes + " allowed");
        }
    }

    @Override
    public Kind kind() {
        return Kind.REGISTER;
    }

    @Override
    public AgentAddress signer() {
        return agent;
    }

    @Override
    public Eip712Message message() {
        return Eip712Message.of(TYPE, agent, organization, metadataUri, nonce.value());
    }
}
