package org.yidan.beneficiaries.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: the import screen showed the parser's English sentences to the registrar; the screen then read them back
 * into bundle keys. Now each row rule names its message by key ({@link Reason}): every reason the parser gives must
 * have a text in the Chinese bundle and in the English root bundle, and the Chinese one must not be English.
 */
class RosterReasonsTest {

    private static final String A = IdNumbersTest.withCheckCharacter("37032319580312021");
    private static final String B = IdNumbersTest.withCheckCharacter("37032319600721042");
    private static final String C = IdNumbersTest.withCheckCharacter("37032319670419271");
    private static final String D = IdNumbersTest.withCheckCharacter("37032319700101001");
    private static final String E = IdNumbersTest.withCheckCharacter("37032319710101001");
    private static final String F = IdNumbersTest.withCheckCharacter("11010119710101001");
    private static final String G = IdNumbersTest.withCheckCharacter("37032319720101001");
    private static final String H = IdNumbersTest.withCheckCharacter("37032319730101001");

    /** One row per kind of error the parser reports. */
    private static final String BAD_ROSTER = "身份证号,姓名,县区代码,户编号,人员类别,类别起始日期,类别终止日期,标准,慢病,销号日期,乡镇,家庭年收入\n"
            + ",无号,370323,H-1,DIBAO,2020-01-01,,,,,,\n"
            + "3703231958,短号,370323,H-1,DIBAO,2020-01-01,,,,,,\n"
            + "3.70323E+17,科学计数,370323,H-1,DIBAO,2020-01-01,,,,,,\n"
            + "37032319580312A215,字母,370323,H-1,DIBAO,2020-01-01,,,,,,\n"
            + "370323195803120216,校验,370323,H-1,DIBAO,2020-01-01,,,,,,\n"
            + "370323195802300215,生日,370323,H-1,DIBAO,2020-01-01,,,,,,\n"
            + A + ",,37032,H-1,富人,2020-13-01,2019-01-01,金标,HYPERTENSION,2020-02-30,,\n"
            + B + ",李四,370323,H-2,DIBAO,,,,\"hyper tension:2019-01-01;DIABETES\",,,\n"
            + C + ",王五,370323,H-3,DIBAO,2020-05-01,2020-01-01,,\"DIABETES:2019-01-01;DIABETES:2019-02-01\",,,\n"
            + C + ",王六,370324,H-4,DIBAO,2021-01-01,,,,2022-01-01,,\n"
            + D + ",赵七,370323,H-5,,2020-01-01,,,,,,\n"
            + D + ",赵七,370323,H-5,DIBAO,2020-01-01,,,,,,\n"
            + E + ",钱八,370323,H-6,DIBAO,2020-01-01,,,,,,\n"
            + E + ",钱八,370323,H-6,DIBAO,2020-03-01,,,,,,\n"
            + F + ",孙九,110101,H-7,DIBAO,2020-01-01,,,,,,\n"
            + G + ",周十,370323,H-8,DIBAO,2020-01-01,,,,," + "镇".repeat(101) + ",\n"
            + H + ",吴十一,370323,H-9,DIBAO,2020-01-01,,,,,,很多\n";

    private static final ResourceBundle ZH = ResourceBundle.getBundle("org.yidan.messages", Locale.SIMPLIFIED_CHINESE);

    private static String chinese(Reason reason) {
        return reason.text(ZH::getString);
    }

    @Test
    void everyRowErrorOfTheParserHasAChineseAndAnEnglishText() {
        RosterParseResult result = RosterParser.parse(BAD_ROSTER.getBytes(StandardCharsets.UTF_8),
                Set.of("370323", "370324")::contains);
        Set<String> keys = new TreeSet<>();
        assertTrue(result.errors().size() >= 18, result.errors()::toString);
        for (RosterParseResult.RowError error : result.errors()) {
            keys.add(error.why().key());
            String english = error.reason();
            String text = chinese(error.why());
            assertFalse(english.contains("{") || text.contains("{"), english + " / " + text);
            assertFalse(text.matches(".*[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}.*") && !text.contains("yyyy"),
                    "an English sentence reached the screen: " + text);
            assertTrue(english.matches(".*[A-Za-z]{2,} [A-Za-z]{2,}.*"), "the API's English: " + english);
        }
        assertTrue(keys.containsAll(Set.of("roster.error.countyNotServed", "roster.error.incomeNotAmount",
                "roster.error.samePerson", "roster.error.idCheck", "roster.error.dateInvalid",
                "beneficiary.error.townshipLong", "beneficiary.error.categoryOverlap")), keys::toString);
        assertTrue(keys.size() >= 20, keys::toString);
    }

    @Test
    void theRuleGivesTheKeyAndTheArgumentsAndEachLanguageSaysIt() {
        Reason length = IdNumbers.reason("3703231958", LocalDate.of(2020, 1, 1)).orElseThrow();
        assertEquals("roster.error.idLength", length.key());
        assertEquals(List.of("10"), length.args());
        assertEquals("The ID number must have 18 characters, not 10.", length.english());
        assertEquals("身份证号应为 18 位，此处为 10 位。", chinese(length));

        RosterParseResult result = RosterParser.parse(BAD_ROSTER.getBytes(StandardCharsets.UTF_8));
        RosterParseResult.RowError badStart = result.errors().stream()
                .filter(e -> e.line() == 8 && e.column().equals("类别起始日期")).findFirst().orElseThrow();
        assertEquals("The start date '2020-13-01' is not a real day.", badStart.reason());
        assertEquals("类别起始日期“2020-13-01”不是真实存在的日期。", chinese(badStart.why()));
        RosterParseResult.RowError overlap = result.errors().stream()
                .filter(e -> e.why().key().equals("beneficiary.error.categoryOverlap")).findFirst().orElseThrow();
        assertEquals("The DIBAO span 2020-03-01 to open overlaps categories[0] (2020-01-01 to open).",
                overlap.reason());
        assertTrue(chinese(overlap.why()).contains("至今"), chinese(overlap.why()));
    }
}
