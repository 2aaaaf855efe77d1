package org.yidan.settlement.boundary;

import org.yidan.platform.control.CountyClock;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import org.yidan.beneficiaries.boundary.BeneficiaryBrowser;
import org.yidan.beneficiaries.boundary.BeneficiaryService;
import org.yidan.beneficiaries.boundary.IdNumberDisclosure;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.control.Money;
import org.yidan.policy.entity.BaseSpec;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Rule;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.VisitType;
import org.yidan.security.boundary.Refusals;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.Permission;
import org.yidan.settlement.control.AccumulatorView;
import org.yidan.settlement.control.SettlementRequest;
import org.yidan.settlement.control.SettlementView;

import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code settlement/counter.xhtml}, the one window (一窗口): find the person, enter the bill, preview the
 * fund chain, settle once, go to the receipt. Every figure comes from {@link SettlementService}; this view
 * only holds what the clerk typed and what the service answered.
 */
@Named
@ViewScoped
public class CounterView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int HOSPITAL_SUGGESTIONS = 15;
    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)]\\.(category|amount)");

    /** One person found by the lookup. */
    public record Match(String idNumber, String shownIdNumber, String name, String county, String household,
                        String categoriesToday) implements Serializable {
    }

    /** A category span with its Chinese name and whether it holds today. */
    public record CategoryRow(String label, LocalDate from, LocalDate to, boolean validToday) implements Serializable {
    }

    public record DiseaseRow(String code, String label, LocalDate approvedOn) implements Serializable {
    }

    /** The selected person, as the panel shows them. */
    public record Person(String idNumber, String shownIdNumber, String name, String county, String countyName,
                         String household, List<CategoryRow> categories, List<DiseaseRow> diseases,
                         List<String> tags, LocalDate exitedOn, boolean eligibleToday) implements Serializable {
    }

    public record AccumulatorRow(String fundName, String rule, BigDecimal base, BigDecimal paid, BigDecimal cap,
                                 BigDecimal capLeft) implements Serializable {
    }

    /** One step of the fund chain; a fund that paid nothing under any rule has one row without a base. */
    public record StepRow(String fund, String fundName, BigDecimal base, BigDecimal amount, String explanation)
            implements Serializable {
    }

    public record Preview(String personName, String policyId, BigDecimal totalAmount, BigDecimal policyScopeAmount,
                          List<StepRow> steps, BigDecimal fundTotal, BigDecimal selfPay) implements Serializable {
    }

    @Inject
    BeneficiaryService registry;

    @Inject
    SettlementService settlements;

    @Inject
    Policies policies;

    @Inject
    CurrentUser currentUser;

    @Inject
    Refusals refusals;

    @Inject
    IdNumberDisclosure disclosure;

    @Inject
    HospitalDirectory hospitals;

    private String query;
    private List<Match> matches = List.of();
    private boolean searched;
    private Person person;
    private Integer year;
    private List<AccumulatorRow> accumulators = List.of();
    private String accumulatorProblem;
    private BillForm bill = new BillForm();
    private Preview preview;
    private BillForm previewedBill;
    private List<Fund> previewedFunds = List.of();
    private String idempotencyKey;
    private String duplicateOf;
    private String duplicateConfirmed;
    /** The registered name of the hospital on the bill; null while it is not one of the county's registry. */
    private String hospitalName;
    /** Why the hospital on the bill is settled without the registry's facts; null when it is registered. */
    private String hospitalWarning;

    private BeneficiaryBrowser browser;

    @PostConstruct
    void init() {
        currentUser.require(Permission.SETTLE);
        browser = new BeneficiaryBrowser(registry, disclosure,
                policies.all().stream().map(Policy::county).findFirst().orElse(null));
    }

    /** The browsing table of one county's persons. */
    public BeneficiaryBrowser getBrowser() {
        return browser;
    }

    /** The counties this deployment serves, code to name, for the browsing table. */
    public Map<String, String> getCounties() {
        Map<String, String> counties = new LinkedHashMap<>();
        policies.all().forEach(policy -> counties.putIfAbsent(policy.county(), policy.countyName()));
        return counties;
    }

    public void chooseRow(BeneficiaryBrowser.Row row) {
        choose(new Match(row.idNumber(), row.shownIdNumber(), row.name(), row.county(), row.household(), ""));
    }

    // --- lookup

    public void search() {
        String text = query == null ? "" : query.trim();
        searched = true;
        matches = List.of();
        if (text.isEmpty() || (text.matches("[0-9Xx]+") && text.length() < 4)) {
            FacesMessages.error("lookupForm:query", "counter.queryTooShort");
            return;
        }
        try {
            LocalDate today = LocalDate.now(CountyClock.ZONE);
            matches = registry.search(text).stream()
                    .map(record -> new Match(record.idNumber(), disclosure.shown(record.idNumber()),
                            record.name(), record.county(), record.householdId(), categoriesOn(record, today)))
                    .toList();
        } catch (RefusedException refused) {
            FacesMessages.refused(refused, field -> "lookupForm:query");
            return;
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
            return;
        }
        if (matches.isEmpty()) {
            // an ID number typed in full that cannot be one is a slip of a digit, not an unregistered person
            java.util.Optional<org.yidan.beneficiaries.control.Reason> typo = text.matches("[0-9]{17}[0-9Xx]")
                    ? IdNumbers.reason(text) : java.util.Optional.empty();
            if (typo.isPresent()) {
                FacesMessages.errorText("lookupForm:query", typo.get().text(key -> FacesMessages.text(key)));
            } else {
                FacesMessages.error("lookupForm:query", "counter.noMatch", text);
            }
        } else if (matches.size() == 1) {
            // the one person found is shown in the person panel; a list of one would only push the bill down
            choose(matches.get(0));
            matches = List.of();
        }
    }

    public void choose(Match match) {
        try {
            BeneficiaryRecord record = registry.get(match.idNumber());
            person = person(record);
            clearPreview();
            resolveHospital();
            year = defaultYear();
            loadAccumulators();
        } catch (RefusedException refused) {
            FacesMessages.refused(refused, field -> null);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public boolean isChosen(Match match) {
        return person != null && person.idNumber().equals(match.idNumber());
    }

    // --- accumulators

    public List<Integer> getYears() {
        return person == null ? List.of() : policies.years(person.county());
    }

    public void loadAccumulators() {
        accumulators = List.of();
        accumulatorProblem = null;
        if (person == null || year == null) {
            return;
        }
        if (!getYears().contains(year)) {
            accumulatorProblem = FacesMessages.text("counter.noPolicyYear", String.valueOf(year));
            return;
        }
        try {
            Policy policy = policies.find(person.county(), year).orElseThrow();
            List<AccumulatorRow> rows = new ArrayList<>();
            // which rules can pay this person is the calculator's decision (exit, categories, groups), not the view's
            for (AccumulatorView view : settlements.applicableAccumulators(person.idNumber(), year, referenceDate())) {
                policy.rules().stream().filter(rule -> rule.id().equals(view.rule())).findFirst().ifPresent(rule ->
                        rows.add(new AccumulatorRow(ruleLabel(rule), view.rule(), view.base(), view.paid(),
                                view.cap(), view.capLeft())));
            }
            accumulators = rows;
        } catch (RefusedException refused) {
            accumulatorProblem = FacesMessages.refusalText(refused);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    /** A rule named for the clerk: its fund, and what it pays from when that is not the policy scope. */
    private static String ruleLabel(Rule rule) {
        String label = rule.fund().displayName();
        if (rule.base().kind() == BaseSpec.Kind.SPECIAL_DRUG) {
            label += " · " + FacesMessages.text("counter.specialDrugShort");
        } else if (rule.base().kind() == BaseSpec.Kind.ITEMS) {
            label += " · " + String.join("、", rule.base().items().stream().map(ItemCategory::displayName).toList());
        }
        return label;
    }

    /** The day whose categories count: the discharge date in the year shown, else today or the year's last day. */
    private LocalDate referenceDate() {
        LocalDate today = LocalDate.now(CountyClock.ZONE);
        if (bill.getDischargeDate() != null && bill.getDischargeDate().getYear() == year) {
            return bill.getDischargeDate();
        }
        return today.getYear() == year ? today : LocalDate.of(year, 12, 31);
    }

    /** The discharge date decides the policy year: the totals shown follow it. */
    public void dischargeDateChanged() {
        if (bill.getDischargeDate() != null && getYears().contains(bill.getDischargeDate().getYear())) {
            year = bill.getDischargeDate().getYear();
            loadAccumulators();
        }
    }

    /** Which policy year to show is the policy's decision: the discharge date's year, else this year's, else the latest. */
    private Integer defaultYear() {
        return policies.settlementYear(person.county(), bill.getDischargeDate());
    }

    // --- bill

    /** The funds whose amount comes from an outside system (EXTERNAL rules) under the policy of the selected year. */
    public List<Fund> getExternalFunds() {
        if (person == null || year == null) {
            return List.of();
        }
        return policies.externalFunds(person.county(), year);
    }

    // --- hospital

    /** The person's county's registered hospitals whose code or name contains what the clerk typed. */
    public List<String> completeHospital(String typed) {
        if (person == null) {
            return List.of();
        }
        try {
            return hospitals.search(person.county(), typed, HOSPITAL_SUGGESTIONS).stream()
                    .map(HospitalDirectory.Entry::label).toList();
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
            return List.of();
        }
    }

    /** The clerk picked a suggestion or left the field: the registry fills the bill, or the clerk is warned. */
    public void hospitalChanged() {
        String typed = bill.getHospitalCode() == null ? "" : bill.getHospitalCode().strip();
        int space = typed.indexOf(' ');
        // a picked suggestion is "code name": the code is what the bill carries
        bill.setHospitalCode(space < 0 ? typed : typed.substring(0, space));
        resolveHospital();
    }

    /**
     * Looks the bill's hospital up in the registry of the person's county. A registered one sets the level and
     * whether it is in the county, as the registry has them; an unregistered code stays as typed (settlement does
     * not require the registry, see README "Counter") with a warning the clerk sees before settling.
     */
    private void resolveHospital() {
        hospitalName = null;
        hospitalWarning = null;
        String code = bill.getHospitalCode();
        if (person == null || code == null || code.isBlank()) {
            return;
        }
        try {
            Optional<HospitalDirectory.Entry> registered = hospitals.find(person.county(), code.strip());
            if (registered.isPresent()) {
                HospitalDirectory.Entry hospital = registered.get();
                hospitalName = hospital.name();
                bill.setHospitalLevel(hospital.level());
                bill.setInCounty(hospital.inCounty());
                PrimeFaces.current().ajax().update("billForm:hospitalLevel", "billForm:inCounty");
            } else {
                hospitalWarning = FacesMessages.text("counter.hospitalNotRegistered", code.strip(),
                        person.countyName());
            }
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public String getHospitalName() {
        return hospitalName;
    }

    public String getHospitalWarning() {
        return hospitalWarning;
    }

    public void addItem() {
        bill.addItem();
    }

    public void removeItem(BillForm.ItemLine item) {
        bill.removeItem(item);
    }

    public void preview() {
        clearPreview();
        if (person == null) {
            FacesMessages.error(null, "counter.choosePerson");
            return;
        }
        List<Fund> funds = getExternalFunds();
        hospitalChanged();
        BillForm snapshot = bill.copy();
        try {
            SettlementView view = settlements.preview(snapshot.toRequest(person.idNumber(), funds));
            preview = preview(view);
            previewedBill = snapshot;
            previewedFunds = funds;
            // a fresh key per preview: a double click on 结算 replays the same settlement instead of settling twice
            idempotencyKey = UUID.randomUUID().toString();
            PrimeFaces.current().scrollTo("previewForm:previewPanel");
        } catch (RefusedException refused) {
            FacesMessages.refused(refused, this::clientIdOf);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    /**
     * Settles exactly what the form shows, which must be what was previewed: the settle button submits the bill
     * form with it, so a change the page's script did not notice (a picker, a paste) still stops the settlement.
     */
    public String settle() {
        if (person == null || preview == null || previewedBill == null) {
            FacesMessages.error(null, "counter.previewStale");
            return null;
        }
        SettlementRequest onScreen = bill.toRequest(person.idNumber(), getExternalFunds());
        if (!onScreen.canonicalText().equals(
                previewedBill.toRequest(person.idNumber(), previewedFunds).canonicalText())) {
            clearPreview();
            FacesMessages.error(null, "counter.previewStale");
            return null;
        }
        try {
            if (duplicateConfirmed == null) {
                Optional<String> earlier = settlements.possibleDuplicateOf(onScreen);
                if (earlier.isPresent()) {
                    // the same bill again: the clerk must say so, once more, before a second receipt is issued
                    duplicateOf = earlier.get();
                    PrimeFaces.current().scrollTo("previewForm:duplicateWarning");
                    return null;
                }
            }
            SettlementService.Outcome outcome = refusals.audited(AuditAction.SETTLE, IdNumbers.mask(person.idNumber()),
                    () -> settlements.settle(idempotencyKey, onScreen, currentUser.getUsername(), duplicateConfirmed));
            String receiptNo = outcome.settlement().receiptNo();
            return "/receipts/receipt?faces-redirect=true&no=" + URLEncoder.encode(receiptNo, StandardCharsets.UTF_8);
        } catch (RefusedException refused) {
            clearPreview();
            FacesMessages.refused(refused, this::clientIdOf);
            return null;
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
            return null;
        }
    }

    /** The second, explicit confirmation after the warning that this bill was settled before. */
    public String settleDespiteDuplicate() {
        if (duplicateOf == null) {
            return settle();
        }
        duplicateConfirmed = duplicateOf;
        return settle();
    }

    /** The earlier receipt of the same bill, once the clerk was warned; null otherwise. */
    public String getDuplicateOf() {
        return duplicateOf;
    }

    public String getDuplicateConfirmation() {
        return duplicateOf == null ? "" : FacesMessages.text("counter.duplicateConfirm", duplicateOf);
    }

    /** The confirmation the clerk reads before settling. */
    public String getSettleConfirmation() {
        if (preview == null) {
            return "";
        }
        return FacesMessages.text("counter.settleConfirm", preview.personName(), money(preview.totalAmount()),
                money(preview.fundTotal()), money(preview.selfPay()));
    }

    private void clearPreview() {
        preview = null;
        previewedBill = null;
        previewedFunds = List.of();
        idempotencyKey = null;
        duplicateOf = null;
        duplicateConfirmed = null;
    }

    /** Where the service's field (a JSON path) is on this screen. */
    String clientIdOf(String field) {
        switch (field) {
            case "hospital.code":
                return "billForm:hospitalCode";
            case "hospital.level":
                return "billForm:hospitalLevel";
            case "visitType":
            case "admissionDate":
            case "dischargeDate":
            case "totalAmount":
            case "policyScopeAmount":
            case "specialDrugAmount":
            case "items":
                return "billForm:" + field;
            default:
                break;
        }
        Matcher item = ITEM_FIELD.matcher(field);
        if (item.matches()) {
            return "billForm:items:" + item.group(1) + (item.group(2).equals("amount") ? ":itemAmount" : ":itemCategory");
        }
        if (field.startsWith("externalPayments.")) {
            String fund = field.substring("externalPayments.".length());
            List<String> shown = getExternalFunds().stream().map(Fund::name).toList();
            int index = shown.indexOf(fund);
            return index < 0 ? null : "billForm:externals:" + index + ":externalAmount";
        }
        return null;
    }

    // --- conversions into what the screen shows

    private Person person(BeneficiaryRecord record) {
        LocalDate today = LocalDate.now(CountyClock.ZONE);
        boolean eligible = settlements.eligibleOn(record.idNumber(), today);
        // after an exit (销号) no span holds, whatever its dates say: the calculator's answer, not the view's
        List<CategoryRow> categories = record.categories().stream()
                .map(span -> new CategoryRow(categoryLabel(span.code()), span.from(), span.to(),
                        eligible && span.holdsOn(today)))
                .toList();
        List<DiseaseRow> diseases = record.chronicDiseases().stream()
                .map(disease -> new DiseaseRow(disease.code(), diseaseLabel(disease.code()), disease.approvedOn()))
                .toList();
        List<String> tags = record.standardTags().stream()
                .map(tag -> FacesMessages.hasText("tag." + tag) ? FacesMessages.text("tag." + tag) : tag).toList();
        String countyName = policies.all().stream().filter(policy -> policy.county().equals(record.county()))
                .map(Policy::countyName).findFirst().orElse(record.county());
        return new Person(record.idNumber(),
                disclosure.shown(record.idNumber()),
                record.name(), record.county(), countyName, record.householdId(), categories, diseases, tags,
                record.exitedOn(), eligible);
    }

    private static String categoriesOn(BeneficiaryRecord record, LocalDate day) {
        return String.join("、", record.categories().stream().filter(span -> span.holdsOn(day))
                .map(span -> categoryLabel(span.code())).toList());
    }

    static String categoryLabel(String code) {
        try {
            return PersonCategory.valueOf(code).displayName();
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    static String diseaseLabel(String code) {
        return FacesMessages.hasText("disease." + code) ? FacesMessages.text("disease." + code) : code;
    }

    /**
     * One row per step that paid; a fund that paid nothing gets one row, the step that says why (e.g. the
     * deductible). Steps of rules that could not apply to this person (another category of the group) are left
     * out: the clerk reads out what was paid and why, not every rule of the chain.
     */
    private static Preview preview(SettlementView view) {
        List<StepRow> steps = new ArrayList<>();
        for (SettlementView.Line line : view.lines()) {
            List<SettlementView.StepLine> paying = line.steps().stream()
                    .filter(step -> step.amount().signum() > 0).toList();
            if (!paying.isEmpty()) {
                paying.forEach(step -> steps.add(new StepRow(line.fund(), line.name(), step.base(), step.amount(),
                        step.explanation())));
            } else if (line.steps().isEmpty()) {
                steps.add(new StepRow(line.fund(), line.name(), null, line.amount(),
                        FacesMessages.text("counter.notApplicable")));
            } else {
                SettlementView.StepLine why = line.steps().stream().filter(step -> step.base().signum() > 0)
                        .findFirst().orElse(line.steps().get(0));
                steps.add(new StepRow(line.fund(), line.name(), why.base(), line.amount(), why.explanation()));
            }
        }
        return new Preview(view.personName(), view.policyId(), view.totalAmount(), view.policyScopeAmount(),
                List.copyOf(steps), view.fundTotal(), view.selfPay());
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : Money.format(amount);
    }

    // --- choices for the selects

    public HospitalLevel[] getHospitalLevels() {
        return HospitalLevel.values();
    }

    public VisitType[] getVisitTypes() {
        return VisitType.values();
    }

    public ItemCategory[] getItemCategories() {
        return ItemCategory.values();
    }

    // --- properties

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<Match> getMatches() {
        return matches;
    }

    public boolean isSearched() {
        return searched;
    }

    public Person getPerson() {
        return person;
    }

    public String getPersonTags() {
        return person == null ? "" : String.join("、", person.tags());
    }

    /** Says so when the selected year's policy is the demo's copy of another year, or inherits another year. */
    public String getPolicyNotice() {
        return person == null || year == null ? "" : policyNotice(person.county(), year);
    }

    /** The same notice for the policy the preview was computed under. */
    public String getPreviewPolicyNotice() {
        if (preview == null || person == null) {
            return "";
        }
        String policyYear = preview.policyId().substring(preview.policyId().indexOf('/') + 1);
        return policyNotice(person.county(), Integer.parseInt(policyYear));
    }

    private String policyNotice(String county, int policyYear) {
        return policies.origin(county, policyYear).map(origin -> origin.demoCopy()
                ? FacesMessages.text("counter.demoPolicy", String.valueOf(policyYear), person.countyName(),
                        String.valueOf(origin.inheritsFrom()))
                : FacesMessages.text("counter.inheritedPolicy", String.valueOf(policyYear),
                        String.valueOf(origin.inheritsFrom()))).orElse("");
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public List<AccumulatorRow> getAccumulators() {
        return accumulators;
    }

    public String getAccumulatorProblem() {
        return accumulatorProblem;
    }

    public BillForm getBill() {
        return bill;
    }

    public Preview getPreview() {
        return preview;
    }
}
