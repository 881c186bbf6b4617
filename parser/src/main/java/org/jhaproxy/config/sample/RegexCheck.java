package org.jhaproxy.config.sample;

/**
 * The structural errors PCRE reports when HAProxy compiles a regex (regex_comp()): unbalanced
 * parentheses, an unterminated character class, a quantifier with nothing to repeat, a trailing
 * backslash. Only errors PCRE is certain to raise are detected, so a valid regex is never
 * refused; the message is HAProxy's "regex '%s' is invalid (error=%s, erroffset=%d)".
 */
public final class RegexCheck {
    private RegexCheck() {
    }

    public static void check(String re) throws ExprError {
        int depth = 0;
        int n = re.length();
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= n) {
                        throw invalid(re, "\\ at end of pattern", n);
                    }
                    i++;
                }
                case '[' -> {
                    int j = i + 1;
                    if (j < n && re.charAt(j) == '^') {
                        j++;
                    }
                    if (j < n && re.charAt(j) == ']') {
                        j++;
                    }
                    boolean closed = false;
                    for (; j < n; j++) {
                        char d = re.charAt(j);
                        if (d == '\\') {
                            j++;
                        } else if (d == '[' && j + 1 < n && re.charAt(j + 1) == ':') {
                            int end = re.indexOf(":]", j + 2);
                            if (end > 0) {
                                j = end + 1;
                            }
                        } else if (d == ']') {
                            closed = true;
                            break;
                        }
                    }
                    if (!closed) {
                        throw invalid(re, "missing terminating ] for character class", n);
                    }
                    i = j;
                }
                case '(' -> depth++;
                case ')' -> {
                    if (depth == 0) {
                        throw invalid(re, "unmatched closing parenthesis", i);
                    }
                    depth--;
                }
                case '*', '+' -> {
                    if (i == 0 || re.charAt(i - 1) == '|' || re.charAt(i - 1) == '(') {
                        throw invalid(re, "quantifier does not follow a repeatable item", i);
                    }
                }
                case '?' -> {
                    if (i == 0 || re.charAt(i - 1) == '|') {
                        throw invalid(re, "quantifier does not follow a repeatable item", i);
                    }
                }
                default -> {
                }
            }
        }
        if (depth > 0) {
            throw invalid(re, "missing closing parenthesis", n);
        }
    }

    private static ExprError invalid(String re, String error, int offset) {
        return new ExprError("regex '" + re + "' is invalid (error=" + error + ", erroffset=" + offset + ")");
    }
}
