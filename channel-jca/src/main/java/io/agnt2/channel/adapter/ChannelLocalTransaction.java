package io.agnt2.channel.adapter;

import io.agnt2.channel.node.ChannelNode;
import io.agnt2.protocol.channel.SignedChannelState;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A channel connection's local transaction: payments are staged while it runs, and {@link #commit()}
 * sends them (one update per channel, all in flight at once) and returns only when the counterparty
 * co-signed each and both sides made it durable. If the counterparty refuses or does not answer in
 * time, commit throws, and the server rolls back the work that was prepared beside it. Rollback just
 * forgets the staged payments: nothing of them left this server.
 */
final class ChannelLocalTransaction implements LocalTransaction {

    private final ChannelNode node;
    private final Duration timeout;
    private final StagedPayments staged = new StagedPayments();
    private boolean active;

    ChannelLocalTransaction(ChannelNode node, Duration timeout) {
        this.node = node;
        this.timeout = timeout;
    }

    boolean isActive() {
        return active;
    }

    StagedPayments staged() {
        return staged;
    }

    @Override
    public void begin() throws ResourceException {
        if (active) {
            throw new LocalTransactionException("a channel transaction is already active on this connection");
        }
        staged.clear();
        active = true;
    }

    @Override
    public void commit() throws ResourceException {
        requireActive();
        try {
            List<CompletableFuture<SignedChannelState>> sent = new ArrayList<>();
            for (StagedPayments.Payment p : staged.inOrder()) {
                sent.add(node.pay(p.channel(), p.amount(), p.appStateHash()));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failed("the counterparty did not co-sign: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw failed("the counterparty did not answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted while waiting for the counterparty", e);
        } finally {
            staged.clear();
            active = false;
        }
    }

    @Override
    public void rollback() throws ResourceException {
        staged.clear();
        active = false;
    }

    private void requireActive() throws LocalTransactionException {
        if (!active) {
            throw new LocalTransactionException("no channel transaction is active on this connection");
        }
    }

    private static LocalTransactionException failed(String message, Throwable cause) {
        LocalTransactionException e = new LocalTransactionException("channel payment not committed: " + message);
        e.initCause(cause);
        return e;
    }
}
