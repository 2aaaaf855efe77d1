package org.yidan.beneficiaries.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yidan.beneficiaries.control.BeneficiaryValidator;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.DiseaseApproval;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.StandardTag;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.Policy;
import org.yidan.security.boundary.Refusals;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.Permission;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code beneficiaries/registry.xhtml}: a registrar finds a person and changes their name, household,
 * categories with dates, standard tags, approved chronic diseases and exit, or registers a new person.
 * {@link BeneficiaryService#put} validates, stores and audits.
 */
@Named
@ViewScoped
public class RegistryView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern LISTED = Pattern.compile("(categories|chronicDiseases|standardTags)\\[(\\d+)](?:\\.(\\w+))?");

    /** One person found. */
    public record Match(String idNumber, String name, String county, String household) implements Serializable {
    }

    /** A category span being edited. */
    public static class CategoryLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private PersonCategory code;
        private LocalDate from;
        private LocalDate to;

        public PersonCategory getCode() {
            return code;
        }

        public void setCode(PersonCategory code) {
            this.code = code;
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
    }

    /** A chronic-disease approval being edited. */
    public static class DiseaseLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private String code;
        private LocalDate approvedOn;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public LocalDate getApprovedOn() {
            return approvedOn;
        }

        public void setApprovedOn(LocalDate approvedOn) {
            this.approvedOn = approvedOn;
        }
    }

    @Inject
    BeneficiaryService registry;

    @Inject
    Policies policies;

    @Inject
    IdNumberDisclosure disclosure;

    @Inject
    CurrentUser currentUser;

    @Inject
    Refusals refusals;

    private String query;
    private List<Match> matches = List.of();

    private boolean editing;
    private boolean creating;
    private String idNumber;
    private String name;
    private String county;
    private String household;
    private List<String> tags = new ArrayList<>();
    private LocalDate exitedOn;
    private final List<CategoryLine> categories = new ArrayList<>();
    private final List<DiseaseLine> diseases = new ArrayList<>();

    private BeneficiaryBrowser browser;

    @PostConstruct
    void init() {
        currentUser.require(Permission.MAINTAIN_REGISTRY);
        browser = new BeneficiaryBrowser(registry, disclosure, getCounties().keySet().stream().findFirst().orElse(null));
    }

    /** The browsing table of one county's persons. */
    public BeneficiaryBrowser getBrowser() {
        return browser;
    }

    public void editRow(BeneficiaryBrowser.Row row) {
        edit(new Match(row.idNumber(), row.name(), row.county(), row.household()));
    }

    public void search() {
        matches = List.of();
        String text = query == null ? "" : query.trim();
        if (text.isEmpty()) {
            FacesMessages.error("searchForm:query", "counter.queryTooShort");
            return;
        }
        try {
            matches = registry.search(text).stream()
                    .map(record -> new Match(record.idNumber(), record.name(), record.county(), record.householdId()))
                    .toList();
        } catch (RefusedException refused) {
            FacesMessages.refused(refused, field -> "searchForm:query");
            return;
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
            return;
        }
        if (matches.isEmpty()) {
            // the registrar is already where persons are registered: offer the button, not this page
            FacesMessages.error("searchForm:query", "registry.noMatch", text);
        } else if (matches.size() == 1) {
            edit(matches.get(0));
        }
    }

    public void edit(Match match) {
        try {
            BeneficiaryRecord record = registry.get(match.idNumber());
            editing = true;
            creating = false;
            idNumber = record.idNumber();
            name = record.name();
            county = record.county();
            household = record.householdId();
            tags = new ArrayList<>(record.standardTags());
            exitedOn = record.exitedOn();
            categories.clear();
            for (CategorySpan span : record.categories()) {
                CategoryLine line = new CategoryLine();
                line.code = PersonCategory.valueOf(span.code());
                line.from = span.from();
                line.to = span.to();
                categories.add(line);
            }
            diseases.clear();
            for (DiseaseApproval approval : record.chronicDiseases()) {
                DiseaseLine line = new DiseaseLine();
                line.code = approval.code();
                line.approvedOn = approval.approvedOn();
                diseases.add(line);
            }
        } catch (RefusedException refused) {
            FacesMessages.refused(refused, field -> null);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public void create() {
        editing = true;
        creating = true;
        idNumber = null;
        name = null;
        county = getCounties().size() == 1 ? getCounties().keySet().iterator().next() : null;
        household = null;
        tags = new ArrayList<>();
        exitedOn = null;
        categories.clear();
        diseases.clear();
        addCategory();
    }

    public void addCategory() {
        categories.add(new CategoryLine());
    }

    public void removeCategory(CategoryLine line) {
        categories.remove(line);
    }

    public void addDisease() {
        diseases.add(new DiseaseLine());
    }

    public void removeDisease(DiseaseLine line) {
        diseases.remove(line);
    }

    public void save() {
        List<CategorySpan> spans = categories.stream()
                .map(line -> new CategorySpan(line.code == null ? null : line.code.name(), line.from, line.to))
                .toList();
        List<DiseaseApproval> approvals = diseases.stream()
                .filter(line -> (line.code != null && !line.code.isBlank()) || line.approvedOn != null)
                .map(line -> new DiseaseApproval(line.code == null ? null : line.code.trim().toUpperCase(Locale.ROOT),
                        line.approvedOn))
                .toList();
        BeneficiaryRecord record = new BeneficiaryRecord(idNumber == null ? null : idNumber.trim(), name, county,
                household, spans, new LinkedHashSet<>(tags), approvals, exitedOn);
        String username = currentUser.getUsername();
        try {
            boolean created = refusals.audited(AuditAction.BENEFICIARY_PUT, IdNumbers.auditTarget(record.idNumber()),
                    () -> registry.put(record, username));
            FacesMessages.info(created ? "registry.created" : "registry.saved", name);
            creating = false;
            idNumber = record.idNumber().toUpperCase(Locale.ROOT);
        } catch (RefusedException refused) {
            showProblems(refused, record);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    /** Each problem the validator found, in Chinese, beside its field. */
    private void showProblems(RefusedException refused, BeneficiaryRecord record) {
        // the same rules the service applied, asked again for their message keys: said in Chinese, not translated
        Map<String, String> chinese = new java.util.HashMap<>();
        BeneficiaryValidator.complaints(record).forEach(complaint ->
                chinese.putIfAbsent(complaint.field(), RegistryNotices.text(complaint.reason())));
        jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        if (refused.errors().isEmpty()) {
            FacesMessages.errorText(null, FacesMessages.refusalText(refused));
            return;
        }
        FacesMessages.error(null, "registry.invalid");
        for (RefusedException.FieldError error : refused.errors()) {
            String field = error.field() == null ? "" : error.field();
            switch (field) {
                case "idNumber" -> FacesMessages.error("editForm:idNumber", "registry.field.idNumber");
                case "name" -> FacesMessages.error("editForm:name", "registry.field.name");
                case "county" -> FacesMessages.error("editForm:county", "registry.field.county");
                case "householdId" -> FacesMessages.error("editForm:household", "registry.field.householdId");
                case "categories" -> FacesMessages.error("editForm:categories", "registry.field.categories");
                default -> showListed(field, chinese.getOrDefault(field, FacesMessages.refusalText(refused)));
            }
        }
    }

    private void showListed(String field, String message) {
        Matcher listed = LISTED.matcher(field);
        if (!listed.matches()) {
            FacesMessages.error(null, "registry.field.other", message);
            return;
        }
        int index = Integer.parseInt(listed.group(2));
        String row = String.valueOf(index + 1);
        String part = listed.group(3);
        switch (listed.group(1)) {
            case "categories" -> {
                String prefix = "editForm:categories:" + index + ":";
                if ("code".equals(part)) {
                    FacesMessages.error(prefix + "categoryCode", "registry.field.category.code", row);
                } else if ("from".equals(part)) {
                    FacesMessages.error(prefix + "categoryFrom", "registry.field.category.from", row);
                } else if ("to".equals(part)) {
                    FacesMessages.error(prefix + "categoryTo", "registry.field.category.to", row);
                } else {
                    FacesMessages.error(prefix + "categoryCode", "registry.field.category.overlap", row);
                }
            }
            case "chronicDiseases" -> {
                String prefix = "editForm:diseases:" + index + ":";
                if ("approvedOn".equals(part)) {
                    FacesMessages.error(prefix + "diseaseApprovedOn", "registry.field.disease.approvedOn", row);
                } else {
                    FacesMessages.error(prefix + "diseaseCode", "registry.field.disease.code", row);
                }
            }
            default -> FacesMessages.error("editForm:tags", "registry.field.other", message);
        }
    }

    /** The counties this deployment serves, code to name. */
    public Map<String, String> getCounties() {
        Map<String, String> counties = new TreeMap<>();
        for (Policy policy : policies.all()) {
            counties.putIfAbsent(policy.county(), policy.countyName());
        }
        return counties;
    }

    public PersonCategory[] getCategoryCodes() {
        return PersonCategory.values();
    }

    public StandardTag[] getTagChoices() {
        return StandardTag.values();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<Match> getMatches() {
        return matches;
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isCreating() {
        return creating;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public String getHousehold() {
        return household;
    }

    public void setHousehold(String household) {
        this.household = household;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    public LocalDate getExitedOn() {
        return exitedOn;
    }

    public void setExitedOn(LocalDate exitedOn) {
        this.exitedOn = exitedOn;
    }

    public List<CategoryLine> getCategories() {
        return categories;
    }

    public List<DiseaseLine> getDiseases() {
        return diseases;
    }
}
