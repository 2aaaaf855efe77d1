package org.yidan.platform.boundary;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * A {@code @Transactional} bean's failure (e.g. the audit trail's own transaction failing to commit during a
 * database outage) goes to {@link ProblemMapper} like every other failure. Without this, Jersey's built-in mapper
 * for {@link TransactionalException} takes it and fails, and the client gets a bare HTML 500.
 */
@Provider
public class TransactionalProblemMapper implements ExceptionMapper<TransactionalException> {

    @Context
    Providers providers;

    @Override
    public Response toResponse(TransactionalException thrown) {
        return providers.getExceptionMapper(Throwable.class).toResponse(thrown);
    }
}
