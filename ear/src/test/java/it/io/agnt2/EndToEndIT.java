package it.io.agnt2;

import io.agnt2.protocol.Hex;
import io.agnt2.settlement.infrastructure.l1.RollupClient;
import io.agnt2.sidecar.gateway.GatewayClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton end to end: Keycloak tokens, signed interactions through the gateway, the
 * block in PostgreSQL, its state root on the rollup contract on anvil, balances moved.
 */
class EndToEndIT {

    /** anvil's fourth development account: a public test key, used here only to read the contract. */
    private static final String READER_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";

    @Test
    void aTransferFromAcmeToGlobexSettlesOnL1() throws Exception {
        Partner acme = Partner.acme().registered();
        Partner globex = Partner.globex().registered();
        long grant = Long.parseLong(acme.record().getString("balance"));
        assertTrue(grant > 0, "the test profile grants value on registration");

        acme.pay(globex, 100);
        String last = acme.pay(globex, 250);
        JsonObject included = acme.gateway.awaitIncluded(last, Partner.BLOCK_WAIT);
        long blockNumber = GatewayClient.longValue(included, "blockNumber");

        assertEquals(String.valueOf(grant - 350), acme.record().getString("balance"));
        assertEquals(3, acme.record().getInt("nonce"));
        assertEquals(String.valueOf(grant + 350), globex.record().getString("balance"));

        JsonObject block = acme.gateway.block(blockNumber);
        String stateRoot = block.getString("stateRoot");
        assertEquals(stateRoot, storedStateRoot(blockNumber), "the gateway shows the block PostgreSQL holds");

        JsonObject settled = acme.gateway.awaitSettled(blockNumber, Duration.ofSeconds(60));
        String l1Tx = settled.getJsonObject("settlement").getString("l1TxHash");
        assertTrue(l1Tx.matches("0x[0-9a-f]{64}"), "an L1 transaction hash: " + l1Tx);

        String contract = acme.domain.verifyingContract().toString();
        try (RollupClient rollup = RollupClient.at(System.getProperty("l1.rpc.url"), READER_KEY, 31337, contract)) {
            assertEquals(stateRoot, Hex.encode(rollup.stateRootOf(blockNumber)), "the contract holds the block's root");
        }
    }

    private static String storedStateRoot(long number) throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("db.url"), System.getProperty("db.user"), "");
             PreparedStatement query = db.prepareStatement("select stateRoot from block where number = ?")) {
            query.setLong(1, number);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "block " + number + " is in PostgreSQL");
                return row.getString(1);
            }
        }
    }
}
