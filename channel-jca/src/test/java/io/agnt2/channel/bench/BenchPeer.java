package io.agnt2.channel.bench;

import io.agnt2.channel.node.ChannelEvents;
import io.agnt2.channel.node.ChannelNode;
import io.agnt2.channel.node.ChannelNodeConfig;
import io.agnt2.protocol.agent.AgentKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The receiving side of the channel benchmarks, in its own JVM: a node that signs for the agents whose
 * keys are in the file given as first argument (one hex key a line), journals into the directory given
 * second, prints "PORT n" and runs until its standard input closes.
 */
public final class BenchPeer {

    public static void main(String[] args) throws IOException {
        List<AgentKey> keys = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank())
                .map(AgentKey::fromHex).toList();
        try (ChannelNode node = ChannelNode.start(new ChannelNodeConfig(ChannelBenchmark.DOMAIN, "127.0.0.1", 0, keys,
                Path.of(args[1]), null), ChannelEvents.NONE)) {
            System.out.println("PORT " + node.boundAddress().getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
