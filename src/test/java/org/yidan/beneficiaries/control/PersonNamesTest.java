package org.yidan.beneficiaries.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PersonNamesTest {

    @Test
    void threeCharactersKeepTheFirstAndTheLast() {
        assertEquals("张*三", PersonNames.mask("张小三"));
    }

    @Test
    void twoCharactersKeepOnlyTheFirst() {
        assertEquals("张*", PersonNames.mask("张三"));
    }

    @Test
    void longerNamesHideEveryMiddleCharacter() {
        assertEquals("欧**明", PersonNames.mask("欧阳小明"));
        assertEquals("阿***提", PersonNames.mask("阿依古丽提"));
    }

    @Test
    void oneCharacterAndNothingAtAllAreHidden() {
        assertEquals("*", PersonNames.mask("张"));
        assertEquals("", PersonNames.mask("  "));
        assertNull(PersonNames.mask(null));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverSplit() {
        // 𠀋 is one character stored as two UTF-16 units: a naive mask would leave half of it behind
        assertEquals("𠀋*", PersonNames.mask("𠀋三"));
        assertEquals("张*𠀋", PersonNames.mask("张三𠀋"));
    }
}
