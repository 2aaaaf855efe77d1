package org.yidan.platform.control;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void aFailoverThatFindsNoPrimaryIsAnOutageThroughEveryWrapper() {
        PSQLException noPrimary = new PSQLException("Could not find a server with specified targetServerType: primary",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        Throwable wrapped = new EJBException(new PersistenceException(new RuntimeException(noPrimary)));
        assertEquals(Optional.of("SQLState 08001"), DatabaseFailures.kind(wrapped));
    }

    @Test
    void aServerShuttingDownOrStartingOrDemotedIsAnOutage() {
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("cannot execute INSERT in a read-only transaction", "25006")));
        assertTrue(DatabaseFailures.isUnavailable(new PersistenceException(new SQLException("I/O error", "08006"))));
    }

    @Test
    void thePoolThatCannotConnectIsAnOutage() {
        SQLException fromPool = new SQLException("Error in allocating a connection. Cause: Connection could not be allocated",
                (String) null, new ConnectException("Connection refused"));
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(fromPool)));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("Error in allocating a connection. Cause: pool exhausted")));
    }

    @Test
    void aCommitThatFailsBecauseTheConnectionWentAwayIsAnOutage() {
        // what Payara throws when PostgreSQL terminates the connection during the commit of a settlement
        assertEquals(Optional.of("commit failed"),
                DatabaseFailures.kind(new EJBException(new jakarta.transaction.SystemException())));
        // the audit trail's own transaction (@Transactional REQUIRES_NEW) cannot commit while the database is gone
        assertTrue(DatabaseFailures.isUnavailable(new jakarta.transaction.TransactionalException("commit failed",
                new jakarta.transaction.RollbackException("Transaction marked for rollback."))));
        assertTrue(DatabaseFailures.isUnavailable(new jakarta.resource.spi.LocalTransactionException(
                "FATAL: terminating connection due to administrator command")));
    }

    @Test
    void aRefusalOrAConstraintViolationIsNotAnOutage() {
        assertFalse(DatabaseFailures.isUnavailable(RefusedException.unprocessable("NO_POLICY", "no policy")));
        assertFalse(DatabaseFailures.isUnavailable(new PersistenceException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("canceling statement due to lock timeout", "55P03")));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("a bug")));
    }
}
