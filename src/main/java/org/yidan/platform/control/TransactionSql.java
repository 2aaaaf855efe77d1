package org.yidan.platform.control;

import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A native statement of the settlement's path run with plain JDBC in the caller's JTA transaction, on a connection of
 * the application's pool (shared within the transaction: the same database transaction EclipseLink uses), with
 * the numbered parameters ({@code ?1}, {@code ?2}, each possibly used more than once) of a JPA native query. The
 * settlement benchmark's profile put EclipseLink's handling of a native query (parsing the SQL for parameters,
 * query objects, a check for changes to flush) at twice the driver's own CPU per statement, about 15 % of Payara's
 * CPU per settlement. What EclipseLink holds unflushed is not flushed before such a statement: use it only for
 * statements that do not read what the persistence context wrote in the same transaction.
 * <p>
 * Rows come back as {@code Object[]} of {@link ResultSet#getObject} values, as EclipseLink gives them; an
 * {@link SQLException} comes back as a {@link PersistenceException} with it as the cause, so that an outage is
 * told apart as before ({@link DatabaseFailures}).
 */
public final class TransactionSql implements AutoCloseable {

    /** The JDBC text and, per numbered parameter, the JDBC positions it binds (the SQL texts are constants). */
    record Parsed(String jdbc, int[][] positions) {
    }

    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    private final Parsed parsed;
    private final Connection connection;
    private final PreparedStatement statement;

    private TransactionSql(Parsed parsed, Connection connection, PreparedStatement statement) {
        this.parsed = parsed;
        this.connection = connection;
        this.statement = statement;
    }

    /** Prepares {@code sql} on a connection of {@code pool} (the application's, in the caller's transaction). */
    public static TransactionSql of(DataSource pool, String sql) {
        Parsed parsed = PARSED.computeIfAbsent(sql, TransactionSql::parse);
        Connection connection = null;
        try {
            connection = pool.getConnection();
            return new TransactionSql(parsed, connection, connection.prepareStatement(parsed.jdbc()));
        } catch (SQLException failure) {
            closeQuietly(connection);
            throw failed(failure);
        }
    }

    /** Binds parameter {@code ?number} wherever it occurs; null binds an untyped NULL (the SQL casts it). */
    public TransactionSql set(int number, Object value) {
        try {
            for (int position : parsed.positions()[number]) {
                if (value == null) {
                    statement.setNull(position, Types.OTHER);
                } else {
                    statement.setObject(position, value);
                }
            }
            return this;
        } catch (SQLException failure) {
            close();
            throw failed(failure);
        }
    }

    /** The one row of a query; its columns. */
    public Object[] single() {
        List<Object[]> rows = list();
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row, the statement returned " + rows.size());
        }
        return rows.get(0);
    }

    /** Every row of a query. */
    public List<Object[]> list() {
        try (ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = result.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException failure) {
            throw failed(failure);
        } finally {
            close();
        }
    }

    /** Runs a statement that returns no rows; the rows it changed. */
    public int update() {
        try {
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw failed(failure);
        } finally {
            close();
        }
    }

    /** Closes the statement and the connection's handle (the transaction keeps the connection until it ends). */
    @Override
    public void close() {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection's close below releases it too
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection: the pool's validation removes it
            }
        }
    }

    private static PersistenceException failed(SQLException failure) {
        return new PersistenceException(failure.getMessage(), failure);
    }

    /** {@code ?n} outside quoted text becomes {@code ?}; remembers which JDBC positions each {@code n} fills. */
    static Parsed parse(String sql) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        List<List<Integer>> positions = new ArrayList<>();
        int position = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                int number = Integer.parseInt(sql.substring(i + 1, end));
                while (positions.size() <= number) {
                    positions.add(new ArrayList<>());
                }
                positions.get(number).add(++position);
                jdbc.append('?');
                i = end - 1;
            } else {
                jdbc.append(c);
            }
        }
        int[][] byNumber = new int[positions.size()][];
        for (int n = 0; n < positions.size(); n++) {
            byNumber[n] = positions.get(n).stream().mapToInt(Integer::intValue).toArray();
        }
        return new Parsed(jdbc.toString(), byNumber);
    }
}
