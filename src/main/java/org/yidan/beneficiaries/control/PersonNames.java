package org.yidan.beneficiaries.control;

/**
 * A person's name as published (公示): the first and last characters with the middle hidden ({@code 张*三},
 * {@code 欧**明}); a two-character name keeps only its first ({@code 张*}). The ID number's mask is
 * {@link IdNumbers#mask}. Counts Unicode code points, so a name with a character outside the BMP is not split.
 */
public final class PersonNames {

    private PersonNames() {
    }

    public static String mask(String name) {
        if (name == null) {
            return null;
        }
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length == 0) {
            return "";
        }
        if (chars.length == 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
        if (chars.length == 2) {
            return masked.append('*').toString();
        }
        masked.append("*".repeat(chars.length - 2));
        return masked.appendCodePoint(chars[chars.length - 1]).toString();
    }
}
