package org.yidan.policy.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.CountyClock;
import org.yidan.policy.control.DemoPolicyYears;
import org.yidan.policy.control.PolicyCatalog;
import org.yidan.policy.control.PolicyConfigReader;
import org.yidan.policy.control.PolicyConfigurationException;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.policy.entity.Policy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The county policies this deployment serves, read through MicroProfile Config once at start and
 * validated. An invalid configuration does not stop the deployment, but the readiness check
 * {@code policy-configuration} stays DOWN and names every offending key, and nothing is settled.
 */
@ApplicationScoped
public class Policies {

    private static final Logger LOG = Logger.getLogger(Policies.class.getName());

    private volatile PolicyCatalog catalog;
    private volatile String problem;
    private volatile Set<String> counties = Set.of();
    private volatile DemoPolicyYears demoYears;

    /**
     * Where a policy's parameters come from: the year it inherits, and whether it is the demo's copy of that year
     * (never a county's policy).
     */
    public record Origin(Integer inheritsFrom, boolean demoCopy) {
    }

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig(Policies.class.getClassLoader());
        counties = config.getOptionalValue(PolicyConfigReader.COUNTIES, String.class).stream()
                .flatMap(list -> Arrays.stream(list.split(","))).map(String::trim).filter(code -> !code.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        Function<String, Optional<String>> values = key -> config.getOptionalValue(key, String.class);
        if (config.getOptionalValue("yidan.demo.data", Boolean.class).orElse(false)) {
            demoYears = DemoPolicyYears.forYear(values, LocalDate.now(CountyClock.ZONE).getYear());
            values = demoYears.over(values);
        }
        if (DeclaredFunds.problem().isPresent()) {
            problem = DeclaredFunds.problem().get();
            LOG.severe("The fund declarations are invalid; settlement is disabled: " + problem);
            return;
        }
        try {
            PolicyCatalog loaded = PolicyCatalog.load(values);
            if (loaded.policies().isEmpty()) {
                problem = "no policy is enabled: set yidan.counties";
                return;
            }
            catalog = loaded;
            loaded.policies().forEach(policy -> LOG.info(() -> "Policy " + policy.id() + " (" + policy.countyName()
                    + ") fingerprint " + policy.fingerprint() + origin(policy.county(), policy.year())
                    .filter(Origin::demoCopy).map(origin -> ": DEMO copy of " + origin.inheritsFrom()).orElse("")));
        } catch (PolicyConfigurationException invalid) {
            problem = invalid.getMessage();
            LOG.severe("The policy configuration is invalid; settlement is disabled: " + problem);
        } catch (RuntimeException invalid) {
            problem = invalid.getClass().getSimpleName() + ": " + invalid.getMessage();
            LOG.severe("The policy configuration could not be read; settlement is disabled: " + problem);
        }
    }

    /** Why the configuration is unusable, or empty when it is valid. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Whether this deployment serves {@code county} ({@code yidan.counties}), valid policies or not. */
    public boolean serves(String county) {
        return county != null && counties.contains(county);
    }

    public List<Policy> all() {
        return catalog == null ? List.of() : catalog.policies();
    }

    /** The years {@code county} has a policy for, the latest first. */
    public List<Integer> years(String county) {
        return catalog == null ? List.of() : catalog.years(county);
    }

    /** The policy year a bill of {@code county} discharged on {@code dischargeDate} (may be null) is shown under. */
    public int settlementYear(String county, LocalDate dischargeDate) {
        LocalDate today = LocalDate.now(CountyClock.ZONE);
        return catalog == null ? today.getYear() : catalog.settlementYear(county, dischargeDate, today);
    }

    /** The funds whose amount comes from an outside system under the policy of {@code county} and {@code year}. */
    public List<org.yidan.policy.entity.Fund> externalFunds(String county, int year) {
        return find(county, year).map(Policy::externalFunds).orElse(List.of());
    }

    public Optional<Policy> find(String county, int year) {
        return catalog == null ? Optional.empty() : catalog.find(county, year);
    }

    /** Where the parameters of a policy come from; empty when it has its own (or does not exist). */
    public Optional<Origin> origin(String county, int year) {
        if (catalog == null) {
            return Optional.empty();
        }
        return catalog.inheritedFrom(county, year).map(parent -> new Origin(parent,
                demoYears != null && demoYears.copyOf(county, year).isPresent()));
    }

    /**
     * The policy that settles a bill of {@code county} discharged on {@code dischargeDate}.
     *
     * @throws RefusedException 422 {@code NO_POLICY}; 503 {@code POLICY_INVALID} while the configuration is invalid
     */
    public Policy require(String county, LocalDate dischargeDate) {
        if (catalog == null) {
            throw new RefusedException(503, "POLICY_INVALID",
                    "The policy configuration is invalid; see /health/ready. " + problem, List.of());
        }
        return catalog.require(county, dischargeDate);
    }
}
