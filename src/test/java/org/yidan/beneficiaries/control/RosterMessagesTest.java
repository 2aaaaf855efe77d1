package org.yidan.beneficiaries.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: the import screen showed the parser's English sentences to the registrar. Every sentence the parser
 * writes for a bad row must have a key in the Chinese bundle; a new or changed sentence fails this test.
 */
class RosterMessagesTest {

    private static final String A = IdNumbersTest.withCheckCharacter("37032319580312021");
    private static final String B = IdNumbersTest.withCheckCharacter("37032319600721042");
    private static final String C = IdNumbersTest.withCheckCharacter("37032319670419271");
    private static final String D = IdNumbersTest.withCheckCharacter("37032319700101001");
    private static final String E = IdNumbersTest.withCheckCharacter("37032319710101001");

    /** One row per kind of error the parser reports. */
    private static final String BAD_ROSTER = "身份证号,姓名,县区代码,户编号,人员类别,类别起始日期,类别终止日期,标准,慢病,销号日期\n"
            + ",无号,370323,H-1,DIBAO,2020-01-01,,,,\n"
            + "3703231958,短号,370323,H-1,DIBAO,2020-01-01,,,,\n"
            + "3.70323E+17,科学计数,370323,H-1,DIBAO,2020-01-01,,,,\n"
            + "37032319580312A215,字母,370323,H-1,DIBAO,2020-01-01,,,,\n"
            + "370323195803120216,校验,370323,H-1,DIBAO,2020-01-01,,,,\n"
            + "370323195802300215,生日,370323,H-1,DIBAO,2020-01-01,,,,\n"
            + A + ",,37032,H-1,富人,2020-13-01,2019-01-01,金标,HYPERTENSION,2020-02-30\n"
            + B + ",李四,370323,H-2,DIBAO,,,,\"hyper tension:2019-01-01;DIABETES\",\n"
            + C + ",王五,370323,H-3,DIBAO,2020-05-01,2020-01-01,,\"DIABETES:2019-01-01;DIABETES:2019-02-01\",\n"
            + C + ",王六,370324,H-4,DIBAO,2021-01-01,,,,2022-01-01\n"
            + D + ",赵七,370323,H-5,,2020-01-01,,,,\n"
            + D + ",赵七,370323,H-5,DIBAO,2020-01-01,,,,\n"
            + E + ",钱八,370323,H-6,DIBAO,2020-01-01,,,,\n"
            + E + ",钱八,370323,H-6,DIBAO,2020-03-01,,,,\n";

    @Test
    void everyRowErrorOfTheParserHasAChineseText() {
        RosterParseResult result = RosterParser.parse(BAD_ROSTER.getBytes(StandardCharsets.UTF_8));
        ResourceBundle zh = ResourceBundle.getBundle("org.yidan.messages", Locale.SIMPLIFIED_CHINESE);
        Set<String> keys = new TreeSet<>();
        assertTrue(result.errors().size() >= 15, result.errors()::toString);
        for (RosterParseResult.RowError error : result.errors()) {
            RosterMessages.Message message = RosterMessages.of(error.reason()).orElseThrow(() ->
                    new AssertionError("no bundle key for the parser's sentence: " + error.reason()));
            keys.add(message.key());
            String text = new MessageFormat(zh.getString(message.key()), Locale.SIMPLIFIED_CHINESE)
                    .format(message.args().toArray());
            assertFalse(text.matches(".*[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}.*") && !text.contains("yyyy"),
                    "an English sentence reached the screen: " + text);
        }
        assertTrue(keys.size() >= 12, keys::toString);
    }

    @Test
    void theValuesOfTheSentenceBecomeTheArguments() {
        RosterMessages.Message length = RosterMessages.of("The ID number must have 18 characters, not 10.").orElseThrow();
        assertEquals("roster.error.idLength", length.key());
        assertEquals("10", length.args().get(0));
        assertEquals("roster.error.dateFormat",
                RosterMessages.of("The start date '2020-13-01' is not a date; write it as yyyy-MM-dd.").orElseThrow().key());
        assertEquals("from", RosterMessages.dateWhat("start date"));
        assertTrue(RosterMessages.of("Something nobody wrote.").isEmpty());
    }
}
