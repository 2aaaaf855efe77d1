package org.yidan.policy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yidan.platform.control.RefusedException;

/** The funds a deployment declares: the standard six and {@code yidan.funds.<CODE>.name}, one place to read a code. */
class DeclaredFundsTest {

    private static DeclaredFunds read(Map<String, String> config) {
        return DeclaredFunds.read(config.keySet(), key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void theStandardSixAreAlwaysDeclaredInTheirOrder() {
        assertEquals(List.of("BASIC", "CRITICAL", "ASSISTANCE", "HOSPITAL_REDUCTION", "COMMERCIAL", "RE_ASSISTANCE"),
                read(Map.of()).all().stream().map(Fund::code).toList());
        assertEquals("医疗救助", read(Map.of()).parse("fund", "assistance").displayName());
    }

    @Test
    void aDeclaredFundIsUsableWithItsNameAfterTheStandardOnes() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("yidan.funds.FAMILY_PLANNING.name", "计生补助");
        config.put("yidan.funds.CHARITY.name", " 慈善救助 ");
        config.put("yidan.policy.999003.name", "not a fund");
        DeclaredFunds funds = read(config);

        assertEquals(List.of("BASIC", "CRITICAL", "ASSISTANCE", "HOSPITAL_REDUCTION", "COMMERCIAL", "RE_ASSISTANCE",
                "CHARITY", "FAMILY_PLANNING"), funds.all().stream().map(Fund::code).toList());
        Fund familyPlanning = funds.parse("externalPayments.FAMILY_PLANNING", " family_planning ");
        assertEquals("FAMILY_PLANNING", familyPlanning.code());
        assertEquals("计生补助", familyPlanning.displayName());
        assertEquals("慈善救助", funds.displayName("CHARITY"));
        assertEquals(Fund.of("FAMILY_PLANNING", "另一个名字"), familyPlanning, "a fund is its code");
        assertTrue(Fund.BASIC.compareTo(familyPlanning) < 0, "the standard funds come first");
    }

    @Test
    void anUndeclaredFundIsRefusedAsAnUnknownValueNamingTheField() {
        DeclaredFunds funds = read(Map.of("yidan.funds.FAMILY_PLANNING.name", "计生补助"));
        RefusedException refused = assertThrows(RefusedException.class,
                () -> funds.parse("externalPayments.CHARITY", "CHARITY"));
        assertEquals(422, refused.status());
        assertEquals("UNKNOWN_VALUE", refused.code());
        assertTrue(refused.getMessage().contains("externalPayments.CHARITY"), refused.getMessage());
        assertTrue(refused.getMessage().contains("FAMILY_PLANNING"), "names what is declared: " + refused.getMessage());
        assertThrows(RefusedException.class, () -> funds.parse("fund", null));
        assertFalse(funds.find("CHARITY").isPresent());
    }

    @Test
    void aStoredCodeNoLongerDeclaredStillShowsAsItself() {
        DeclaredFunds funds = read(Map.of());
        assertEquals("CHARITY", funds.displayName("CHARITY"));
        assertEquals("CHARITY", funds.stored("CHARITY").code());
        assertEquals("基本医保", funds.displayName("BASIC"));
    }

    @Test
    void anEnvironmentVariableDeclaresAFundUnderTheKeyMicroProfileConfigMapsItTo() {
        // MicroProfile Config lists YIDAN_FUNDS_CHARITY_NAME and answers yidan.funds.CHARITY.name with its value
        Map<String, String> environment = Map.of("YIDAN_FUNDS_CHARITY_NAME", "慈善救助", "PATH", "/usr/bin");
        DeclaredFunds funds = DeclaredFunds.read(environment.keySet(), key -> Optional.ofNullable(
                environment.get(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT))));
        assertEquals("慈善救助", funds.parse("fund", "CHARITY").displayName());
        assertEquals(7, funds.all().size());
    }

    @Test
    void aNameForAStandardCodeRenamesIt() {
        DeclaredFunds funds = read(Map.of("yidan.funds.COMMERCIAL.name", "特惠保"));
        assertEquals("特惠保", funds.displayName("COMMERCIAL"));
        assertEquals(6, funds.all().size());
        assertEquals(4, funds.all().indexOf(Fund.COMMERCIAL), "keeps its place");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yidan.funds.family_planning.name", "yidan.funds.1FUND.name", "yidan.funds.JI-SHENG.name",
            "yidan.funds.计生.name", "yidan.funds.A_CODE_OF_MORE_THAN_THIRTY_TWO_CHARS.name"})
    void aBadCodeInTheConfigurationIsRefusedNamingTheKey(String key) {
        DeclaredFunds.InvalidDeclaration invalid = assertThrows(DeclaredFunds.InvalidDeclaration.class,
                () -> read(Map.of(key, "计生补助")));
        assertEquals(key, invalid.key());
        assertTrue(invalid.getMessage().startsWith(key + ": "), invalid.getMessage());
    }

    @Test
    void aDeclarationWithoutANameIsRefusedNamingTheKey() {
        DeclaredFunds.InvalidDeclaration invalid = assertThrows(DeclaredFunds.InvalidDeclaration.class,
                () -> read(Map.of("yidan.funds.CHARITY.name", "  ")));
        assertEquals("yidan.funds.CHARITY.name", invalid.key());
    }
}
