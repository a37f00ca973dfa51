package io.agnt2.sequencer.infrastructure.persistence;

import io.agnt2.protocol.interaction.Interaction;
import io.agnt2.protocol.execution.Receipt;
import io.agnt2.sequencer.core.ClosedBlock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes each block the core closes to the database, in one transaction: the block with its batch (into
 * the settlement outbox) and one row per interaction for look-ups by hash. Plain JDBC batches rather than
 * JPA: a block carries thousands of interactions, and an entity per row cost more than the rest of closing
 * the block (decision 0010). A block replayed from the log after a restart may be there already and is
 * left alone. The tables are created by Hibernate from {@link BlockEntity} and {@link InteractionEntity}.
 */
@ApplicationScoped
public class BlockRecorder {

    /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound driver buffers. */
    private static final int BATCH_ROWS = 1000;

    private static final String EXISTS = "select 1 from " + BlockEntity.TABLE + " where number = ?";
    private static final String INSERT_BLOCK = "insert into " + BlockEntity.TABLE
            + " (number, stateRoot, dataHash, interactionCount, closedAt, published, batch) values (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_INTERACTION = "insert into " + InteractionEntity.TABLE
            + " (hash, blockNumber, indexInBlock, kind, signer, status) values (?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "jdbc/agnt2")
    DataSource dataSource;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(ClosedBlock block) {
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection, block.number())) {
                return;
            }
            insertInteractions(connection, block);
            insertBlock(connection, block);
        } catch (SQLException e) {
            throw new IllegalStateException("recording block " + block.number() + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, long number) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(EXISTS)) {
            select.setLong(1, number);
            try (ResultSet found = select.executeQuery()) {
                return found.next();
            }
        }
    }

    private static void insertInteractions(Connection connection, ClosedBlock block) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_INTERACTION)) {
            for (int i = 0; i < block.size(); i++) {
                Interaction interaction = block.interactions().get(i).interaction();
                Receipt receipt = block.receipts().get(i);
                insert.setString(1, block.interactionHashes().get(i).toString());
                insert.setLong(2, block.number());
                insert.setInt(3, i);
                insert.setString(4, interaction.kind().name());
                insert.setString(5, interaction.signer().toString());
                insert.setString(6, (receipt.succeeded() ? InteractionStatus.INCLUDED : InteractionStatus.FAILED).name());
                insert.addBatch();
                if ((i + 1) % BATCH_ROWS == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void insertBlock(Connection connection, ClosedBlock block) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BLOCK)) {
            insert.setLong(1, block.number());
            insert.setString(2, block.stateRoot().toString());
            insert.setString(3, block.dataHash().toString());
            insert.setInt(4, block.size());
            insert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC)); // a timestamp with time zone, as Hibernate maps Instant
            insert.setBoolean(6, false);
            insert.setBytes(7, block.batch());
            insert.executeUpdate();
        }
    }
}
