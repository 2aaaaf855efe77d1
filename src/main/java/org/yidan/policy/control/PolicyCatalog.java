package org.yidan.policy.control;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.yidan.platform.control.RefusedException;
import org.yidan.policy.entity.Policy;

/** The enabled policies, by county and year. Immutable; rebuild it to pick up changed configuration. */
public final class PolicyCatalog {

    private final Map<String, Policy> policies = new LinkedHashMap<>();
    private final Map<String, Integer> inheritedFrom;

    public PolicyCatalog(Collection<Policy> policies) {
        this(policies, Map.of());
    }

    /** {@code inheritedFrom}: per policy id, the year whose parameters it inherits. */
    public PolicyCatalog(Collection<Policy> policies, Map<String, Integer> inheritedFrom) {
        for (Policy policy : policies) {
            if (this.policies.putIfAbsent(policy.id(), policy) != null) {
                throw new IllegalArgumentException("Two policies for " + policy.id());
            }
        }
        this.inheritedFrom = Map.copyOf(inheritedFrom);
    }

    /**
     * @see PolicyConfigReader#read(Function)
     * @throws PolicyConfigurationException listing every problem of the configuration
     */
    public static PolicyCatalog load(Function<String, Optional<String>> config) {
        PolicyConfigReader.Result read = PolicyConfigReader.readWithInheritance(config);
        return new PolicyCatalog(read.policies(), read.inheritedFrom());
    }

    /** The year whose parameters the policy of {@code county} and {@code year} inherits, if it inherits. */
    public Optional<Integer> inheritedFrom(String county, int year) {
        return Optional.ofNullable(inheritedFrom.get(county + "/" + year));
    }

    public List<Policy> policies() {
        return List.copyOf(policies.values());
    }

    public Optional<Policy> find(String county, int year) {
        return Optional.ofNullable(policies.get(county + "/" + year));
    }

    /** The years {@code county} has a policy for, the latest first. */
    public List<Integer> years(String county) {
        return policies.values().stream().filter(policy -> policy.county().equals(county)).map(Policy::year)
                .sorted(java.util.Comparator.reverseOrder()).toList();
    }

    /**
     * The policy year a bill of {@code county} is settled under by default: the discharge date's year when it has
     * a policy (the discharge date decides the policy), else this year's, else the latest; this year when the
     * county has none at all.
     */
    public int settlementYear(String county, LocalDate dischargeDate, LocalDate today) {
        List<Integer> years = years(county);
        if (dischargeDate != null && years.contains(dischargeDate.getYear())) {
            return dischargeDate.getYear();
        }
        if (years.isEmpty() || years.contains(today.getYear())) {
            return today.getYear();
        }
        return years.get(0);
    }

    /**
     * The policy that settles a bill of a person of {@code county} discharged on {@code dischargeDate}.
     *
     * @throws RefusedException 422 {@code NO_POLICY}
     */
    public Policy require(String county, LocalDate dischargeDate) {
        return find(county, dischargeDate.getYear()).orElseThrow(() -> RefusedException.unprocessable(
                SettlementCalculator.NO_POLICY, "dischargeDate",
                "No policy for county " + county + " in " + dischargeDate.getYear()));
    }
}
