package org.yidan.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.util.function.Supplier;

/**
 * The one way a refused request reaches the audit trail, for the REST resources and the screens alike: the
 * use case runs, and when the rules refuse it, one line {@code REFUSED} with the refusal's code and reason is
 * committed on its own (the use case's transaction rolls back) before the refusal goes on to the caller.
 */
@ApplicationScoped
public class Refusals {

    @Inject
    AuditTrail audit;

    @Inject
    Permissions permissions;

    /**
     * @param target what the use case is about, as the audit trail may show it (e.g. a masked ID number)
     */
    public <T> T audited(AuditAction action, String target, Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (RefusedException refused) {
            audit.recordIndependently(permissions.username(), action, target, AuditEvent.Outcome.REFUSED,
                    refused.code() + ": " + refused.getMessage());
            throw refused;
        }
    }
}
