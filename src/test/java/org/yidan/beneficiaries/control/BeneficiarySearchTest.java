package org.yidan.beneficiaries.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BeneficiarySearchTest {

    @Test
    void theLastDigitsAreAPrefixOfTheReversedNumber() {
        BeneficiarySearch search = BeneficiarySearch.of("370323", "0215");
        assertEquals("county = ?1 and reverse(id_number) like '5120%'", search.condition());
        assertEquals(List.of("370323"), search.parameters());
        assertEquals("reverse(id_number) like 'X321%'", BeneficiarySearch.of(null, "123x").condition());
    }

    @Test
    void anyPartOfANameIsFoundWithItsWildcardsTakenLiterally() {
        BeneficiarySearch search = BeneficiarySearch.of(null, " 三_% ");
        assertEquals("name like ?1 escape '\\'", search.condition());
        assertEquals(List.of("%三\\_\\%%"), search.parameters());
        assertEquals("true", BeneficiarySearch.of(null, "").condition());
        assertEquals("id_number = ?1", BeneficiarySearch.of(null, "370323195803120215").condition());
    }

    @Test
    void onlyDigitsEverReachTheSqlText() {
        assertThrows(IllegalArgumentException.class, () -> BeneficiarySearch.idSuffixCondition("12' or '1'='1"));
        assertEquals("name like ?1 escape '\\'", BeneficiarySearch.of(null, "1234' --").condition());
    }
}
