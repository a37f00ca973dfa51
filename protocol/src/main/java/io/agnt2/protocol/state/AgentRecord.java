package io.agnt2.protocol.state;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.crypto.Keccak;
import io.agnt2.protocol.interaction.CapabilityId;
import io.agnt2.protocol.interaction.InvocationId;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.util.Objects;
import java.util.SortedMap;

/**
 * What the rollup state holds per agent (decision 0005): identity, balance, nonce, reputation, the
 * capabilities it offers (id → price), its sessions (counterparty → budget), its own outgoing
 * invocations (id → escrow and status) and its open state channels (id → counterparty and deposits,
 * recorded from L1: decision 0014). Immutable: every change is a wither that returns a new record.
 * The maps are sorted by their keys' natural order and unmodifiable, whatever map came in.
 *
 * <p>A record with a blank organisation is an address that received value (a deposit or a transfer)
 * before registering: credits are blind deltas, so they cannot refuse an unregistered address.
 */
public record AgentRecord(AgentAddress address, String organization, String metadataUri, Wei balance, Nonce nonce,
                          Reputation reputation, SortedMap<CapabilityId, Wei> capabilities,
                          SortedMap<AgentAddress, Session> sessions,
                          SortedMap<InvocationId, Invocation> invocations,
                          SortedMap<ChannelId, ChannelEntry> channels) {

    public AgentRecord {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(metadataUri, "metadataUri");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(reputation, "reputation");
        capabilities = FrozenSortedMap.of(capabilities);
        sessions = FrozenSortedMap.of(sessions);
        invocations = FrozenSortedMap.of(invocations);
        channels = FrozenSortedMap.of(channels);
    }

    /** Without open channels: everything the rollup itself moves. */
    public AgentRecord(AgentAddress address, String organization, String metadataUri, Wei balance, Nonce nonce,
                       Reputation reputation, SortedMap<CapabilityId, Wei> capabilities,
                       SortedMap<AgentAddress, Session> sessions, SortedMap<InvocationId, Invocation> invocations) {
        this(address, organization, metadataUri, balance, nonce, reputation, capabilities, sessions, invocations,
                FrozenSortedMap.empty());
    }

    /** Identity, balance and nonce only: no metadata, reputation, capabilities, sessions, invocations or channels. */
    public AgentRecord(AgentAddress address, String organization, Wei balance, Nonce nonce) {
        this(address, organization, "", balance, nonce, Reputation.NONE, FrozenSortedMap.empty(),
                FrozenSortedMap.empty(), FrozenSortedMap.empty(), FrozenSortedMap.empty());
    }

    /** What an address holds before anything reached it. */
    public static AgentRecord empty(AgentAddress address) {
        return new AgentRecord(address, "", Wei.ZERO, Nonce.ZERO);
    }

    /** Registered (REGISTER ran), as opposed to an address that only received value. */
    public boolean isRegistered() {
        return !organization.isEmpty();
    }

    /**
     * All value this agent holds: balance, plus escrow of its OPEN invocations, plus the unspent budget
     * of its sessions. The transition moves value between these places and agents but never makes or
     * loses any, except through REGISTER's grant, DEPOSIT and WITHDRAW.
     */
    public Wei totalValue() {
        Wei total = balance;
        for (Invocation invocation : invocations.values()) {
            total = total.plus(invocation.escrow());
        }
        for (Session session : sessions.values()) {
            total = total.plus(session.remaining());
        }
        return total;
    }

    public AgentRecord withIdentity(String newOrganization, String newMetadataUri) {
        return new AgentRecord(address, newOrganization, newMetadataUri, balance, nonce, reputation, capabilities,
                sessions, invocations, channels);
    }

    public AgentRecord withBalance(Wei newBalance) {
        return new AgentRecord(address, organization, metadataUri, newBalance, nonce, reputation, capabilities,
                sessions, invocations, channels);
    }

    public AgentRecord withNonce(Nonce newNonce) {
        return new AgentRecord(address, organization, metadataUri, balance, newNonce, reputation, capabilities,
                sessions, invocations, channels);
    }

    public AgentRecord withReputation(Reputation newReputation) {
        return new AgentRecord(address, organization, metadataUri, balance, nonce, newReputation, capabilities,
                sessions, invocations, channels);
    }

    public AgentRecord withCapability(CapabilityId capability, Wei price) {
        return new AgentRecord(address, organization, metadataUri, balance, nonce, reputation,
                frozen(capabilities).with(capability, price), sessions, invocations, channels);
    }

    public AgentRecord withoutCapability(CapabilityId capability) {
        return new AgentRecord(address, organization, metadataUri, balance, nonce, reputation,
                frozen(capabilities).without(capability), sessions, invocations, channels);
    }

    public AgentRecord withSession(AgentAddress counterparty, Session session) {
        return new AgentRecord(address, organization, metadataUri, balance, nonce, reputation, capabilities,
                frozen(sessions).with(counterparty, session), invocations, channels);
    }

    public AgentRecord withoutSession(AgentAddress counterparty) {
        return new AgentRecord(address, organization, metadataUri, balance, nonce, reputation, capabilities,
                frozen(sessions).without(counterparty), invocations, channels);
    }

    public AgentRecord withInvocation(InvocationId id, Invocation invocation) {
        return new AgentRecord(address, organization, metadataUri, balance, nonce, reputation, capabilities,
                sessions, frozen(invocations).with(id, invocation), channels);
    }

    public AgentRecord withChannel(ChannelId id, ChannelEntry channel) {
        return new AgentRecord(address, organization, metadataUri, balance, nonce, reputation, capabilities,
                sessions, invocations, frozen(channels).with(id, channel));
    }

    public AgentRecord withoutChannel(ChannelId id) {
        return new AgentRecord(address, organization, metadataUri, balance, nonce, reputation, capabilities,
                sessions, invocations, frozen(channels).without(id));
    }

    /**
     * keccak256 of {@link RecordEncoding#header(AgentRecord)}: fixed-width fields and one hash per
     * collection, so a Solidity verifier rebuilds it with one {@code abi.encodePacked}.
     */
    public byte[] leafHash() {
        return Keccak.keccak256(RecordEncoding.header(this));
    }

    /**
     * The record's own maps are always {@link FrozenSortedMap}s (the constructor makes them so): withers
     * copy only the collection they change and hand the others on, with their cached hashes.
     */
    private static <K extends Comparable<K>, V> FrozenSortedMap<K, V> frozen(SortedMap<K, V> map) {
        return (FrozenSortedMap<K, V>) map;
    }
}
