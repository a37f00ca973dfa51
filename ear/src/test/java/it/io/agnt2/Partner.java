package it.io.agnt2;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;
import io.agnt2.protocol.eip712.Eip712Domain;
import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.interaction.Register;
import io.agnt2.protocol.interaction.SignedInteraction;
import io.agnt2.protocol.interaction.Transfer;
import io.agnt2.protocol.value.Nonce;
import io.agnt2.protocol.value.Wei;
import io.agnt2.sidecar.gateway.GatewayClient;
import io.agnt2.sidecar.gateway.GatewayResponse;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A partner organisation in a scenario: its Keycloak client, its gateway session and one agent
 * whose key it holds. Scenarios read as "acme registers an agent, pays globex's agent".
 */
final class Partner {

    static final URI GATEWAY = URI.create(System.getProperty("gateway.url", "http://127.0.0.1:9080"));
    static final URI KEYCLOAK = URI.create(System.getProperty("keycloak.url", "http://127.0.0.1:8180"));
    static final Duration BLOCK_WAIT = Duration.ofSeconds(30);

    static {
        awaitReady(Duration.ofMinutes(4));
    }

    final String organization;
    final String token;
    final GatewayClient gateway;
    final Eip712Domain domain;
    final AgentKey agent = AgentKey.generate();
    private long nextNonce;

    private Partner(String organization) {
        this.organization = organization;
        this.token = GatewayClient.fetchToken(KEYCLOAK, "agnt2", organization + "-agent", organization + "-secret");
        this.gateway = new GatewayClient(GATEWAY, token);
        this.domain = gateway.domain();
    }

    static Partner acme() {
        return new Partner("acme");
    }

    static Partner globex() {
        return new Partner("globex");
    }

    AgentAddress address() {
        return agent.address();
    }

    /** Registers this partner's agent and waits for its block. */
    Partner registered() {
        String hash = submit(new Register(address(), organization, "https://" + organization + ".example/agent",
                new Nonce(nextNonce))).hash();
        nextNonce++;
        gateway.awaitIncluded(hash, BLOCK_WAIT);
        return this;
    }

    /** A transfer with this agent's next nonce, signed by this agent. */
    Transfer transferTo(Partner other, long amount) {
        return new Transfer(address(), other.address(), Wei.of(amount), new Nonce(nextNonce));
    }

    /** Pays and counts the nonce as used. */
    String pay(Partner other, long amount) {
        String hash = submit(transferTo(other, amount)).hash();
        nextNonce++;
        return hash;
    }

    /** Counts a nonce as used without submitting (for batches built by the test). */
    void used() {
        nextNonce++;
    }

    SignedInteraction signed(Interaction interaction) {
        return SignedInteraction.sign(interaction, agent, domain);
    }

    GatewayResponse submit(Interaction interaction) {
        return gateway.submit(SignedInteraction.sign(interaction, agent, domain), domain);
    }

    /**
     * The server reports started before the application has (under load, seconds later): wait until
     * its readiness checks (database, channel adapter, L1 contract) all answer UP.
     */
    static void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(GATEWAY.resolve("/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
                Thread.sleep(500);
            } catch (java.io.IOException e) {
                last = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the gateway", e);
            }
        }
        throw new IllegalStateException("the gateway was not ready within " + timeout + " (last status " + last + ")");
    }

    JsonObject record() {
        return gateway.agent(address());
    }
}
