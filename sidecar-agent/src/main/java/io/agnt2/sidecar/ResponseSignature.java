package io.agnt2.sidecar;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.crypto.Secp256k1;
import io.agnt2.protocol.crypto.Signature;

import java.nio.charset.StandardCharsets;

/**
 * How a sidecar vouches for an answer: it signs keccak256(method ‖ " " ‖ request target ‖ "\n" ‖
 * response body) and sends the signature and its address as headers. The space and the newline cannot
 * occur in a method or a request target, so no two requests share a digest by shifting bytes between
 * the target and the body.
 */
public final class ResponseSignature {

    public static final String ADDRESS_HEADER = "X-Agent-Address";
    public static final String SIGNATURE_HEADER = "X-Agent-Signature";

    private ResponseSignature() {
    }

    /**
     * @param requestTarget the raw path, plus {@code ?} and the raw query when there is one
     */
    public static byte[] digest(String method, String requestTarget, byte[] responseBody) {
        return Keccak.keccak256(
                (method + " " + requestTarget + "\n").getBytes(StandardCharsets.UTF_8),
                responseBody);
    }

    /** The address that signed this answer; compare it with the {@link #ADDRESS_HEADER} you trust. */
    public static AgentAddress recoverSigner(String method, String requestTarget, byte[] responseBody,
                                             Signature signature) {
        return AgentAddress.of(Secp256k1.get().recover(digest(method, requestTarget, responseBody), signature));
    }
}
