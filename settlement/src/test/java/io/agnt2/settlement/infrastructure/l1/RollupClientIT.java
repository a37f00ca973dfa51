package io.agnt2.settlement.infrastructure.l1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RollupClient} and the AgentRollup contract against a real anvil (one per class, fresh contract per test). */
class RollupClientIT {

    private static AnvilProcess anvil;

    @BeforeAll
    static void startAnvil() {
        anvil = AnvilProcess.start();
    }

    @AfterAll
    static void stopAnvil() {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void deploysAndCommitsConsecutiveBlocks() {
        try (RollupClient client = RollupClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID)) {
            assertTrue(client.contractAddress().matches("0x[0-9a-fA-F]{40}"), client.contractAddress());
            assertEquals(AnvilProcess.ADDRESS_0, client.senderAddress());
            assertEquals(0, client.lastBlock());

            L1Commit first = client.commitBlock(1, hash("root-1"), hash("data-1"));
            L1Commit second = client.commitBlock(2, hash("root-2"), hash("data-2"));

            assertTrue(first.txHash().matches("0x[0-9a-f]{64}"), first.txHash());
            assertNotEquals(first.txHash(), second.txHash());
            assertTrue(first.l1BlockNumber() > 0);
            assertTrue(second.l1BlockNumber() > first.l1BlockNumber(), "anvil automines one tx per block");
            assertTrue(first.gasUsed() > 21_000 && first.gasUsed() < 200_000, "gasUsed " + first.gasUsed());

            assertEquals(2, client.lastBlock());
            assertArrayEquals(hash("root-1"), client.stateRootOf(1));
            assertArrayEquals(hash("root-2"), client.stateRootOf(2));
            assertArrayEquals(hash("data-1"), client.dataHashOf(1));
            assertArrayEquals(hash("data-2"), client.dataHashOf(2));
            assertArrayEquals(new byte[32], client.stateRootOf(3), "uncommitted block reads as zero");
        }
    }

    @Test
    void attachesToADeployedContract() {
        try (RollupClient deployer = RollupClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID)) {
            deployer.commitBlock(1, hash("root-1"), hash("data-1"));
            try (RollupClient attached = RollupClient.at(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID,
                    deployer.contractAddress())) {
                assertEquals(1, attached.lastBlock());
                assertArrayEquals(hash("root-1"), attached.stateRootOf(1));
                attached.commitBlock(2, hash("root-2"), hash("data-2"));
            }
            assertEquals(2, deployer.lastBlock());
        }
    }

    @Test
    void outOfOrderNumbersAreRefusedWithTheDecodedError() {
        try (RollupClient client = RollupClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID)) {
            client.commitBlock(1, hash("root-1"), hash("data-1"));

            RollupRevertedException gap = assertThrows(RollupRevertedException.class,
                    () -> client.commitBlock(3, hash("root-3"), hash("data-3")));
            assertEquals("UnexpectedBlockNumber", gap.errorName());
            assertEquals(List.of(BigInteger.TWO, BigInteger.valueOf(3)), gap.arguments());
            assertNull(gap.txHash(), "caught by simulation, nothing sent");
            assertTrue(gap.getMessage().contains("commitBlock(3) reverted"), gap.getMessage());
            assertTrue(gap.getMessage().contains("UnexpectedBlockNumber(2, 3)"), gap.getMessage());

            RollupRevertedException repeat = assertThrows(RollupRevertedException.class,
                    () -> client.commitBlock(1, hash("other-root"), hash("data-1")));
            assertEquals("UnexpectedBlockNumber", repeat.errorName());
            assertEquals(List.of(BigInteger.TWO, BigInteger.ONE), repeat.arguments());

            assertEquals(1, client.lastBlock());
            assertArrayEquals(hash("root-1"), client.stateRootOf(1), "a committed root cannot be rewritten");
            // The refused attempts used no nonce: the next commit goes through at once.
            client.commitBlock(2, hash("root-2"), hash("data-2"));
            assertEquals(2, client.lastBlock());
        }
    }

    @Test
    void aNonSequencerKeyIsRefused() {
        try (RollupClient sequencer = RollupClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID);
             RollupClient intruder = RollupClient.at(anvil.rpcUrl(), AnvilProcess.KEY_1, AnvilProcess.CHAIN_ID,
                     sequencer.contractAddress())) {
            RollupRevertedException e = assertThrows(RollupRevertedException.class,
                    () -> intruder.commitBlock(1, hash("forged"), hash("forged")));
            assertEquals("Unauthorized", e.errorName());
            assertEquals(List.of(AnvilProcess.ADDRESS_1), e.arguments());
            assertEquals(0, sequencer.lastBlock());
        }
    }

    @Test
    void commitsCanBePipelinedWithinOneL1Block() throws Exception {
        try (RollupClient client = RollupClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID)) {
            anvil.rpc("evm_setAutomine", "[false]");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // Block 2 is sent while block 1 is still pending: it needs the next nonce and a
                // simulation that sees the pending commit (anvil estimates on the pending state).
                Future<L1Commit> one = pool.submit(() -> client.commitBlock(1, hash("root-1"), hash("data-1")));
                awaitPendingTransactions(1, one);
                Future<L1Commit> two = pool.submit(() -> client.commitBlock(2, hash("root-2"), hash("data-2")));
                awaitPendingTransactions(2, one, two);
                anvil.rpc("evm_mine", "[]");

                L1Commit first = one.get(30, TimeUnit.SECONDS);
                L1Commit second = two.get(30, TimeUnit.SECONDS);
                assertEquals(first.l1BlockNumber(), second.l1BlockNumber(), "both in the one mined block");
            } finally {
                anvil.rpc("evm_setAutomine", "[true]");
                pool.shutdownNow();
            }
            assertEquals(2, client.lastBlock());
            assertArrayEquals(hash("root-2"), client.stateRootOf(2));
        }
    }

    @Test
    void aCommitThatRevertsWhenMinedIsReportedWithItsTxHashAndDecodedError() throws Exception {
        try (RollupClient client = RollupClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID)) {
            anvil.rpc("evm_setAutomine", "[false]");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<L1Commit> commit = pool.submit(() -> client.commitBlock(1, hash("root-1"), hash("data-1")));
                awaitPendingTransactions(1, commit); // simulated and sent: it passed the checks
                // Between sending and mining, the sequencer changes (storage slot 0 holds it), as if
                // the owner had rotated the key in an earlier transaction of the same L1 block.
                anvil.rpc("anvil_setStorageAt", "[\"" + client.contractAddress() + "\",\"0x0\",\"0x"
                        + "0".repeat(24) + AnvilProcess.ADDRESS_1.substring(2) + "\"]");
                anvil.rpc("evm_mine", "[]");

                java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> commit.get(30, TimeUnit.SECONDS));
                RollupRevertedException reverted = assertInstanceOfReverted(e.getCause());
                assertNotNull(reverted.txHash(), "this one was mined");
                assertEquals("Unauthorized", reverted.errorName());
                assertEquals(List.of(AnvilProcess.ADDRESS_0), reverted.arguments());
                assertTrue(reverted.getMessage().contains("in tx " + reverted.txHash()), reverted.getMessage());
            } finally {
                anvil.rpc("evm_setAutomine", "[true]");
                pool.shutdownNow();
            }
            assertEquals(0, client.lastBlock());
        }
    }

    @Test
    void waitingForAReceiptIsBounded() {
        RollupClient.Settings quick = new RollupClient.Settings(
                Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofSeconds(5), 20);
        try (RollupClient client = RollupClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID, quick)) {
            anvil.rpc("evm_setAutomine", "[false]");
            try {
                RollupException e = assertThrows(RollupException.class,
                        () -> client.commitBlock(1, hash("root-1"), hash("data-1")));
                assertTrue(e.getMessage().contains("no receipt"), e.getMessage());
            } finally {
                anvil.rpc("evm_setAutomine", "[true]");
                anvil.rpc("evm_mine", "[]"); // the pending commit lands after all
            }
            assertEquals(1, client.lastBlock());
        }
    }

    @Test
    void refusesAWrongChainIdAndAnAddressWithoutCode() {
        RollupException wrongChain = assertThrows(RollupException.class,
                () -> RollupClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0, 1));
        assertTrue(wrongChain.getMessage().contains("chain id 31337"), wrongChain.getMessage());

        RollupException noCode = assertThrows(RollupException.class,
                () -> RollupClient.at(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID, AnvilProcess.ADDRESS_1));
        assertTrue(noCode.getMessage().contains("no contract code"), noCode.getMessage());
    }

    @Test
    void aClosedClientRefusesWork() {
        RollupClient client = RollupClient.deploy(anvil.rpcUrl(), AnvilProcess.KEY_0, AnvilProcess.CHAIN_ID);
        client.close();
        client.close(); // idempotent
        assertThrows(IllegalStateException.class, client::lastBlock);
        assertThrows(IllegalStateException.class, () -> client.commitBlock(1, hash("r"), hash("d")));
    }

    // ---------------------------------------------------------------------------------------------

    private static RollupRevertedException assertInstanceOfReverted(Throwable t) {
        if (t instanceof RollupRevertedException r) {
            return r;
        }
        throw new AssertionError("expected RollupRevertedException", t);
    }

    private static void awaitPendingTransactions(int count, Future<?>... senders) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String body = anvil.rpc("txpool_status", "[]");
            String hex = body.replaceAll(".*\"pending\":\"(0x[0-9a-fA-F]+)\".*", "$1");
            if (hex.startsWith("0x") && Long.parseLong(hex.substring(2), 16) >= count) {
                return;
            }
            for (Future<?> f : senders) {
                if (f.isDone()) {
                    f.get(); // surfaces a send that failed instead of reaching the pool
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(count + " transactions never reached anvil's pool");
    }

    private static byte[] hash(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
