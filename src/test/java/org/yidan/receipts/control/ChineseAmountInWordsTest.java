package org.yidan.receipts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseAmountInWordsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // zero and amounts below one yuan
            "0, 零元整",
            "0.00, 零元整",
            "0.01, 壹分",
            "0.05, 伍分",
            "0.10, 壹角",
            "0.50, 伍角",
            "0.55, 伍角伍分",
            // 元, 角, 分 and 整
            "1, 壹元整",
            "1.00, 壹元整",
            "1.5, 壹元伍角",
            "1.500, 壹元伍角",
            "1.05, 壹元零伍分",
            "1.55, 壹元伍角伍分",
            // 壹 before 拾, at the start and inside
            "10, 壹拾元整",
            "10.00, 壹拾元整",
            "11, 壹拾壹元整",
            "15.50, 壹拾伍元伍角",
            "20, 贰拾元整",
            "110, 壹佰壹拾元整",
            "100010.00, 壹拾万零壹拾元整",
            "10010, 壹万零壹拾元整",
            // zeros between digits: one 零 per run
            "101, 壹佰零壹元整",
            "1001.10, 壹仟零壹元壹角",
            "1409.50, 壹仟肆佰零玖元伍角",
            "6007.14, 陆仟零柒元壹角肆分",
            "12050.00, 壹万贰仟零伍拾元整",
            // a run of zeros that reaches 元 or 角
            "2630.05, 贰仟陆佰叁拾元零伍分",
            "325.04, 叁佰贰拾伍元零肆分",
            "16409.02, 壹万陆仟肆佰零玖元零贰分",
            "1680.32, 壹仟陆佰捌拾元零叁角贰分",
            "107000.53, 壹拾万零柒仟元零伍角叁分",
            // zeros inside the 万 and 亿 groups
            "10000, 壹万元整",
            "10001, 壹万零壹元整",
            "110000, 壹拾壹万元整",
            "1000000.01, 壹佰万元零壹分",
            "1010000, 壹佰零壹万元整",
            "10000000, 壹仟万元整",
            "100000000.00, 壹亿元整",
            "100000001, 壹亿零壹元整",
            "100010000, 壹亿零壹万元整",
            "1000000000, 壹拾亿元整",
            "123456789.12, 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分",
            "999999999999.99, 玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            // the worked example's receipt
            "60000.00, 陆万元整",
            "30000.00, 叁万元整",
            "9750.00, 玖仟柒佰伍拾元整",
            "8200.00, 捌仟贰佰元整",
            "47950.00, 肆万柒仟玖佰伍拾元整",
    })
    void writesTheAmountInCapitals(BigDecimal yuan, String expected) {
        assertEquals(expected, ChineseAmountInWords.of(yuan));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-12050.00"})
    void refusesNegativeAmounts(String yuan) {
        assertThrows(IllegalArgumentException.class, () -> ChineseAmountInWords.of(new BigDecimal(yuan)));
    }

    @Test
    void refusesDigitsBeyondTheFen() {
        assertThrows(IllegalArgumentException.class, () -> ChineseAmountInWords.of(new BigDecimal("1.005")));
    }

    @Test
    void refusesAmountsFromOneTrillionUp() {
        assertThrows(IllegalArgumentException.class,
                () -> ChineseAmountInWords.of(new BigDecimal("1000000000000.00")));
    }

    @Test
    void refusesAMissingAmount() {
        assertThrows(IllegalArgumentException.class, () -> ChineseAmountInWords.of(null));
    }
}
