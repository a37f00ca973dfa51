package io.agnt2.protocol.eip712;

import io.agnt2.protocol.agent.AgentAddress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The EIP-712 domain every AGNT2 interaction is signed under: it binds a signature to one chain and
 * one rollup contract, so it cannot be replayed elsewhere.
 */
public record Eip712Domain(String name, String version, long chainId, AgentAddress verifyingContract) {

    public static final String NAME = "AGNT2";
    public static final String VERSION = "1";

    public static final Eip712Type TYPE = Eip712Type.of("EIP712Domain",
            new Eip712Field("name", "string"),
            new Eip712Field("version", "string"),
            new Eip712Field("chainId", "uint256"),
            new Eip712Field("verifyingContract", "address"));

    public Eip712Domain {
        if (name == null || version == null || verifyingContract == null) {
            throw new IllegalArgumentException("EIP-712 domain needs a name, a version and a verifying contract");
        }
        if (chainId <= 0) {
            throw new IllegalArgumentException("chain id must be positive, got " + chainId);
        }
    }

    /** The AGNT2 domain (name and version fixed) on a chain and contract. */
    public static Eip712Domain agnt2(long chainId, AgentAddress verifyingContract) {
        return new Eip712Domain(NAME, VERSION, chainId, verifyingContract);
    }

    /** hashStruct(domain), the {@code domainSeparator} of the digest. */
    public byte[] separator() {
        Cached last = LAST;
        if (last != null && (last.domain == this || last.domain.equals(this))) {
            return last.separator.clone();
        }
        byte[] separator = SEPARATORS.computeIfAbsent(this, Eip712Domain::hashStruct);
        LAST = new Cached(this, separator);
        return separator.clone();
    }

    /** The last domain asked for, read without the map's lock: a server digests under one domain. */
    private record Cached(Eip712Domain domain, byte[] separator) {
    }

    private static volatile Cached LAST;

    /**
     * A server signs and checks under one or two domains, millions of times: their separators are
     * kept (a handful, bounded so a stream of different domains cannot grow it).
     */
    private static final Map<Eip712Domain, byte[]> SEPARATORS = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Eip712Domain, byte[]> eldest) {
                    return size() > 16;
                }
            });

    private static byte[] hashStruct(Eip712Domain domain) {
        return TYPE.hasher()
                .string(domain.name)
                .string(domain.version)
                .uint256(domain.chainId)
                .address(domain.verifyingContract)
                .hash();
    }
}
