package org.yidan.receipts.control;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes an amount in yuan in Chinese capital numerals (大写金额), as banks and the medical-insurance agencies
 * require on a settlement voucher: {@code 12050.00} → 壹万贰仟零伍拾元整.
 *
 * <p>The conventions chosen where the People's Bank rules for filling in vouchers allow a choice:
 * <ul>
 *   <li>壹 is always written before 拾: {@code 10.00} → 壹拾元整, {@code 100010.00} → 壹拾万零壹拾元整, so that
 *       nothing can be put in front of 拾 afterwards;</li>
 *   <li>every run of zeros between two non-zero digits is written as one 零, also where the run meets 万, 亿 or
 *       元: {@code 1680.32} → 壹仟陆佰捌拾元零叁角贰分, {@code 2630.05} → 贰仟陆佰叁拾元零伍分;</li>
 *   <li>整 follows 元 when there are no 角 and 分, and is left out after 角 (the rules make it optional there):
 *       {@code 1001.10} → 壹仟零壹元壹角;</li>
 *   <li>an amount below one yuan has no 元: {@code 0.50} → 伍角; zero is 零元整.</li>
 * </ul>
 */
public final class ChineseAmountInWords {

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] UNITS_IN_GROUP = {"", "拾", "佰", "仟"};
    private static final String[] GROUP_UNITS = {"", "万", "亿"};
    /** 1 万亿 yuan: beyond the group units above, and beyond any medical bill. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private ChineseAmountInWords() {
    }

    /**
     * @param yuan the amount, not negative, below one trillion (万亿) yuan, with no digit beyond the fen
     *             ({@code 1.5} and {@code 1.500} are fine, {@code 1.505} is not)
     * @throws IllegalArgumentException for a negative, too large or sub-fen amount
     */
    public static String of(BigDecimal yuan) {
        if (yuan == null) {
            throw new IllegalArgumentException("amount is missing");
        }
        if (yuan.signum() < 0) {
            throw new IllegalArgumentException("a negative amount has no capital form on a receipt: " + yuan);
        }
        if (yuan.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount too large: " + yuan);
        }
        BigInteger fen;
        try {
            fen = yuan.movePointRight(2).toBigIntegerExact();
        } catch (ArithmeticException subFen) {
            throw new IllegalArgumentException("amount has digits beyond the fen: " + yuan, subFen);
        }
        if (fen.signum() == 0) {
            return "零元整";
        }
        return spell(fen.toString());
    }

    /** @param fen the amount in fen, without leading zeros; its last two digits are 角 and 分 */
    private static String spell(String fen) {
        StringBuilder words = new StringBuilder(2 * fen.length() + 2);
        boolean anyDigit = false;
        boolean zeroPending = false;
        boolean groupHasDigit = false;
        // position: 10^position fen; yuan digits are at 2 and above, 角 at 1, 分 at 0
        for (int i = 0; i < fen.length(); i++) {
            int position = fen.length() - 1 - i;
            int digit = fen.charAt(i) - '0';
            if (digit == 0) {
                zeroPending = anyDigit;
            } else {
                if (zeroPending) {
                    words.append('零');
                    zeroPending = false;
                }
                words.append(DIGITS[digit]).append(unit(position));
                anyDigit = true;
                groupHasDigit = true;
            }
            int yuanPosition = position - 2;
            if (yuanPosition > 0 && yuanPosition % 4 == 0) {
                if (groupHasDigit) {
                    words.append(GROUP_UNITS[yuanPosition / 4]);
                }
                groupHasDigit = false;
            } else if (yuanPosition == 0 && anyDigit) {
                words.append('元');
            }
        }
        if (fen.endsWith("00")) {
            words.append('整');
        }
        return words.toString();
    }

    private static String unit(int position) {
        return switch (position) {
            case 0 -> "分";
            case 1 -> "角";
            default -> UNITS_IN_GROUP[(position - 2) % 4];
        };
    }
}
