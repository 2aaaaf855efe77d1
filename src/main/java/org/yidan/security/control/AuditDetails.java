package org.yidan.security.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundle key and arguments of an audit line's detail, so that the audit screen reads in Chinese
 * ({@code audit.detail.*}). The components write details as short English facts (they are also read over the API
 * and in database exports, and the stored history is English); this table reads them back into keys with their
 * values as arguments, for old lines as well as new ones. A refusal's detail {@code CODE: message} becomes the
 * refusal's Chinese text ({@code refused.CODE}). A detail this table does not know is shown as stored.
 */
public final class AuditDetails {

    /** A bundle key and its arguments; {@code refusalCode} is set for a refusal, whose text is refused.CODE. */
    public record Detail(String key, List<String> args, String refusalCode) {
        public Detail {
            args = List.copyOf(args);
        }
    }

    private record Entry(Pattern detail, String key) {
    }

    private static final List<Entry> ENTRIES = List.of(
            entry("(\\d{6}) total ([\\d.]+) funds ([\\d.]+) self-pay ([\\d.-]+)", "settle"),
            entry("duplicate of (\\S+) confirmed", "duplicateConfirmed"),
            entry("created (\\d+), updated (\\d+), unchanged (\\d+), invalid rows (\\d+)", "rosterImport"),
            entry("demo users and (\\d+) demo beneficiaries loaded", "demoData"),
            entry("first administrator from YIDAN_BOOTSTRAP_ADMIN", "bootstrapAdmin"),
            entry("roles \\[(.*)]", "roles"),
            entry("unknown user", "unknownUser"),
            entry("account disabled", "disabled"),
            entry("account locked until (\\S+)", "locked"),
            entry("wrong password; account locked for 15 minutes", "wrongPasswordLocked"),
            entry("wrong password", "wrongPassword"),
            entry("HTTP Basic", "basicLogin"),
            entry("form login", "formLogin"),
            entry("form logout", "formLogout"),
            // the back office's facts (clearing, disclosure, the hospital registry)
            entry("generated lines (\\d+) total ([\\d.-]+) held ([\\d.-]+) prepayment ([\\d.-]+) payable ([\\d.-]+)",
                    "statementGenerated"),
            entry("refreshed lines (\\d+) total ([\\d.-]+) held ([\\d.-]+) prepayment ([\\d.-]+) payable ([\\d.-]+)",
                    "statementRefreshed"),
            entry("total ([\\d.-]+) payable ([\\d.-]+)", "statementConfirmed"),
            entry("paid ([\\d.]+) on (\\S+) ref (.+)", "statementPaid"),
            entry("prepaid ([\\d.]+) on (\\S+) ref (.+)", "prepaid"),
            entry("score ([\\d.]+) held ([\\d.-]+) released ([\\d.-]+)", "assessed"),
            entry("公示期 (\\S+) – (\\S+), (\\d+) persons", "disclosurePublished"),
            entry("stored (\\d+), refused (\\d+)", "hospitalImport"));

    private static final Pattern REFUSAL = Pattern.compile("([A-Z][A-Z_]+)(?::.*)?", Pattern.DOTALL);

    private AuditDetails() {
    }

    private static Entry entry(String detail, String key) {
        return new Entry(Pattern.compile(detail), "audit.detail." + key);
    }

    /** The key of {@code detail}, or empty when it is free text (e.g. a reversal's reason) or unknown. */
    public static Optional<Detail> of(String detail) {
        if (detail == null || detail.isBlank()) {
            return Optional.empty();
        }
        String text = detail.strip();
        for (Entry entry : ENTRIES) {
            Matcher matcher = entry.detail().matcher(text);
            if (matcher.matches()) {
                List<String> args = new ArrayList<>();
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    args.add(matcher.group(group));
                }
                return Optional.of(new Detail(entry.key(), args, null));
            }
        }
        Matcher refusal = REFUSAL.matcher(text);
        if (refusal.matches()) {
            return Optional.of(new Detail("audit.detail.refused", List.of(), refusal.group(1)));
        }
        return Optional.empty();
    }
}
