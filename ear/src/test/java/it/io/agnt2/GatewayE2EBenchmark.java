package it.io.agnt2;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import io.agnt2.sidecar.gateway.GatewayClient;
import io.agnt2.sidecar.gateway.GatewayResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code gateway-e2e} benchmark (run by {@code bench/run gateway-e2e}, never by the test suite):
 * signed transfers through the gateway's batch endpoint over HTTP with Keycloak JWTs, until every one
 * is in a block; soft-confirmation latency sampled meanwhile; and, in the same run, anvil fed the
 * same number of signed transfers over JSON-RPC from this client, pending transactions bounded.
 * anvil goes first, while the gateway is idle: afterwards settlement would still be posting the
 * gateway's blocks to the same anvil and take a share of it.
 */
class GatewayE2EBenchmark {

    private static final int AGENTS = Integer.getInteger("bench.agents", 1_000);
    private static final int TRANSFERS = Integer.getInteger("bench.transfers", 20_000);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);
    /** Transfers sent before the measured ones, untimed, so the measurement is of a warm server. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 80_000);
    private static final int BATCH = Integer.getInteger("bench.batch", 500);
    private static final Path LOAD_STARTED = Path.of("target/gateway-e2e.load-started");
    private static final Path LOAD_ENDED = Path.of("target/gateway-e2e.load-ended");
    /**
     * anvil's development accounts: public test keys, funded on every anvil. Not the second, the server's
     * sequencer key (ear/pom.xml), with which settlement deploys the contract and posts blocks meanwhile.
     */
    private static final List<String> ANVIL_KEYS = List.of(
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
            "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
            "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
            "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
            "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
            "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
            "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
            "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
            "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6");

    @Test
    void measure() throws Exception {
        double anvilRate = anvil(TRANSFERS);
        Partner acme = Partner.acme();
        List<AgentKey> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(AgentKey.generate());
        }
        System.out.println("registering " + AGENTS + " agents");
        register(acme, agents);

        long[] nonces = new long[agents.size()];
        Arrays.fill(nonces, 1);
        System.out.println("signing " + WARMUP + " warm-up and " + TRANSFERS + " measured transfers");
        // Signed and encoded before the clock starts: the figure is the gateway's, and this client shares
        // the machine's two cores with it.
        List<List<EncodedBatch>> warmUp = encode(acme, signTransfers(acme, agents, WARMUP, nonces));
        List<List<EncodedBatch>> perConnection = encode(acme, signTransfers(acme, agents, TRANSFERS, nonces));
        // HTTP/1.1, as the anvil side: the JDK client's default (HTTP/2 by h2c upgrade) multiplexes every
        // sender over one TCP connection, with HTTP/2 flow control on each 150 KB batch; the benchmark
        // means `connections` connections.
        GatewayClient client = new GatewayClient(Partner.GATEWAY, acme.token,
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        if (WARMUP > 0) {
            // untimed: the server's JIT compiles the request and block paths here, not in the measured phase
            System.out.println("warming up with " + WARMUP + " transfers");
            ExecutorService warming = Executors.newFixedThreadPool(CONNECTIONS);
            List<Future<String>> lastWarm = new ArrayList<>();
            for (List<EncodedBatch> stream : warmUp) {
                lastWarm.add(warming.submit(() -> send(client, stream)));
            }
            for (Future<String> last : lastWarm) {
                acme.gateway.awaitIncluded(last.get(), Duration.ofMinutes(5));
            }
            warming.shutdown();
        }

        System.out.println("sending over " + CONNECTIONS + " connections in batches of " + BATCH);
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS + 1);
        Future<List<Double>> latencies = pool.submit(() -> sampleConfirmations(acme, agents.getFirst(), loading));
        // bench/gateway-e2e.sh measures the server's CPU per thread between these two files' appearance
        Files.writeString(LOAD_STARTED, "");
        long start = System.nanoTime();
        List<Future<String>> lastHashes = new ArrayList<>();
        for (List<EncodedBatch> stream : perConnection) {
            lastHashes.add(pool.submit(() -> send(client, stream)));
        }
        for (Future<String> last : lastHashes) {
            acme.gateway.awaitIncluded(last.get(), Duration.ofMinutes(5));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.writeString(LOAD_ENDED, "");
        loading.set(false);
        double[] confirm = latencies.get().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        pool.shutdown();
        double gatewayRate = TRANSFERS / seconds;
        System.out.printf(Locale.ROOT, "gateway: %d transfers in %.2f s = %.0f/s%n", TRANSFERS, seconds, gatewayRate);
        JsonObject figures = Json.createObjectBuilder()
                .add("benchmark", "gateway-e2e")
                .add("interactions", TRANSFERS)
                .add("agents", AGENTS)
                .add("connections", CONNECTIONS)
                .add("batch", BATCH)
                .add("warmup", WARMUP)
                .add("interactions_per_s", Math.round(gatewayRate))
                .add("confirm_samples", confirm.length)
                .add("confirm_p50_ms", round(percentile(confirm, 0.50)))
                .add("confirm_p99_ms", round(percentile(confirm, 0.99)))
                .add("anvil_tx_per_s", Math.round(anvilRate))
                .add("ratio_vs_anvil", round(gatewayRate / anvilRate))
                .build();
        Files.writeString(Path.of("target/gateway-e2e.json"), figures.toString());
        System.out.println(figures);
    }

    private static void register(Partner acme, List<AgentKey> agents) {
        for (int from = 0; from < agents.size(); from += BATCH) {
            List<SignedInteraction> batch = new ArrayList<>();
            for (AgentKey agent : agents.subList(from, Math.min(agents.size(), from + BATCH))) {
                batch.add(SignedInteraction.sign(new Register(agent.address(), "acme", "", Nonce.ZERO), agent, acme.domain));
            }
            JsonObject result = acme.gateway.submitBatch(batch, acme.domain).orThrow();
            assertEquals(batch.size(), result.getInt("accepted"), result::toString);
            acme.gateway.awaitIncluded(result.getJsonArray("items").getJsonObject(batch.size() - 1).getString("hash"),
                    Duration.ofMinutes(2));
        }
    }

    /** Transfers grouped by sender into one stream per connection, so each sender's nonces stay in order. */
    private static List<List<SignedInteraction>> signTransfers(Partner acme, List<AgentKey> agents, int count,
                                                              long[] nonces) {
        List<List<SignedInteraction>> streams = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            streams.add(new ArrayList<>());
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(1, agents.size()); // agent 0 is the latency sampler's
            int to = random.nextInt(agents.size());
            if (to == from) {
                to = (to + 1) % agents.size();
            }
            AgentKey sender = agents.get(from);
            Transfer transfer = new Transfer(sender.address(), agents.get(to).address(), Wei.of(1), new Nonce(nonces[from]++));
            streams.get(from % CONNECTIONS).add(SignedInteraction.sign(transfer, sender, acme.domain));
        }
        return streams;
    }

    /** One batch's request body, and how many interactions it holds. */
    private record EncodedBatch(String json, int size) {
    }

    private static List<List<EncodedBatch>> encode(Partner acme, List<List<SignedInteraction>> streams) {
        List<List<EncodedBatch>> encoded = new ArrayList<>();
        for (List<SignedInteraction> stream : streams) {
            List<EncodedBatch> batches = new ArrayList<>();
            for (int from = 0; from < stream.size(); from += BATCH) {
                List<SignedInteraction> batch = stream.subList(from, Math.min(stream.size(), from + BATCH));
                batches.add(new EncodedBatch(GatewayClient.batchJson(batch, acme.domain), batch.size()));
            }
            encoded.add(batches);
        }
        return encoded;
    }

    private static String send(GatewayClient client, List<EncodedBatch> stream) {
        String last = null;
        for (EncodedBatch batch : stream) {
            JsonObject result = client.post("/api/v1/interactions/batch", batch.json()).orThrow();
            assertEquals(batch.size(), result.getInt("accepted"), result::toString);
            last = result.getJsonArray("items").getJsonObject(batch.size() - 1).getString("hash");
        }
        return last;
    }

    /** One waiting submit every 50 ms while the load runs: the time until its block committed. */
    private static List<Double> sampleConfirmations(Partner acme, AgentKey sampler, AtomicBoolean loading)
            throws InterruptedException {
        List<Double> millis = new ArrayList<>();
        long nonce = 1;
        AgentKey receiver = AgentKey.generate();
        while (loading.get()) {
            Transfer transfer = new Transfer(sampler.address(), receiver.address(), Wei.of(1), new Nonce(nonce++));
            SignedInteraction signed = SignedInteraction.sign(transfer, sampler, acme.domain);
            long sent = System.nanoTime();
            GatewayResponse response = acme.gateway.submitAndWait(signed, acme.domain, 30);
            if (response.status() == 200) {
                millis.add((System.nanoTime() - sent) / 1e6);
            }
            Thread.sleep(50);
        }
        return millis;
    }

    /** The same number of signed transfers to anvil over JSON-RPC, at most 256 unconfirmed at a time. */
    private static double anvil(int count) throws Exception {
        URI rpc = URI.create(System.getProperty("l1.rpc.url"));
        // HTTP/1.1 as every JSON-RPC client speaks it (the default would offer an h2c upgrade on each connection)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BigInteger gasPrice = Numeric.decodeQuantity(rpc(http, rpc, "eth_gasPrice", "[]").getString("result"));
        List<Credentials> senders = ANVIL_KEYS.stream().map(Credentials::create).toList();
        long[] nonces = new long[senders.size()];
        for (int s = 0; s < senders.size(); s++) {
            nonces[s] = Numeric.decodeQuantity(rpc(http, rpc, "eth_getTransactionCount",
                    "[\"" + senders.get(s).getAddress() + "\",\"pending\"]").getString("result")).longValueExact();
        }
        System.out.println("signing " + count + " anvil transfers");
        String[] raw = new String[count];
        for (int i = 0; i < count; i++) {
            int s = i % senders.size();
            RawTransaction tx = RawTransaction.createEtherTransaction(BigInteger.valueOf(nonces[s]++), gasPrice,
                    BigInteger.valueOf(21_000), senders.get((s + 1) % senders.size()).getAddress(), BigInteger.ONE);
            raw[i] = Numeric.toHexString(TransactionEncoder.signMessage(tx, 31337, senders.get(s)));
        }
        System.out.println("sending " + count + " transfers to anvil");
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        int window = 256;
        for (int from = 0; from < count; from += window) {
            List<Future<String>> sent = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + window); i++) {
                String tx = raw[i];
                sent.add(pool.submit(() -> rpc(http, rpc, "eth_sendRawTransaction", "[\"" + tx + "\"]").getString("result")));
            }
            for (Future<String> hash : sent) {
                hash.get();
            }
            awaitMined(http, rpc, senders, expectedNonces(nonces, senders.size(), count, Math.min(count, from + window)));
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "anvil: %d transfers in %.2f s = %.0f/s%n", count, seconds, count / seconds);
        return count / seconds;
    }

    /** Each sender's nonce once the first {@code sent} of the {@code count} transfers are mined. */
    private static long[] expectedNonces(long[] finalNonces, int senders, int count, int sent) {
        long[] expected = new long[senders];
        for (int s = 0; s < senders; s++) {
            long perSender = count / senders + (s < count % senders ? 1 : 0);
            long sentBySender = sent / senders + (s < sent % senders ? 1 : 0);
            expected[s] = finalNonces[s] - perSender + sentBySender;
        }
        return expected;
    }

    /**
     * Bounds the unconfirmed transactions: waits until every sender's mined nonce reached what was
     * sent, asking once per sender rather than once per transaction.
     */
    private static void awaitMined(HttpClient http, URI rpc, List<Credentials> senders, long[] expected) throws Exception {
        for (int attempt = 0; attempt < 6_000; attempt++) {
            boolean mined = true;
            for (int s = 0; s < senders.size() && mined; s++) {
                long nonce = Numeric.decodeQuantity(rpc(http, rpc, "eth_getTransactionCount",
                        "[\"" + senders.get(s).getAddress() + "\",\"latest\"]").getString("result")).longValueExact();
                mined = nonce >= expected[s];
            }
            if (mined) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("anvil did not mine the sent transfers");
    }

    private static JsonObject rpc(HttpClient http, URI rpc, String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(rpc).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        if (json.containsKey("error")) {
            throw new IllegalStateException(method + " failed: " + json.get("error"));
        }
        return json;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
