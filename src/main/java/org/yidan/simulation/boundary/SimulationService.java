package org.yidan.simulation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.entity.Policy;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.reports.control.Target;
import org.yidan.reports.control.TargetCatalog;
import org.yidan.simulation.control.DraftPolicy;
import org.yidan.simulation.control.RunStates;
import org.yidan.simulation.entity.Simulation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.POLICY_ANALYST_NAME;

/**
 * Policy what-if (测算): start a simulation of a draft policy over a county's stored bills, follow it, cancel it.
 * Starting validates the draft exactly as a configured policy is validated and stores it; the replay itself runs in
 * the background ({@link SimulationRunner}) once the caller's transaction has committed.
 */
@Stateless
@RolesAllowed({POLICY_ANALYST_NAME, ADMIN_NAME})
public class SimulationService {

    public static final String SIMULATION_NOT_FOUND = "SIMULATION_NOT_FOUND";
    public static final String SIMULATION_FINISHED = "SIMULATION_FINISHED";

    @PersistenceContext
    EntityManager em;

    @Inject
    Policies policies;

    @Inject
    AuditTrail audit;

    /** What the runner needs, ready once the simulation row is stored. */
    public record Started(Simulation simulation, Policy baseline, Policy draft, List<Target> targets) {
    }

    public Started create(String county, Integer year, LocalDate from, LocalDate to, Map<String, String> overrides,
                          String username) {
        if (county == null || year == null) {
            throw RefusedException.unprocessable("FIELD_REQUIRED", county == null ? "county" : "year",
                    "county and year are required");
        }
        Policy baseline = policies.find(county, year).orElseThrow(() -> RefusedException.unprocessable("NO_POLICY",
                "year", "No policy for county " + county + " in " + year));
        LocalDate start = from == null ? LocalDate.of(year, 1, 1) : from;
        LocalDate end = to == null ? LocalDate.of(year, 12, 31) : to;
        if (start.getYear() != year || end.getYear() != year || end.isBefore(start)) {
            throw RefusedException.unprocessable("PERIOD_INVALID", "from",
                    "The discharge period must lie within " + year + " and end on or after its start");
        }
        Config config = ConfigProvider.getConfig(SimulationService.class.getClassLoader());
        Function<String, Optional<String>> values = key -> config.getOptionalValue(key, String.class);
        DraftPolicy draft = DraftPolicy.read(values, county, year, overrides);
        List<Target> targets = targets(key -> values.apply(key).filter(value -> !value.isBlank()), county, year);
        var json = JsonFactories.object();
        new TreeMap<>(overrides).forEach(json::add);
        Simulation simulation = new Simulation(county, year, start, end, json.build().toString(),
                draft.toProperties(year + 1, "测算 " + county + "/" + year + " by " + username),
                username, OffsetDateTime.now(ZoneOffset.UTC));
        em.persist(simulation);
        em.flush();
        audit.record(username, AuditAction.SIMULATION_START, String.valueOf(simulation.getId()), AuditEvent.Outcome.SUCCESS,
                county + "/" + year + " " + start + ".." + end + " overrides " + new TreeMap<>(overrides).keySet());
        return new Started(simulation, baseline, draft.policy(), targets);
    }

    /**
     * The county-year's targets, read by the reports' own reader with the reports' keys
     * ({@code yidan.report.<county>.<year>.target.<id>.…}), so that the what-if measures the targets the report shows.
     *
     * @throws RefusedException 503 {@code TARGETS_INVALID}, as the report answers, when they are configured wrongly
     */
    static List<Target> targets(Function<String, Optional<String>> config, String county, int year) {
        try {
            return TargetCatalog.load(config, county, year);
        } catch (IllegalArgumentException wrong) {
            throw new RefusedException(503, "TARGETS_INVALID", "The report targets are configured wrongly: "
                    + wrong.getMessage(), List.of());
        }
    }

    /**
     * The simulation as stored; a run whose server is gone (see {@link RunStates}) is ended as interrupted first, so
     * that nobody waits for it.
     */
    public Simulation find(long id) {
        Simulation simulation = em.find(Simulation.class, id);
        if (simulation == null) {
            throw RefusedException.notFound(SIMULATION_NOT_FOUND, "No simulation " + id);
        }
        if (!simulation.isFinished()) {
            RunStates.interruptIfStale(SimulationWork.updates(em), id);
        }
        em.refresh(simulation);
        return simulation;
    }

    public List<Simulation> latest(int count) {
        RunStates.interruptStale(SimulationWork.updates(em));
        return em.createNamedQuery(Simulation.LATEST, Simulation.class).setMaxResults(count).getResultList();
    }

    /**
     * Cancels a queued or running simulation, in one conditional update: when the run finished first, its result
     * stands and the cancellation is refused (409 {@code SIMULATION_FINISHED}).
     */
    public Simulation cancel(long id, String username) {
        Simulation simulation = find(id);
        if (simulation.isFinished() || !RunStates.cancel(SimulationWork.updates(em), id)) {
            em.refresh(simulation);
            throw RefusedException.conflict(SIMULATION_FINISHED, "Simulation " + id + " already ended: "
                    + simulation.getStatus());
        }
        em.refresh(simulation);
        audit.record(username, AuditAction.SIMULATION_CANCEL, String.valueOf(id), AuditEvent.Outcome.SUCCESS, null);
        return simulation;
    }

    /**
     * Starts the draft of an ended simulation (interrupted, failed, cancelled or done) once more, as a new simulation
     * with the same county-year, period and overrides, validated again against today's configuration.
     */
    public Started rerun(long id, String username) {
        Simulation earlier = find(id);
        if (!earlier.isFinished()) {
            throw RefusedException.conflict("SIMULATION_RUNNING", "Simulation " + id + " is still " + earlier.getStatus());
        }
        Map<String, String> overrides = new java.util.LinkedHashMap<>();
        try (var reader = JsonFactories.READERS.createReader(new java.io.StringReader(earlier.getOverridesJson()))) {
            reader.readObject().forEach((key, value) -> overrides.put(key,
                    value instanceof jakarta.json.JsonString text ? text.getString() : value.toString()));
        }
        return create(earlier.getCounty(), earlier.getPolicyYear(), earlier.getPeriodFrom(), earlier.getPeriodTo(),
                overrides, username);
    }
}
