package io.agnt2.sequencer.core;

import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The child process of {@link SequencerCrashRecoveryTest}: opens (recovers) the core in a directory,
 * then transfers from several threads, each owning one sender, and closes a block every few
 * milliseconds, until it is killed. It prints {@code ACK <hash>} only after the core said the
 * interaction is durable, and {@code BLOCK <number> <root>} for every block handed to the listener.
 *
 * <p>Arguments: directory, sender threads.
 */
public final class CoreCrashMain {

    private CoreCrashMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int senders = Integer.parseInt(args[1]);
        AgentKey[] keys = CoreFixtures.keys("crash", senders + 1);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        SequencerConfig config = SequencerConfig.parallel(dir, CoreFixtures.PARAMETERS, threads, 2)
                .withListener(block -> print(out, "BLOCK " + block.number() + " " + block.stateRoot()));
        SequencerCore core = SequencerCore.open(config, CheckpointSource.GENESIS);
        print(out, "OPEN " + core.lastBlockNumber() + " " + core.pendingCount());
        for (int s = 0; s < senders; s++) {
            int sender = s;
            Thread.ofPlatform().start(() -> send(core, keys, sender, out));
        }
        while (true) {
            Thread.sleep(15);
            core.closeBlock();
        }
    }

    private static void send(SequencerCore core, AgentKey[] keys, int sender, PrintStream out) {
        AgentKey key = keys[sender];
        try {
            if (core.headRecord(key.address()).map(r -> !r.isRegistered()).orElse(true)) {
                accept(core, SignedInteraction.sign(new Register(key.address(), "org", "", Nonce.ZERO), key,
                        CoreFixtures.DOMAIN), out);
            }
            for (long i = 0; ; i++) {
                Nonce nonce = core.headRecord(key.address()).orElseThrow().nonce();
                AgentKey to = keys[(int) ((sender + 1 + i) % keys.length)];
                if (to == key) {
                    continue;
                }
                accept(core, SignedInteraction.sign(new Transfer(key.address(), to.address(), Wei.of(1), nonce), key,
                        CoreFixtures.DOMAIN), out);
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(3);
        }
    }

    private static void accept(SequencerCore core, SignedInteraction signed, PrintStream out) throws Exception {
        AcceptedInteraction ack = core.accept(signed, signed.digest(CoreFixtures.DOMAIN)).join();
        print(out, "ACK " + ack.hash());
    }

    private static void print(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
