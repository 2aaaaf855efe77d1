package org.yidan.simulation.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.yidan.policy.control.Money;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.entity.Policy;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.Permission;
import org.yidan.simulation.entity.Simulation;

import java.io.Serializable;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code simulation/whatif.xhtml}: draft a policy, start its simulation, follow it and read the result side by side
 * with charts. Shows what {@link SimulationService} stored; computes nothing.
 */
@Named
@ViewScoped
public class SimulationView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> FIGURES = List.of("settlements", "persons", "totalAmount", "policyScopeAmount",
            "fundTotal", "selfPay", "actualRatio", "scopeRatio", "inCountyShare");
    private static final java.util.Set<String> RATIOS = java.util.Set.of("actualRatio", "scopeRatio", "inCountyShare");
    private static final java.util.Set<String> COUNTS = java.util.Set.of("settlements", "persons");

    /** One line of a side-by-side table. */
    public record Line(String label, String baseline, String draft, String difference) implements Serializable {
    }

    @Inject
    transient SimulationService simulations;

    @Inject
    transient SimulationRunner runner;

    @Inject
    transient Policies policies;

    @Inject
    transient CurrentUser currentUser;

    private String policyId;
    private LocalDate from;
    private LocalDate to;
    private String overrides;
    private Long selectedId;
    private Simulation selected;
    private String resultText;

    @PostConstruct
    void init() {
        currentUser.require(Permission.SIMULATE);
        List<Policy> all = policies.all();
        if (!all.isEmpty()) {
            policyId = all.get(0).id();
        }
    }

    public List<Policy> getPolicyChoices() {
        return policies.all();
    }

    public void start() {
        Map<String, String> values = new LinkedHashMap<>();
        if (overrides != null) {
            for (String line : overrides.split("\\R")) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                if (equals < 0) {
                    FacesMessages.errorText("whatifForm:overrides", line.strip() + " ≠ key=value");
                    return;
                }
                values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        String[] policy = policyId == null ? new String[] {null, null} : policyId.split("/");
        startWith(() -> simulations.create(policy[0], policy[1] == null ? null : Integer.valueOf(policy[1]), from, to,
                values, currentUser.getUsername()), null);
    }

    /** Runs the draft of an ended simulation (interrupted, cancelled, failed or done) once more, as a new one. */
    public void rerun(long id) {
        startWith(() -> simulations.rerun(id, currentUser.getUsername()), id);
    }

    private void startWith(java.util.function.Supplier<SimulationService.Started> creation, Long earlier) {
        try {
            SimulationService.Started started = creation.get();
            Simulation simulation = started.simulation();
            runner.submit(simulation.getId(), simulation.getCounty(), simulation.getPeriodFrom(),
                    simulation.getPeriodTo(), started.baseline(), started.draft(), started.targets());
            if (earlier == null) {
                FacesMessages.info("simulation.started", simulation.getId());
            } else {
                FacesMessages.info("simulation.rerunStarted", earlier, simulation.getId());
            }
            show(simulation.getId());
        } catch (RefusedException refused) {
            showRefusal(refused);
        } catch (RuntimeException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof RefusedException refused) {
                    showRefusal(refused);
                    return;
                }
            }
            FacesMessages.failed(failure);
        }
    }

    private static void showRefusal(RefusedException refused) {
        FacesMessages.refused(refused, field -> null);
        for (RefusedException.FieldError error : refused.errors()) {
            FacesMessages.errorText("whatifForm:overrides", error.field() + ": " + error.message());
        }
    }

    public List<Simulation> getSimulations() {
        return simulations.latest(20);
    }

    public void show(long id) {
        selectedId = id;
        refresh();
    }

    public void refresh() {
        if (selectedId == null) {
            return;
        }
        selected = simulations.find(selectedId);
        resultText = selected.getResultJson();
    }

    public void cancel(long id) {
        try {
            simulations.cancel(id, currentUser.getUsername());
            FacesMessages.info("simulation.cancelled", id);
            if (selectedId != null && selectedId == id) {
                refresh();
            }
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public boolean isRunning() {
        return selected != null && !selected.isFinished();
    }

    public String statusLabel(Simulation simulation) {
        return FacesMessages.text("simulation.status." + simulation.getStatus().name());
    }

    public String percent(BigDecimal progress) {
        return progress == null ? "" : progress.movePointRight(2).setScale(0, java.math.RoundingMode.DOWN) + "%";
    }

    public String time(Simulation simulation) {
        return simulation.getCreatedAt().atZoneSameInstant(org.yidan.platform.control.CountyClock.ZONE)
                .format(TIME);
    }

    private JsonObject result() {
        if (resultText == null) {
            return null;
        }
        try (var reader = JsonFactories.READERS.createReader(new StringReader(resultText))) {
            return reader.readObject();
        }
    }

    public boolean isHasResult() {
        return resultText != null;
    }

    public List<Line> getFigures() {
        JsonObject result = result();
        List<Line> lines = new ArrayList<>();
        if (result == null) {
            return lines;
        }
        JsonObject baseline = result.getJsonObject("baseline");
        JsonObject draft = result.getJsonObject("draft");
        JsonObject difference = result.getJsonObject("difference");
        for (String field : FIGURES) {
            lines.add(new Line(FacesMessages.text("simulation.field." + field), figure(field, baseline.get(field)),
                    figure(field, draft.get(field)),
                    difference.containsKey(field) ? figure(field, difference.get(field)) : ""));
        }
        lines.add(new Line(FacesMessages.text("simulation.betterOff"), "", text(draft.get("betterOff")), ""));
        lines.add(new Line(FacesMessages.text("simulation.worseOff"), "", text(draft.get("worseOff")), ""));
        lines.add(new Line(FacesMessages.text("simulation.refused"), text(baseline.get("refused")),
                text(draft.get("refused")), ""));
        return lines;
    }

    public List<Line> getFunds() {
        JsonObject result = result();
        List<Line> lines = new ArrayList<>();
        if (result == null) {
            return lines;
        }
        JsonObject before = result.getJsonObject("baseline").getJsonObject("funds");
        JsonObject after = result.getJsonObject("draft").getJsonObject("funds");
        JsonObject difference = result.getJsonObject("difference").getJsonObject("funds");
        for (String fund : before.keySet()) {
            lines.add(new Line(fundName(fund), amount(before.get(fund)), amount(after.get(fund)),
                    amount(difference.get(fund))));
        }
        return lines;
    }

    public List<Line> getByCategory() {
        return slices("byCategory", "category", "category.");
    }

    public List<Line> getByVisitType() {
        return slices("byVisitType", "visitType", "visitType.");
    }

    /** Actual ratio per slice, baseline and draft. */
    private List<Line> slices(String field, String key, String labelPrefix) {
        JsonObject result = result();
        List<Line> lines = new ArrayList<>();
        if (result == null) {
            return lines;
        }
        JsonArray before = result.getJsonObject("baseline").getJsonArray(field);
        JsonArray after = result.getJsonObject("draft").getJsonArray(field);
        for (JsonValue value : before) {
            JsonObject slice = value.asJsonObject();
            String name = slice.getString(key);
            String draftRatio = "";
            for (JsonValue other : after) {
                if (other.asJsonObject().getString(key).equals(name)) {
                    draftRatio = percent(other.asJsonObject().get("actualRatio"));
                }
            }
            String label = sliceName(labelPrefix, name);
            lines.add(new Line(label + "（" + slice.getInt("settlements") + "）",
                    percent(slice.get("actualRatio")),
                    draftRatio, ""));
        }
        return lines;
    }

    public boolean isTargetsConfigured() {
        JsonObject result = result();
        return result != null && result.getBoolean("targetsConfigured", false);
    }

    public List<Line> getTargets() {
        JsonObject result = result();
        List<Line> lines = new ArrayList<>();
        if (result == null) {
            return lines;
        }
        JsonArray before = result.getJsonObject("baseline").getJsonArray("targets");
        JsonArray after = result.getJsonObject("draft").getJsonArray("targets");
        for (int i = 0; i < before.size(); i++) {
            JsonObject target = before.getJsonObject(i);
            lines.add(new Line(target.getString("name") + " " + FacesMessages.text("simulation.bound."
                    + target.getString("bound")) + " " + text(target.get("target")), attained(target),
                    attained(after.getJsonObject(i)), ""));
        }
        return lines;
    }

    private static String attained(JsonObject target) {
        if (target.isNull("actual")) {
            return "—";
        }
        return text(target.get("actual")) + " " + FacesMessages.text(target.getBoolean("met")
                ? "simulation.met" : "simulation.notMet");
    }

    public List<Line> getChanges() {
        JsonObject result = result();
        List<Line> lines = new ArrayList<>();
        if (result == null) {
            return lines;
        }
        for (JsonValue value : result.getJsonArray("largestChanges")) {
            JsonObject change = value.asJsonObject();
            lines.add(new Line(change.getString("idNumber"), amount(change.get("baselineSelfPay")),
                    amount(change.get("draftSelfPay")), amount(change.get("change"))));
        }
        return lines;
    }

    /** Chart.js configuration: each fund's cost under both policies. */
    public String getFundsChart() {
        JsonObject result = result();
        if (result == null) {
            return "{}";
        }
        JsonObject before = result.getJsonObject("baseline").getJsonObject("funds");
        JsonObject after = result.getJsonObject("draft").getJsonObject("funds");
        List<String> labels = new ArrayList<>();
        List<JsonValue> baseline = new ArrayList<>();
        List<JsonValue> draft = new ArrayList<>();
        for (String fund : before.keySet()) {
            labels.add(fundName(fund));
            baseline.add(before.get(fund));
            draft.add(after.get(fund));
        }
        return barChart(labels, baseline, draft);
    }

    /** Chart.js configuration: settlements per self-pay bucket under both policies. */
    public String getDistributionChart() {
        JsonObject result = result();
        if (result == null) {
            return "{}";
        }
        JsonArray before = result.getJsonObject("baseline").getJsonArray("selfPayDistribution");
        JsonArray after = result.getJsonObject("draft").getJsonArray("selfPayDistribution");
        List<String> labels = new ArrayList<>();
        List<JsonValue> baseline = new ArrayList<>();
        List<JsonValue> draft = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            JsonObject bucket = before.getJsonObject(i);
            labels.add(bucket.isNull("to") ? "≥" + bound(bucket.get("from"))
                    : i == 0 ? "0" : bound(bucket.get("from")) + "–" + bound(bucket.get("to")));
            baseline.add(bucket.get("settlements"));
            draft.add(after.getJsonObject(i).get("settlements"));
        }
        return barChart(labels, baseline, draft);
    }

    private static String barChart(List<String> labels, List<JsonValue> baseline, List<JsonValue> draft) {
        var labelArray = JsonFactories.array();
        labels.forEach(labelArray::add);
        var before = JsonFactories.array();
        baseline.forEach(before::add);
        var after = JsonFactories.array();
        draft.forEach(after::add);
        return JsonFactories.object().add("type", "bar")
                .add("data", JsonFactories.object().add("labels", labelArray)
                        .add("datasets", JsonFactories.array()
                                .add(JsonFactories.object().add("label", FacesMessages.text("simulation.baseline"))
                                        .add("data", before).add("backgroundColor", "#90a4ae"))
                                .add(JsonFactories.object().add("label", FacesMessages.text("simulation.draft"))
                                        .add("data", after).add("backgroundColor", "#1e88e5"))))
                .add("options", JsonFactories.object().add("responsive", true).add("animation", false))
                .build().toString();
    }

    private static String bound(JsonValue value) {
        return ((JsonNumber) value).bigDecimalValue().stripTrailingZeros().toPlainString();
    }

    private static String sliceName(String kind, String name) {
        try {
            return kind.equals("category.") ? org.yidan.policy.entity.PersonCategory.valueOf(name).displayName()
                    : org.yidan.policy.entity.VisitType.valueOf(name).displayName();
        } catch (IllegalArgumentException unknown) {
            return name;
        }
    }

    private static String fundName(String fund) {
        return DeclaredFunds.current().displayName(fund);
    }

    /** One of {@link #FIGURES} as the report writes it: a ratio 77.48%, an amount 464,000.00, a count as it is. */
    private static String figure(String field, JsonValue value) {
        return RATIOS.contains(field) ? percent(value) : COUNTS.contains(field) ? text(value) : amount(value);
    }

    private static String amount(JsonValue value) {
        return value instanceof JsonNumber number ? Money.format(number.bigDecimalValue()) : text(value);
    }

    private static String percent(JsonValue value) {
        return value instanceof JsonNumber number ? Money.formatPercent(number.bigDecimalValue()) : text(value);
    }

    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        return value instanceof JsonNumber number ? number.bigDecimalValue().toPlainString() : value.toString();
    }

    public String getPolicyId() {
        return policyId;
    }

    public void setPolicyId(String policyId) {
        this.policyId = policyId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getOverrides() {
        return overrides;
    }

    public void setOverrides(String overrides) {
        this.overrides = overrides;
    }

    public Long getSelectedId() {
        return selectedId;
    }

    public Simulation getSelected() {
        return selected;
    }
}
