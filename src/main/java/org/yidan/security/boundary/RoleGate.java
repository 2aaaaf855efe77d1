package org.yidan.security.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.yidan.platform.boundary.Problem;

import java.util.List;

/**
 * Enforces {@code @RolesAllowed} of a REST method before its request body is read. A check inside the
 * method comes too late: JAX-RS reads the body into the method's parameter first, and a fund officer's
 * 600 MB post to the preview exhausted memory instead of being refused. The services check the same
 * roles again.
 */
@Provider
public class RoleGate implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            context.register(new Check(allowed.value()));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final String[] roles;

        Check(String[] roles) {
            this.roles = roles.clone();
        }

        @Override
        public void filter(ContainerRequestContext request) {
            for (String role : roles) {
                if (request.getSecurityContext().isUserInRole(role)) {
                    return;
                }
            }
            Response forbidden = Problem.response(403, "FORBIDDEN", "Forbidden",
                    "Your role does not allow this action.", List.of());
            // the body is left unread: closing the connection spares reading it only to throw it away
            request.abortWith(request.hasEntity()
                    ? Response.fromResponse(forbidden).header("Connection", "close").build() : forbidden);
        }
    }
}
