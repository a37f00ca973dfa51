package io.agnt2.channel.bench;

import io.agnt2.channel.node.ChannelEvents;
import io.agnt2.channel.node.ChannelNode;
import io.agnt2.channel.node.ChannelNodeConfig;
import io.agnt2.channel.node.OpenRequest;
import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.channel.ChannelDomain;
import io.agnt2.protocol.channel.ChannelId;
import io.agnt2.protocol.channel.SignedChannelState;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.value.Bytes32;
import io.agnt2.protocol.value.Wei;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Signed, durable channel updates between two nodes in two JVMs over loopback TCP. This JVM proposes
 * (its agents pay); a child JVM ({@link BenchPeer}) counter-signs. Each of {@code pairs} channels keeps
 * {@code window} payments in flight (closed loop: a completion issues the next), so the figures are
 * throughput at that concurrency and the latency of one update from {@code pay()} to co-signed and
 * durable on both sides, measured in the same run.
 *
 * <p>Arguments: name journalRoot pairs window warmupSeconds measuredSeconds
 */
public final class ChannelBenchmark {

    static final Eip712Domain DOMAIN = ChannelDomain.of(31337, AgentAddress.of("0x" + "c4".repeat(20)));

    public static void main(String[] args) throws Exception {
        String name = args[0];
        Path root = Path.of(args[1]);
        int pairs = Integer.parseInt(args[2]);
        int window = Integer.parseInt(args[3]);
        int warmupSeconds = Integer.parseInt(args[4]);
        int measuredSeconds = Integer.parseInt(args[5]);
        deleteRecursively(root);
        Files.createDirectories(root);

        List<AgentKey> payers = new ArrayList<>();
        List<AgentKey> payees = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            payers.add(AgentKey.generate());
            payees.add(AgentKey.generate());
        }
        Path keyFile = root.resolve("peer-keys.txt");
        Files.write(keyFile, payees.stream().map(AgentKey::privateKeyHex).toList());

        Process peer = startPeer(keyFile, root.resolve("peer-journal"));
        try (BufferedReader peerOut = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = peerOut.readLine()) != null && !line.startsWith("PORT ")) {
                System.err.println("peer: " + line);
            }
            if (line == null) {
                throw new IllegalStateException("the peer JVM exited before listening");
            }
            InetSocketAddress peerAddress = new InetSocketAddress("127.0.0.1", Integer.parseInt(line.substring(5).trim()));
            try (ChannelNode node = ChannelNode.start(new ChannelNodeConfig(DOMAIN, "127.0.0.1", 0, payers,
                    root.resolve("journal"), null), ChannelEvents.NONE)) {
                run(name, node, peer.toHandle(), peerAddress, payers, payees, window, warmupSeconds, measuredSeconds);
            }
        } finally {
            peer.getOutputStream().close();
            if (!peer.waitFor(10, TimeUnit.SECONDS)) {
                peer.destroyForcibly();
            }
        }
    }

    private static void run(String name, ChannelNode node, ProcessHandle peer, InetSocketAddress peerAddress,
                            List<AgentKey> payers,
                            List<AgentKey> payees, int window, int warmupSeconds, int measuredSeconds) throws Exception {
        int pairs = payers.size();
        List<CompletableFuture<SignedChannelState>> opens = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            opens.add(node.open(new OpenRequest(payers.get(i).address(), payees.get(i).address(), peerAddress,
                    Wei.of(Long.MAX_VALUE), Wei.ZERO, Bytes32.ZERO)));
        }
        List<ChannelId> channels = new ArrayList<>();
        for (CompletableFuture<SignedChannelState> open : opens) {
            channels.add(open.get(30, TimeUnit.SECONDS).state().channelId());
        }
        System.err.printf("%d channel(s) open; %d payment(s) in flight per channel%n", pairs, window);

        Load load = new Load(node, window);
        channels.forEach(load::start);
        Thread.sleep(warmupSeconds * 1000L);
        long before = load.completed.get();
        long cpuBefore = cpuNanos(ProcessHandle.current()) + cpuNanos(peer);
        double loadAtStart = systemLoad();
        load.measuring = true;
        long start = System.nanoTime();
        Thread.sleep(measuredSeconds * 1000L);
        load.measuring = false;
        long elapsed = System.nanoTime() - start;
        long updates = load.completed.get() - before;
        long cpu = cpuNanos(ProcessHandle.current()) + cpuNanos(peer) - cpuBefore;
        double loadAtEnd = systemLoad();
        load.stop.set(true);
        Thread.sleep(500);
        if (load.failures.get() > 0) {
            System.err.println("failures: " + load.failures.get() + " (first: " + load.firstFailure + ")");
        }

        long[] latencies = load.latencies();
        double[] crypto = cryptoMicros(payers.get(0));
        double perSecond = updates / (elapsed / 1e9);
        String json = String.format(Locale.ROOT,
                "{\"benchmark\":\"%s\",\"updates_per_s\":%.0f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,"
                        + "\"pairs\":%d,\"window_per_pair\":%d,\"updates\":%d,\"seconds\":%d,\"warmup_s\":%d,"
                        + "\"failures\":%d,\"cpu_us_per_update_both_jvms\":%.1f,\"cpu_cores_used\":%.2f,"
                        + "\"sign_cpu_us\":%.1f,\"check_cpu_us\":%.1f,\"crypto_cpu_us_per_update_both_jvms\":%.1f,\"durable\":\"group-committed journal per side, force per group\","
                        + "\"jvms\":2,\"transport\":\"TCP loopback, plaintext\",\"load_1m_start\":%.2f,\"load_1m_end\":%.2f}",
                name, perSecond, percentile(latencies, 0.50), percentile(latencies, 0.99),
                percentile(latencies, 1.0), pairs, window, updates, measuredSeconds, warmupSeconds, load.failures.get(),
                updates == 0 ? Double.NaN : cpu / 1e3 / updates, cpu / (double) elapsed,
                crypto[0], crypto[1], 2 * (crypto[0] + crypto[1]), loadAtStart, loadAtEnd);
        System.out.println(json);
    }

    /** Closed loop: each completion records its latency and issues the next payment on its channel. */
    private static final class Load {
        private final ChannelNode node;
        private final int window;
        final AtomicLong completed = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();
        volatile boolean measuring;
        volatile Throwable firstFailure;
        private final long[] samples = new long[4_000_000];
        private final AtomicLong sampleCount = new AtomicLong();

        Load(ChannelNode node, int window) {
            this.node = node;
            this.window = window;
        }

        void start(ChannelId channel) {
            for (int i = 0; i < window; i++) {
                pay(channel);
            }
        }

        private void pay(ChannelId channel) {
            if (stop.get()) {
                return;
            }
            long issued = System.nanoTime();
            node.pay(channel, Wei.of(1), Bytes32.ZERO).whenComplete((state, failure) -> {
                if (failure != null) {
                    failures.incrementAndGet();
                    if (firstFailure == null) {
                        firstFailure = failure;
                    }
                } else {
                    completed.incrementAndGet();
                    if (measuring) {
                        long index = sampleCount.getAndIncrement();
                        if (index < samples.length) {
                            samples[(int) index] = System.nanoTime() - issued;
                        }
                    }
                }
                pay(channel);
            });
        }

        long[] latencies() {
            long[] taken = Arrays.copyOf(samples, (int) Math.min(sampleCount.get(), samples.length));
            Arrays.sort(taken);
            return taken;
        }
    }

    /**
     * What one signature and one signature check cost in CPU time of this thread (so another process's
     * load does not inflate them, as wall-clock time would on a shared machine): each update costs two
     * of each across the two JVMs (each side signs once, r||s without v, and checks the other's
     * signature once by an ECDSA verify against the counterparty's known public key; decision 0015),
     * so this says how much of the CPU per update is the signatures.
     */
    private static double[] cryptoMicros(AgentKey key) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        io.agnt2.protocol.crypto.Secp256k1 secp256k1 = io.agnt2.protocol.crypto.Secp256k1.get();
        byte[] digest = new byte[32];
        int n = 5000;
        io.agnt2.protocol.crypto.CompactSignature signature = null;
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            digest[0] = (byte) i;
            digest[1] = (byte) (i >> 8);
            signature = key.signCompact(digest);
        }
        long signed = threads.getCurrentThreadCpuTime();
        int valid = 0;
        for (int i = 0; i < n; i++) {
            valid += secp256k1.verify(digest, signature, key.publicKey()) ? 1 : 0;
        }
        long checked = threads.getCurrentThreadCpuTime();
        if (valid != n) {
            throw new IllegalStateException("a signature of the benchmark's own key did not check");
        }
        return new double[]{(signed - start) / 1e3 / n, (checked - signed) / 1e3 / n};
    }

    /** The machine's one-minute load average: the machine is shared, and the figures depend on it. */
    private static double systemLoad() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** CPU time (user + system) a JVM has used so far, as the OS reports it. */
    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static Process startPeer(Path keyFile, Path journal) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        command.addAll(Arrays.stream(System.getProperty("bench.peer.jvm", "-Xms512m -Xmx512m").split(" "))
                .filter(s -> !s.isBlank()).collect(Collectors.toList()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchPeer.class.getName(),
                keyFile.toString(), journal.toString()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
