package io.agnt2.sequencer.infrastructure.persistence;

import io.agnt2.protocol.codec.AgentRecordCodec;
import io.agnt2.protocol.state.AgentRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stored agent records (a checkpoint of the sequencer core). Read through JPA once at start; written
 * with plain JDBC batches, in the caller's transaction: a checkpoint carries every agent changed since the
 * last one, and an entity read and write per agent cost seconds for a few thousand (decision 0010).
 */
@ApplicationScoped
public class AgentStore {

    private static final int BATCH_ROWS = 1000;
    private static final String COLUMNS_SET = "organization = ?, balance = ?, nonce = ?, reputationSum = ?, ratings = ?, record = ?";
    private static final String UPDATE = "update " + AgentEntity.TABLE + " set " + COLUMNS_SET + " where address = ?";
    private static final String INSERT = "insert into " + AgentEntity.TABLE
            + " (organization, balance, nonce, reputationSum, ratings, record, address) values (?, ?, ?, ?, ?, ?, ?)";

    @PersistenceContext(unitName = "sequencer")
    EntityManager em;
    @Resource(lookup = "jdbc/agnt2")
    DataSource dataSource;

    /** Every record: to build the trie once at start; blocks then rehash only what they touch. */
    public List<AgentRecord> all() {
        return em.createQuery("select a from AgentEntity a", AgentEntity.class).getResultStream()
                .map(AgentEntity::toRecord).toList();
    }

    /**
     * Writes each record over the stored one, or adds it: updates first (most agents exist), then inserts
     * for those no row matched. Plain UPDATE and INSERT, so H2 and PostgreSQL take the same statements.
     * Sorted by address, so concurrent writers would lock rows in one order: by the address's bytes, not
     * its text, which is EIP-55 checksummed (a keccak per call, two per comparison).
     */
    public void storeAll(List<AgentRecord> records) {
        List<AgentRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(AgentRecord::address));
        try (Connection connection = dataSource.getConnection()) {
            List<AgentRecord> missing = update(connection, sorted);
            insert(connection, missing);
        } catch (SQLException e) {
            throw new IllegalStateException("storing " + records.size() + " agent records failed: " + e.getMessage(), e);
        }
    }

    private static List<AgentRecord> update(Connection connection, List<AgentRecord> records) throws SQLException {
        List<AgentRecord> missing = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (int from = 0; from < records.size(); from += BATCH_ROWS) {
                List<AgentRecord> chunk = records.subList(from, Math.min(records.size(), from + BATCH_ROWS));
                for (AgentRecord record : chunk) {
                    bind(update, record);
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        missing.add(chunk.get(i));
                    }
                }
            }
        }
        return missing;
    }

    private static void insert(Connection connection, List<AgentRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < records.size(); i++) {
                bind(insert, records.get(i));
                insert.addBatch();
                if ((i + 1) % BATCH_ROWS == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The same parameter order for both statements: the columns, then the address. */
    private static void bind(PreparedStatement statement, AgentRecord record) throws SQLException {
        statement.setString(1, record.organization());
        statement.setBigDecimal(2, new BigDecimal(record.balance().toBigInteger()));
        statement.setLong(3, record.nonce().value());
        statement.setLong(4, record.reputation().scoreSum());
        statement.setLong(5, record.reputation().ratings());
        statement.setBytes(6, AgentRecordCodec.encode(record));
        statement.setString(7, record.address().toString());
    }
}
