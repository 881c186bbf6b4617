package org.jhaproxy.config.cond;

/**
 * C's strtol() as the condition code relies on it: leading blanks, an optional sign, base 0
 * ("0x" hexadecimal, leading "0" octal) or base 10, and an end position equal to the start when
 * nothing was converted. Values saturate at Long.MIN_VALUE/MAX_VALUE like glibc's.
 */
record Strtol(long value, int end) {

    static Strtol parse(String s, int from, int base) {
        int i = from;
        while (i < s.length() && isCSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = base;
        if ((base == 0 || base == 16) && i + 2 < s.length() + 1 && at(s, i) == '0'
                && (at(s, i + 1) == 'x' || at(s, i + 1) == 'X') && Character.digit(at(s, i + 2), 16) >= 0
                && at(s, i + 2) < 128) {
            radix = 16;
            i += 2;
        } else if (base == 0) {
            radix = at(s, i) == '0' ? 8 : 10;
        }
        int digitsStart = i;
        long value = 0;
        boolean overflow = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            int d = c < 128 ? Character.digit(c, radix) : -1;
            if (d < 0) {
                break;
            }
            if (!overflow) {
                long next = value * radix + d;
                if (next < value || value > (Long.MAX_VALUE - d) / radix) {
                    overflow = true;
                } else {
                    value = next;
                }
            }
            i++;
        }
        if (i == digitsStart) {
            return new Strtol(0, from);
        }
        if (overflow) {
            return new Strtol(negative ? Long.MIN_VALUE : Long.MAX_VALUE, i);
        }
        return new Strtol(negative ? -value : value, i);
    }

    /** The value as C's "unsigned int" receiving it keeps it: its low 32 bits. */
    long asUnsignedInt() {
        return value & 0xFFFFFFFFL;
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /** isspace() in the C locale. */
    static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
