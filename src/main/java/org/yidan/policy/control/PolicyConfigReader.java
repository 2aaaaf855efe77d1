package org.yidan.policy.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yidan.platform.control.RefusedException;
import org.yidan.policy.entity.BaseSpec;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.Rule;
import org.yidan.policy.entity.RuleKind;
import org.yidan.policy.entity.Segment;
import org.yidan.policy.entity.VisitType;

/**
 * Reads the county policies from flat configuration keys (MicroProfile Config in the application, a
 * {@link java.util.Properties} file in tests) and validates them, reporting every problem at once.
 *
 * <h2>Key scheme</h2>
 * Keys use only lowercase letters, digits, dots and hyphens, so that MicroProfile Config's environment-variable
 * mapping reaches every one of them: {@code YIDAN_POLICY_370323_2020_RULE_CRITICAL_SPECIAL_DRUG_CAP=250000}
 * overrides {@code yidan.policy.370323.2020.rule.critical-special-drug.cap}.
 * <pre>
 * yidan.counties                                  enabled counties: 6-digit codes, comma-separated (required)
 * yidan.policy.&lt;county&gt;.name                      the county's name, e.g. 沂源县 (required)
 * yidan.policy.&lt;county&gt;.years                     the years with a policy, comma-separated (required)
 * yidan.policy.&lt;county&gt;.&lt;year&gt;.inherit            optional: another year of the same county, e.g. 2020; every key
 *                                                 of this year that is not set is read from that year (and from
 *                                                 the year that one inherits, and so on), so a new year names only
 *                                                 what changed. The result is validated like any policy.
 * yidan.policy.&lt;county&gt;.&lt;year&gt;.funds              funds in receipt order (required): BASIC, CRITICAL, ASSISTANCE,
 *                                                 HOSPITAL_REDUCTION, COMMERCIAL, RE_ASSISTANCE, or a fund declared
 *                                                 with yidan.funds.&lt;CODE&gt;.name=&lt;Chinese name&gt;
 * yidan.policy.&lt;county&gt;.&lt;year&gt;.rules              rule ids in chain order (required); an id is lowercase
 *                                                 letters, digits and hyphens
 * yidan.policy.&lt;county&gt;.&lt;year&gt;.rule.&lt;id&gt;.&lt;name&gt;     one parameter of one rule:
 *   fund              the fund it pays into; must be one of the funds (required)
 *   kind              EXTERNAL, TIERED or TARGET_RATIO (required)
 *   base              SCOPE (default), SPECIAL_DRUG or ITEMS:&lt;item categories, comma-separated&gt;
 *   visit-types       INPATIENT, OUTPATIENT_CHRONIC, OUTPATIENT_SPECIAL, OUTPATIENT_GENERAL; absent or ANY: all
 *   categories        person categories, any one held on the discharge date; absent or ANY: every beneficiary
 *   hospital-levels   VILLAGE, TOWNSHIP, COUNTY, CITY, PROVINCE; absent or ANY: all
 *   chronic-diseases  codes such as HYPERTENSION; the person needs an approval for one; absent or NONE: no need
 *   group             within a group only the first eligible rule applies; absent or none: no group
 *   segments          TIERED (required): lo-hi:ratio, comma-separated, ascending, contiguous from 0, the last
 *                     one open: 0-5000:0, 5000-100000:0.65, 100000-300000:0.75, 300000-:0.85
 *   cap               TIERED: annual cap in yuan; absent or none: no cap. Rules sharing a cap-key share one
 *                     cap: declare it on one of them (or the same on each)
 *   cap-key           TIERED: name of a shared annual cap; absent or none: the rule's own
 *   target-ratio      TARGET_RATIO (required): 0..1
 * </pre>
 * Amounts are yuan with at most two decimals, ratios decimals in 0..1. An empty value reads as absent (as in
 * MicroProfile Config); the words ANY, NONE and none say the same explicitly, for an override.
 *
 * <p>Checked: every required key; every enum value; segment syntax, start at 0, gaps, overlaps, an open last
 * segment; ratios in 0..1; caps and bounds not negative; parameters that do not belong to the rule's kind; a rule
 * whose fund is not among the funds; two EXTERNAL rules for one fund; rules sharing a cap key with different caps;
 * duplicate counties, years, funds and rule ids; a rule of a group that can never apply because the earlier rules
 * of its group take every bill and person it accepts; an inherited year that is not a year, names a year without
 * parameters, or leads back to itself.
 */
public final class PolicyConfigReader {

    public static final String COUNTIES = "yidan.counties";

    private static final Pattern COUNTY = Pattern.compile("\\d{6}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern DISEASE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern SEGMENT =
            Pattern.compile("([0-9]+(?:\\.[0-9]+)?)-([0-9]+(?:\\.[0-9]+)?)?:([0-9]+(?:\\.[0-9]+)?)");

    private final Function<String, Optional<String>> config;
    private final List<PolicyConfigurationException.Problem> problems = new ArrayList<>();
    /** Per policy id ({@code county/year}), the year it inherits directly. */
    private final Map<String, Integer> inheritedFrom = new LinkedHashMap<>();
    /** While a policy that inherits is read: its key prefix, then its ancestors' prefixes, nearest first. */
    private List<String> inheritance = List.of();

    /** The policies read, and for each policy id that inherits, the year it names in {@code inherit}. */
    public record Result(List<Policy> policies, Map<String, Integer> inheritedFrom) {
        public Result {
            policies = List.copyOf(policies);
            inheritedFrom = Map.copyOf(inheritedFrom);
        }
    }

    private PolicyConfigReader(Function<String, Optional<String>> config) {
        this.config = config;
    }

    /**
     * Every enabled policy, in the order of {@code yidan.counties} and of each county's years.
     *
     * @param config a key's value, e.g. {@code key -> mpConfig.getOptionalValue(key, String.class)}
     * @throws PolicyConfigurationException listing every problem found
     */
    public static List<Policy> read(Function<String, Optional<String>> config) {
        return readWithInheritance(config).policies();
    }

    /**
     * As {@link #read}, also telling which policies inherit which year.
     *
     * @throws PolicyConfigurationException listing every problem found
     */
    public static Result readWithInheritance(Function<String, Optional<String>> config) {
        PolicyConfigReader reader = new PolicyConfigReader(config);
        List<Policy> policies = reader.readAll();
        if (!reader.problems.isEmpty()) {
            throw new PolicyConfigurationException(reader.problems);
        }
        return new Result(policies, reader.inheritedFrom);
    }

    public static String countyKey(String county, String name) {
        return "yidan.policy." + county + "." + name;
    }

    public static String policyKey(String county, int year, String name) {
        return "yidan.policy." + county + "." + year + "." + name;
    }

    public static String ruleKey(String county, int year, String ruleId, String name) {
        return policyKey(county, year, "rule." + ruleId + "." + name);
    }

    private List<Policy> readAll() {
        List<Policy> policies = new ArrayList<>();
        Optional<List<String>> counties = list(COUNTIES, true);
        if (counties.isEmpty()) {
            return policies;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String county : counties.get()) {
            if (!COUNTY.matcher(county).matches()) {
                problem(COUNTIES, "'" + county + "' is not a 6-digit county code");
                continue;
            }
            if (!seen.add(county)) {
                problem(COUNTIES, "county " + county + " is listed twice");
                continue;
            }
            Optional<String> name = value(countyKey(county, "name"));
            if (name.isEmpty()) {
                missing(countyKey(county, "name"), "the county's name");
            }
            String yearsKey = countyKey(county, "years");
            Set<Integer> years = new LinkedHashSet<>();
            for (String year : list(yearsKey, true).orElse(List.of())) {
                if (!YEAR.matcher(year).matches()) {
                    problem(yearsKey, "'" + year + "' is not a year");
                } else if (!years.add(Integer.parseInt(year))) {
                    problem(yearsKey, "year " + year + " is listed twice");
                }
            }
            for (int year : years) {
                Policy policy = readPolicy(county, name.orElse(county), year);
                if (policy != null && name.isPresent()) {
                    policies.add(policy);
                }
            }
        }
        return policies;
    }

    private Policy readPolicy(String county, String countyName, int year) {
        List<Integer> ancestors = ancestors(county, year);
        if (ancestors == null) {
            return null;
        }
        if (ancestors.isEmpty()) {
            return readOwnPolicy(county, countyName, year);
        }
        List<String> prefixes = new ArrayList<>();
        prefixes.add(policyKey(county, year, ""));
        ancestors.forEach(ancestor -> prefixes.add(policyKey(county, ancestor, "")));
        inheritance = List.copyOf(prefixes);
        try {
            Policy policy = readOwnPolicy(county, countyName, year);
            if (policy != null) {
                inheritedFrom.put(policy.id(), ancestors.get(0));
            }
            return policy;
        } finally {
            inheritance = List.of();
        }
    }

    /**
     * The years {@code year} inherits from, nearest first (empty when it inherits nothing), or {@code null} after
     * reporting a parent that is not a year, has no parameters, or closes a cycle.
     */
    private List<Integer> ancestors(String county, int year) {
        List<Integer> chain = new ArrayList<>();
        List<Integer> path = new ArrayList<>(List.of(year));
        int current = year;
        while (true) {
            String key = policyKey(county, current, "inherit");
            Optional<String> parent = value(key);
            if (parent.isEmpty()) {
                return chain;
            }
            if (!YEAR.matcher(parent.get()).matches()) {
                problem(key, "'" + parent.get() + "' is not a year; inherit names another year of county " + county
                        + ", e.g. 2020");
                return null;
            }
            int parentYear = Integer.parseInt(parent.get());
            path.add(parentYear);
            if (chain.contains(parentYear) || parentYear == year) {
                problem(key, "the years inherit in a cycle: " + path.stream().map(String::valueOf)
                        .reduce((a, b) -> a + " -> " + b).orElse(""));
                return null;
            }
            if (value(policyKey(county, parentYear, "rules")).isEmpty()
                    && value(policyKey(county, parentYear, "inherit")).isEmpty()) {
                problem(key, "inherits " + parentYear + ", but county " + county + " has no parameters for "
                        + parentYear + " (" + policyKey(county, parentYear, "rules") + " is not set)");
                return null;
            }
            chain.add(parentYear);
            current = parentYear;
        }
    }

    private Policy readOwnPolicy(String county, String countyName, int year) {
        int problemsBefore = problems.size();
        String fundsKey = policyKey(county, year, "funds");
        List<Fund> funds = new ArrayList<>();
        for (String value : list(fundsKey, true).orElse(List.of())) {
            Fund fund = fund(fundsKey, value);
            if (fund != null && funds.contains(fund)) {
                problem(fundsKey, "fund " + fund + " is listed twice");
            } else if (fund != null) {
                funds.add(fund);
            }
        }
        String rulesKey = policyKey(county, year, "rules");
        Map<String, Rule> rules = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (String id : list(rulesKey, true).orElse(List.of())) {
            if (!NAME.matcher(id).matches()) {
                problem(rulesKey, "rule id '" + id + "' must be lowercase letters, digits and hyphens");
            } else if (!ids.add(id)) {
                problem(rulesKey, "rule " + id + " is listed twice");
            }
        }
        for (String id : ids) {
            Rule rule = readRule(county, year, id);
            if (rule != null) {
                rules.put(id, rule);
            }
        }
        checkFunds(county, year, funds, rules);
        List<Rule> resolved = resolveSharedCaps(county, year, rules);
        checkGroups(county, year, resolved);
        if (problems.size() > problemsBefore) {
            return null;
        }
        return Policy.of(county, year, countyName, funds, resolved);
    }

    private Rule readRule(String county, int year, String id) {
        int problemsBefore = problems.size();
        Function<String, String> key = name -> ruleKey(county, year, id, name);
        Fund fund = required(key.apply("fund"), "the fund the rule pays into")
                .map(value -> fund(key.apply("fund"), value)).orElse(null);
        RuleKind kind = required(key.apply("kind"), "EXTERNAL, TIERED or TARGET_RATIO")
                .map(value -> parse(RuleKind.class, key.apply("kind"), value)).orElse(null);
        BaseSpec base = value(key.apply("base")).map(value -> {
            try {
                return BaseSpec.parse(key.apply("base"), value);
            } catch (RefusedException e) {
                problem(key.apply("base"), e.getMessage());
                return null;
            }
        }).orElse(BaseSpec.SCOPE);
        Set<VisitType> visitTypes = enumSet(VisitType.class, key.apply("visit-types"), "ANY");
        Set<PersonCategory> categories = enumSet(PersonCategory.class, key.apply("categories"), "ANY");
        Set<HospitalLevel> levels = enumSet(HospitalLevel.class, key.apply("hospital-levels"), "ANY");
        Set<String> diseases = new TreeSet<>();
        for (String disease : listUnless(key.apply("chronic-diseases"), "NONE")) {
            if (DISEASE.matcher(disease).matches()) {
                diseases.add(disease);
            } else {
                problem(key.apply("chronic-diseases"), "'" + disease
                        + "' is not a disease code (uppercase letters, digits and underscores, e.g. HYPERTENSION)");
            }
        }
        String group = name(key.apply("group"));

        List<Segment> segments = List.of();
        BigDecimal cap = null;
        String capKey = null;
        BigDecimal targetRatio = null;
        if (kind == RuleKind.TIERED) {
            segments = required(key.apply("segments"), "the segments lo-hi:ratio of a TIERED rule")
                    .map(value -> segments(key.apply("segments"), value)).orElse(List.of());
            cap = value(key.apply("cap")).filter(value -> !value.equalsIgnoreCase("none"))
                    .map(value -> amount(key.apply("cap"), value)).orElse(null);
            capKey = name(key.apply("cap-key"));
        } else if (kind != null) {
            for (String name : List.of("segments", "cap", "cap-key")) {
                value(key.apply(name)).filter(value -> !value.equalsIgnoreCase("none")).ifPresent(value ->
                        problem(key.apply(name), "only TIERED rules have " + name + "; this rule is " + kind));
            }
        }
        if (kind == RuleKind.TARGET_RATIO) {
            targetRatio = required(key.apply("target-ratio"), "the target ratio 0..1 of a TARGET_RATIO rule")
                    .map(value -> ratio(key.apply("target-ratio"), value)).orElse(null);
        } else if (kind != null) {
            value(key.apply("target-ratio")).ifPresent(value -> problem(key.apply("target-ratio"),
                    "only TARGET_RATIO rules have a target ratio; this rule is " + kind));
        }
        if (problems.size() > problemsBefore) {
            return null;
        }
        return new Rule(id, fund, kind, base, visitTypes, categories, levels, diseases, group, segments, cap, capKey,
                targetRatio);
    }

    private void checkFunds(String county, int year, List<Fund> funds, Map<String, Rule> rules) {
        Map<Fund, String> externals = new HashMap<>();
        for (Rule rule : rules.values()) {
            if (!funds.isEmpty() && !funds.contains(rule.fund())) {
                problem(ruleKey(county, year, rule.id(), "fund"), "fund " + rule.fund() + " is not among the funds "
                        + funds + " of " + policyKey(county, year, "funds"));
            }
            if (rule.kind() == RuleKind.EXTERNAL) {
                String other = externals.putIfAbsent(rule.fund(), rule.id());
                if (other != null) {
                    problem(ruleKey(county, year, rule.id(), "kind"), "rule " + other + " already settles "
                            + rule.fund() + " from its external amount; a fund has at most one EXTERNAL rule");
                }
            }
        }
    }

    /** Gives every rule of a shared cap key the cap declared for the key. */
    private List<Rule> resolveSharedCaps(String county, int year, Map<String, Rule> rules) {
        Map<String, BigDecimal> caps = new HashMap<>();
        Map<String, String> declaredBy = new HashMap<>();
        for (Rule rule : rules.values()) {
            if (rule.capKey() == null || rule.cap() == null) {
                continue;
            }
            BigDecimal cap = caps.putIfAbsent(rule.capKey(), rule.cap());
            if (cap == null) {
                declaredBy.put(rule.capKey(), rule.id());
            } else if (cap.compareTo(rule.cap()) != 0) {
                problem(ruleKey(county, year, rule.id(), "cap"), "cap " + rule.cap().toPlainString()
                        + " differs from the cap " + cap.toPlainString() + " that rule " + declaredBy.get(rule.capKey())
                        + " declares for the shared cap key " + rule.capKey());
            }
        }
        List<Rule> resolved = new ArrayList<>();
        for (Rule rule : rules.values()) {
            BigDecimal shared = rule.capKey() == null ? null : caps.get(rule.capKey());
            resolved.add(shared == null || rule.cap() != null ? rule
                    : new Rule(rule.id(), rule.fund(), rule.kind(), rule.base(), rule.visitTypes(), rule.categories(),
                    rule.hospitalLevels(), rule.chronicDiseases(), rule.group(), rule.segments(), shared,
                    rule.capKey(), rule.targetRatio()));
        }
        return resolved;
    }

    /**
     * A later rule of a group never applies when, for every visit type, hospital level, category and disease it
     * accepts, an earlier rule of the group accepts them too. Persons holding one category and one disease are
     * enough to decide it: holding more only makes the earlier rules more eligible.
     */
    private void checkGroups(String county, int year, List<Rule> rules) {
        Map<String, List<Rule>> groups = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (rule.group() != null) {
                groups.computeIfAbsent(rule.group(), g -> new ArrayList<>()).add(rule);
            }
        }
        for (List<Rule> group : groups.values()) {
            for (int i = 1; i < group.size(); i++) {
                Rule later = group.get(i);
                List<Rule> earlier = group.subList(0, i);
                if (!canEverApply(later, earlier)) {
                    problem(ruleKey(county, year, later.id(), "group"), "rule " + later.id()
                            + " can never apply: every bill and person it accepts is taken by the earlier rule(s) "
                            + earlier.stream().map(Rule::id).toList() + " of group " + later.group());
                }
            }
        }
    }

    private static boolean canEverApply(Rule later, List<Rule> earlier) {
        Set<VisitType> visitTypes = later.visitTypes().isEmpty() ? EnumSet.allOf(VisitType.class) : later.visitTypes();
        Set<HospitalLevel> levels = later.hospitalLevels().isEmpty()
                ? EnumSet.allOf(HospitalLevel.class) : later.hospitalLevels();
        Set<PersonCategory> categories = later.categories().isEmpty()
                ? EnumSet.allOf(PersonCategory.class) : later.categories();
        List<Set<String>> diseases = new ArrayList<>();
        if (later.chronicDiseases().isEmpty()) {
            diseases.add(Set.of());
        } else {
            later.chronicDiseases().forEach(disease -> diseases.add(Set.of(disease)));
        }
        for (VisitType visitType : visitTypes) {
            for (HospitalLevel level : levels) {
                for (PersonCategory category : categories) {
                    for (Set<String> disease : diseases) {
                        PersonSnapshot person = PersonSnapshot.of(EnumSet.of(category), disease);
                        boolean taken = earlier.stream()
                                .anyMatch(rule -> rule.accepts(visitType, level) && rule.accepts(person));
                        if (!taken) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private List<Segment> segments(String key, String text) {
        List<Segment> segments = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher matcher = SEGMENT.matcher(part.trim());
            if (!matcher.matches()) {
                problem(key, "segment '" + part.trim() + "' is not lo-hi:ratio (e.g. 5000-100000:0.65, or "
                        + "300000-:0.85 for no upper bound)");
                return List.of();
            }
            BigDecimal lo = amount(key, matcher.group(1));
            BigDecimal hi = matcher.group(2) == null ? null : amount(key, matcher.group(2));
            BigDecimal ratio = ratio(key, matcher.group(3));
            if (lo == null || (matcher.group(2) != null && hi == null) || ratio == null) {
                return List.of();
            }
            segments.add(new Segment(lo, hi, ratio));
        }
        boolean valid = true;
        if (segments.get(0).lo().signum() != 0) {
            problem(key, "the segments must start at 0, not at " + segments.get(0).lo().toPlainString()
                    + " (a deductible is a first segment 0-D:0)");
            valid = false;
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.hi() != null && segment.hi().compareTo(segment.lo()) <= 0) {
                problem(key, "segment " + segment + " is empty: its upper bound must be above its lower bound");
                valid = false;
            }
            if (i == 0) {
                continue;
            }
            Segment previous = segments.get(i - 1);
            if (previous.hi() == null || segment.lo().compareTo(previous.hi()) < 0) {
                problem(key, "segment " + segment + " overlaps segment " + previous);
                valid = false;
            } else if (segment.lo().compareTo(previous.hi()) > 0) {
                problem(key, "segments " + previous + " and " + segment + " leave a gap from "
                        + previous.hi().toPlainString() + " to " + segment.lo().toPlainString());
                valid = false;
            }
        }
        Segment last = segments.get(segments.size() - 1);
        if (last.hi() != null) {
            problem(key, "the segments leave a gap above " + last.hi().toPlainString()
                    + ": the last segment must be open, e.g. " + last.hi().toPlainString() + "-:0");
            valid = false;
        }
        return valid ? segments : List.of();
    }

    private BigDecimal amount(String key, String text) {
        BigDecimal amount = number(key, text);
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            problem(key, "amount " + text + " is negative");
            return null;
        }
        if (!Money.isValidAmount(amount)) {
            problem(key, "amount " + text + " has more than two decimals");
            return null;
        }
        return amount;
    }

    private BigDecimal ratio(String key, String text) {
        BigDecimal ratio = number(key, text);
        if (ratio != null && (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0)) {
            problem(key, "ratio " + text + " is outside 0..1");
            return null;
        }
        return ratio;
    }

    private BigDecimal number(String key, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            problem(key, "'" + text + "' is not a number (write yuan as 5000 or 5000.00, ratios as 0.65)");
            return null;
        }
    }

    private String name(String key) {
        Optional<String> value = value(key).filter(text -> !text.equalsIgnoreCase("none"));
        if (value.isPresent() && !NAME.matcher(value.get()).matches()) {
            problem(key, "'" + value.get() + "' must be lowercase letters, digits and hyphens");
            return null;
        }
        return value.orElse(null);
    }

    private <E extends Enum<E>> Set<E> enumSet(Class<E> type, String key, String any) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (String value : listUnless(key, any)) {
            E constant = parse(type, key, value);
            if (constant != null && !set.add(constant)) {
                problem(key, constant + " is listed twice");
            }
        }
        return set;
    }

    /** A standard fund or one declared with {@code yidan.funds.<CODE>.name} ({@link DeclaredFunds}). */
    private Fund fund(String key, String value) {
        Optional<Fund> fund = DeclaredFunds.declared(value.trim().toUpperCase(Locale.ROOT), config);
        if (fund.isEmpty()) {
            problem(key, "unknown fund '" + value + "'; expected one of " + Fund.standard()
                    + " or a fund declared with " + DeclaredFunds.PREFIX + "<CODE>" + DeclaredFunds.NAME_SUFFIX
                    + " (the code upper-case letters, digits and underscores)");
        }
        return fund.orElse(null);
    }

    private <E extends Enum<E>> E parse(Class<E> type, String key, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        problem(key, "unknown " + describe(type) + " '" + value + "'; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        return null;
    }

    private static String describe(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** The list under {@code key}, or nothing when it is absent or is the single word {@code unset}. */
    private List<String> listUnless(String key, String unset) {
        Optional<String> value = value(key);
        if (value.isEmpty() || value.get().equalsIgnoreCase(unset)) {
            return List.of();
        }
        return list(key, false).orElse(List.of());
    }

    private Optional<List<String>> list(String key, boolean required) {
        Optional<String> value = required ? required(key, "a comma-separated list") : value(key);
        return value.map(text -> {
            List<String> items = new ArrayList<>();
            for (String item : text.split(",")) {
                if (item.isBlank()) {
                    problem(key, "the list '" + text + "' has an empty entry");
                } else {
                    items.add(item.trim());
                }
            }
            return items;
        });
    }

    private Optional<String> required(String key, String what) {
        Optional<String> value = value(key);
        if (value.isEmpty()) {
            missing(key, what);
        }
        return value;
    }

    /**
     * A key's value; while an inheriting policy is read, a key of that policy that is not set is read from the
     * years it inherits, nearest first. {@code inherit} itself is never inherited.
     */
    private Optional<String> value(String key) {
        Optional<String> own = config.apply(key).map(String::trim).filter(text -> !text.isEmpty());
        if (own.isPresent() || inheritance.isEmpty() || !key.startsWith(inheritance.get(0))) {
            return own;
        }
        String rest = key.substring(inheritance.get(0).length());
        if (rest.equals("inherit")) {
            return own;
        }
        for (String ancestor : inheritance.subList(1, inheritance.size())) {
            Optional<String> inherited = config.apply(ancestor + rest).map(String::trim).filter(text -> !text.isEmpty());
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return own;
    }

    private void missing(String key, String what) {
        problem(key, "missing: " + what);
    }

    private void problem(String key, String message) {
        problems.add(new PolicyConfigurationException.Problem(key, message));
    }
}
