package org.yidan.beneficiaries.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message key and arguments of a roster row error, so that the import screen says it in Chinese from the
 * bundle ({@code roster.error.*}). The parser (and the validator and ID-number checks it reuses) describe a row in
 * English for the API and the logs; this table reads each of their sentences back into a key with the sentence's
 * values as arguments, without touching the parser. {@code RosterMessagesTest} runs the parser over a roster with
 * every kind of error and fails if any reason is left without a key, so a new or changed sentence cannot slip
 * through in English.
 */
public final class RosterMessages {

    /** A bundle key and its arguments, e.g. {@code roster.error.idLength} with {@code ["17"]}. */
    public record Message(String key, List<String> args) {
        public Message {
            args = List.copyOf(args);
        }
    }

    private record Entry(Pattern sentence, String key) {
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();

    static {
        // ID numbers (IdNumbers.problem)
        add("The ID number was stored as a number and lost its last digits \\((.*)\\); format the column as text\\.",
                "idAsNumber");
        add("The ID number is missing\\.", "idMissing");
        add("The ID number must have 18 characters, not (\\d+)\\.", "idLength");
        add("The ID number must be 17 digits followed by a digit or X; character (\\d+) \\('(.*)'\\) is not a digit\\.",
                "idDigit");
        add("The ID number must end with a digit or X, not '(.*)'\\.", "idLast");
        add("The ID number's birth date (\\S*) \\(characters 7-14\\) is not a real date\\.", "idBirthInvalid");
        add("The ID number's birth date (\\S*) \\(characters 7-14\\) is in the future\\.", "idBirthFuture");
        add("The ID number's check character '(.*)' does not match its first 17 digits; the number is mistyped\\.",
                "idCheck");
        // names, counties, households (RosterParser and BeneficiaryValidator)
        add("The name is missing\\.", "nameMissing");
        add("The name is required\\.", "nameMissing");
        add("The name is longer than (\\d+) characters\\.", "nameLong");
        add("The name must be at most (\\d+) characters long, not (\\d+)\\.", "nameLong");
        add("The name '(.*)' differs from '(.*)' on line (\\d+) for the same ID number\\.", "nameDiffers");
        add("The county code is (?:missing|required)\\.", "countyMissing");
        add("The county code must be 6 digits, not '(.*)'\\.", "countyFormat");
        add("This installation does not serve county (\\S*) \\(yidan\\.counties\\); .*", "countyNotServed");
        add("The county code (\\S*) differs from (\\S*) on line (\\d+) for the same ID number\\.", "countyDiffers");
        add("The household id is longer than (\\d+) characters\\.", "householdLong");
        add("The household id must be at most (\\d+) characters long\\.", "householdLong");
        add("The household id '(.*)' differs from '(.*)' on line (\\d+) for the same ID number\\.",
                "householdDiffers");
        add("The exit date (\\S*) differs from (\\S*) on line (\\d+) for the same ID number\\.", "exitDiffers");
        // categories
        add("The person category is missing\\.", "categoryMissing");
        add("The category (?:code )?is (?:missing|required)\\.", "categoryMissing");
        add("At least one person category is required\\.", "categoryMissing");
        add("Unknown person category '(.*)'; .*", "categoryUnknown");
        add("The date the category starts is (?:missing|required)\\.", "categoryFromMissing");
        add("The category ends on (\\S*), before it starts on (\\S*)\\.", "categoryEndsBeforeStart");
        add("The (\\S*) span (.*) overlaps categories\\[\\d+] \\((.*)\\)\\.", "categoryOverlap");
        // standard tags and diseases
        add("Unknown standard(?: tag)? '(.*)'; .*", "tagUnknown");
        add("The standard tag is empty\\.", "tagUnknown");
        add("The disease '(.*)' lacks its approval date; write it as HYPERTENSION:2019-03-01\\.", "diseaseNoDate");
        add("The disease (\\S*) lacks its approval date\\.", "diseaseNoDate");
        add("The disease code '(.*)' must be a token of letters, digits and _ such as HYPERTENSION.*", "diseaseCode");
        add("The disease code is required\\.", "diseaseCode");
        add("(\\S*) is listed twice.*", "diseaseTwice");
        add("(\\S*) is approved on (\\S*) here but on (\\S*) on line (\\d+)\\.", "diseaseDates");
        add("The approval date is required\\.", "diseaseNoDate");
        // dates
        add("The (.*) '(.*)' is not a date; .*", "dateFormat");
        add("The (.*) '(.*)' is not a real day\\.", "dateInvalid");
        // the file as a whole
        add("The roster has no column (.*)\\.", "missingColumn");
        add("The roster file is empty\\.", "empty");
        // the other rows of a person with an invalid row
        add("Not imported: line (\\d+) of the same person \\(ID number (\\S*)\\) is invalid\\.", "samePerson");
    }

    private RosterMessages() {
    }

    private static void add(String sentence, String key) {
        ENTRIES.add(new Entry(Pattern.compile(sentence), "roster.error." + key));
    }

    /** The key and arguments of {@code reason}, or empty for a sentence this table does not know. */
    public static Optional<Message> of(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        for (Entry entry : ENTRIES) {
            Matcher matcher = entry.sentence().matcher(reason.strip());
            if (matcher.matches()) {
                List<String> args = new ArrayList<>();
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    args.add(matcher.group(group));
                }
                return Optional.of(new Message(entry.key(), args));
            }
        }
        return Optional.empty();
    }

    /** The English "what" of a date error ("start date", "HYPERTENSION approval date") as a bundle key's suffix. */
    public static String dateWhat(String what) {
        return switch (what) {
            case "exit date" -> "exit";
            case "start date" -> "from";
            case "end date" -> "to";
            default -> what.endsWith(" approval date") ? "approval" : "other";
        };
    }
}
