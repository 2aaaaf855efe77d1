package org.yidan.beneficiaries.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yidan.platform.control.RefusedException;

class IdNumbersTest {

    /**
     * The check character by the recursive form of ISO 7064 MOD 11-2 (p = (p + digit) * 2 mod 11), a different
     * computation from the weighted sum the production code uses.
     */
    static String withCheckCharacter(String first17) {
        int p = 0;
        for (char c : first17.toCharArray()) {
            p = ((p + (c - '0')) * 2) % 11;
        }
        int check = (12 - p) % 11;
        return first17 + (check == 10 ? "X" : String.valueOf(check));
    }

    @Test
    void acceptsThePublishedExampleOfTheStandard() {
        assertTrue(IdNumbers.isValid("11010519491231002X"));
        assertEquals("11010519491231002X", IdNumbers.normalise("11010519491231002X"));
    }

    @Test
    void acceptsALowerCaseXAndWritesItUpperCase() {
        assertTrue(IdNumbers.isValid("11010519491231002x"));
        assertEquals("11010519491231002X", IdNumbers.normalise(" 11010519491231002x "));
    }

    @ParameterizedTest
    @CsvSource({"370323,19580312,021", "620422,19751231,570", "371371,19580830,084", "370323,20000229,001",
            "110105,19491231,002"})
    void acceptsNumbersWhoseCheckCharacterIsComputedIndependently(String region, String birth, String sequence) {
        String id = withCheckCharacter(region + birth + sequence);
        assertTrue(IdNumbers.isValid(id), id);
        assertEquals(id, IdNumbers.normalise(id));
        assertEquals(id.charAt(17), IdNumbers.checkCharacter(id.substring(0, 17)));
    }

    @Test
    void theApiExamplePersonIsValid() {
        assertEquals("370323195803120215", withCheckCharacter("37032319580312021"));
        assertTrue(IdNumbers.isValid("370323195803120215"));
    }

    @Test
    void refusesAWrongCheckCharacterSayingSo() {
        RefusedException refused = assertThrows(RefusedException.class,
                () -> IdNumbers.normalise("370323195803120216"));
        assertEquals(422, refused.status());
        assertEquals("INVALID_ID_NUMBER", refused.code());
        assertEquals("idNumber", refused.errors().get(0).field());
        assertTrue(refused.getMessage().contains("check character"), refused.getMessage());
        assertFalse(IdNumbers.isValid("11010519491231002Y"));
        assertFalse(IdNumbers.isValid("110105194912310021"));
    }

    @ParameterizedTest
    @CsvSource({"37032319580312021", "3703231958031202155", "370323"})
    void refusesAWrongLength(String id) {
        RefusedException refused = assertThrows(RefusedException.class, () -> IdNumbers.normalise(id));
        assertTrue(refused.getMessage().contains("18 characters, not " + id.length()), refused.getMessage());
    }

    @Test
    void refusesLettersAmongTheDigits() {
        RefusedException refused = assertThrows(RefusedException.class,
                () -> IdNumbers.normalise("3703A3195803120215"));
        assertTrue(refused.getMessage().contains("character 5 ('A') is not a digit"), refused.getMessage());
        assertFalse(IdNumbers.isValid("X70323195803120215"));
    }

    @Test
    void refusesABirthDateThatIsNoRealDay() {
        String february31 = withCheckCharacter("37032319490231002");
        RefusedException refused = assertThrows(RefusedException.class, () -> IdNumbers.normalise(february31));
        assertTrue(refused.getMessage().contains("birth date 19490231"), refused.getMessage());
        assertTrue(refused.getMessage().contains("not a real date"), refused.getMessage());
        assertFalse(IdNumbers.isValid(withCheckCharacter("37032319491301002")));
        assertFalse(IdNumbers.isValid(withCheckCharacter("37032319010229002")), "1901 is no leap year");
        assertFalse(IdNumbers.isValid(withCheckCharacter("37032300000101002")));
    }

    @Test
    void refusesABirthDateInTheFuture() {
        LocalDate tomorrow = LocalDate.now().plusDays(2);
        String future = withCheckCharacter("370323" + tomorrow.toString().replace("-", "") + "002");
        RefusedException refused = assertThrows(RefusedException.class, () -> IdNumbers.normalise(future));
        assertTrue(refused.getMessage().contains("in the future"), refused.getMessage());
    }

    @Test
    void refusesAMissingNumber() {
        assertFalse(IdNumbers.isValid(null));
        assertFalse(IdNumbers.isValid("  "));
        assertTrue(assertThrows(RefusedException.class, () -> IdNumbers.normalise(""))
                .getMessage().contains("missing"));
    }

    @Test
    void masksAllButTheRegionAndTheLastFour() {
        assertEquals("370323********0215", IdNumbers.mask("370323195803120215"));
        assertEquals("110105********002X", IdNumbers.mask("11010519491231002x"));
        assertEquals("*****", IdNumbers.mask("12345"));
    }
}
