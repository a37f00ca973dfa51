package io.agnt2.protocol.state;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** What the rollup state holds per agent (the first fields; reputation and sessions come later). */
public record AgentRecord(AgentAddress address, String organization, Wei balance, Nonce nonce) {

    public AgentRecord {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(nonce, "nonce");
    }

    /**
     * keccak256(address(20) ‖ keccak256(utf8 organization) ‖ balance(32, big-endian) ‖ nonce(8, big-endian)):
     * fixed-width fields, so a Solidity verifier rebuilds it with one {@code abi.encodePacked}.
     */
    public byte[] leafHash() {
        return Keccak.keccak256(
                address.bytes(),
                Keccak.keccak256(organization.getBytes(StandardCharsets.UTF_8)),
                balance.toBytes32(),
                nonce.toBytes8());
    }
}
