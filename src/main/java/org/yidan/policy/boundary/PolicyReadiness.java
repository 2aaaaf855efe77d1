package org.yidan.policy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.yidan.policy.entity.Policy;

/** Readiness check {@code policy-configuration}: DOWN, naming the keys at fault, while a policy is invalid. */
@Readiness
@ApplicationScoped
public class PolicyReadiness implements HealthCheck {

    @Inject
    Policies policies;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("policy-configuration");
        if (policies.problem().isPresent()) {
            return response.down().withData("problem", policies.problem().get()).build();
        }
        response.up();
        for (Policy policy : policies.all()) {
            response.withData(policy.id(), policy.fingerprint());
        }
        return response.build();
    }
}
