package org.yidan.policy.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.yidan.policy.entity.BaseSpec;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.Rule;
import org.yidan.policy.entity.VisitType;

/**
 * The sentence templates of {@code org/yidan/policy/explanations.properties}, compiled once. Placeholders are
 * {@code {n}}; the arguments are text that the calculator has formatted already.
 */
final class Explanations {

    static final String BUNDLE = "org.yidan.policy.explanations";

    private final ResourceBundle bundle;

    final Template external;
    final Template externalNone;
    final Template tieredHead;
    final Template tieredDeductible;
    final String tieredSeparator;
    final String partSeparator;
    final Template partDeductible;
    final Template partUnpaid;
    final Template partPaid;
    final Template segmentClosed;
    final Template segmentOpen;
    final String segmentAll;
    final Template tieredTotal;
    final Template tieredNothing;
    final Template capLeft;
    final Template capPartial;
    final Template capReached;
    final String capShared;
    final Template target;
    final Template targetReached;
    final Template notEligibleVisitType;
    final Template notEligibleHospitalLevel;
    final Template notEligibleCategory;
    final Template notEligibleChronicDisease;
    final Template excludedByGroup;
    private final String listSeparator;
    private final Template baseItems;

    private Explanations(ResourceBundle bundle) {
        this.bundle = bundle;
        external = template("external");
        externalNone = template("external.none");
        tieredHead = template("tiered.head");
        tieredDeductible = template("tiered.deductible");
        tieredSeparator = text("tiered.separator");
        partSeparator = text("tiered.part.separator");
        partDeductible = template("tiered.part.deductible");
        partUnpaid = template("tiered.part.unpaid");
        partPaid = template("tiered.part.paid");
        segmentClosed = template("segment.closed");
        segmentOpen = template("segment.open");
        segmentAll = text("segment.all");
        tieredTotal = template("tiered.total");
        tieredNothing = template("tiered.nothing");
        capLeft = template("tiered.cap.left");
        capPartial = template("tiered.cap.partial");
        capReached = template("tiered.cap.reached");
        capShared = text("tiered.cap.shared");
        target = template("target");
        targetReached = template("target.reached");
        notEligibleVisitType = template("not-eligible.visit-type");
        notEligibleHospitalLevel = template("not-eligible.hospital-level");
        notEligibleCategory = template("not-eligible.category");
        notEligibleChronicDisease = template("not-eligible.chronic-disease");
        excludedByGroup = template("excluded-by-group");
        listSeparator = text("list.separator");
        baseItems = template("base.ITEMS");
    }

    static Explanations load() {
        return new Explanations(ResourceBundle.getBundle(BUNDLE, Locale.ROOT));
    }

    /** What the rule's base is called, e.g. 合规自付, 特药费用, 挂号费、诊查费. */
    String baseName(BaseSpec base) {
        if (base.kind() == BaseSpec.Kind.ITEMS) {
            List<String> names = new ArrayList<>();
            for (ItemCategory category : base.items()) {
                names.add(category.displayName());
            }
            return baseItems.format(String.join(listSeparator, names));
        }
        return text("base." + base.kind().name());
    }

    String visitTypes(Collection<VisitType> values) {
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(value.displayName()));
        return String.join(listSeparator, names);
    }

    String hospitalLevels(Collection<HospitalLevel> values) {
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(value.displayName()));
        return String.join(listSeparator, names);
    }

    String categories(Collection<PersonCategory> values) {
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(value.displayName()));
        return String.join(listSeparator, names);
    }

    String diseases(Collection<String> codes) {
        List<String> names = new ArrayList<>();
        for (String code : codes) {
            names.add(bundle.containsKey("disease." + code) ? bundle.getString("disease." + code) : code);
        }
        return String.join(listSeparator, names);
    }

    /** How a rule of a group is named to the patient: by the categories it serves, else by its id. */
    String ruleLabel(Rule rule) {
        return rule.categories().isEmpty() ? rule.id() : categories(rule.categories());
    }

    private String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("The bundle " + BUNDLE + " lacks the key " + key, e);
        }
    }

    private Template template(String key) {
        return Template.compile(text(key));
    }

    /** A sentence with {@code {n}} placeholders, split once into literal text and argument indexes. */
    static final class Template {
        private final String[] literals;
        private final int[] arguments;

        private Template(String[] literals, int[] arguments) {
            this.literals = literals;
            this.arguments = arguments;
        }

        static Template compile(String pattern) {
            List<String> literals = new ArrayList<>();
            List<Integer> arguments = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int i = 0;
            while (i < pattern.length()) {
                int close = pattern.indexOf('}', i);
                if (pattern.charAt(i) == '{' && close > i + 1 && pattern.substring(i + 1, close).chars()
                        .allMatch(Character::isDigit)) {
                    literals.add(literal.toString());
                    literal.setLength(0);
                    arguments.add(Integer.parseInt(pattern.substring(i + 1, close)));
                    i = close + 1;
                } else {
                    literal.append(pattern.charAt(i++));
                }
            }
            literals.add(literal.toString());
            return new Template(literals.toArray(String[]::new),
                    arguments.stream().mapToInt(Integer::intValue).toArray());
        }

        void appendTo(StringBuilder out, String... values) {
            for (int i = 0; i < arguments.length; i++) {
                out.append(literals[i]).append(values[arguments[i]]);
            }
            out.append(literals[arguments.length]);
        }

        String format(String... values) {
            StringBuilder out = new StringBuilder(64);
            appendTo(out, values);
            return out.toString();
        }
    }
}
