package org.jhaproxy.config.acl;

import org.jhaproxy.config.sample.ExprError;

/**
 * The "major.minor" version patterns of req.ssl_ver (configuration.txt 7.3.5, pattern.c's
 * pat_parse_dotted_ver()): a version is the integer major &lt;&lt; 16 | minor, both below 65536, the
 * minor 0 when absent; a pattern is one version or a range "v1:v2" / "v1-v2" with either end open.
 */
public final class DottedVersions {
    private DottedVersions() {
    }

    /** strl2llrc_dotted(): the version's value, or null when the text is not one. */
    public static Long value(String text) {
        int dot = text.indexOf('.');
        Long major = number(dot < 0 ? text : text.substring(0, dot));
        if (major == null || major >= 65536) {
            return null;
        }
        long minor = 0;
        if (dot >= 0) {
            Long m = number(text.substring(dot + 1));
            if (m == null || m >= 65536) {
                return null;
            }
            minor = m;
        }
        return (major << 16) | (minor & 0xffff);
    }

    /** The pattern as the {min, max} range it matches, either end open; the reason haproxy gives otherwise. */
    public static long[] range(String text) throws ExprError {
        int sep = 0;
        while (sep < text.length() && text.charAt(sep) != ':' && text.charAt(sep) != '-') {
            sep++;
        }
        String invalid = "'" + text + "' is not a valid dotted number range";
        if (sep == text.length() && sep > 0) {
            Long v = value(text);
            if (v == null) {
                throw new ExprError("'" + text + "' is not a dotted number");
            }
            return new long[] {v, v};
        }
        String lo = text.substring(0, Math.min(sep, text.length()));
        String hi = sep < text.length() ? text.substring(sep + 1) : "";
        if (sep == 0 && !hi.isEmpty()) {
            return new long[] {Long.MIN_VALUE, required(hi, invalid)};
        }
        if (sep == text.length() - 1) {
            return new long[] {required(lo, invalid), Long.MAX_VALUE};
        }
        long min = required(lo, invalid);
        long max = required(hi, invalid);
        if (min > max) {
            throw new ExprError(invalid);
        }
        return new long[] {min, max};
    }

    /**
     * parse_acl_expr()'s compatibility layer: "lt 3" or "gt 3.1" after an operator becomes the
     * range text haproxy stores (":2.65535", "3.2:"), the version one below or above for lt and gt.
     */
    static String asRange(String operator, String p) throws ExprError {
        int dot = p.indexOf('.');
        long minor = 0;
        if (dot >= 0) {
            Long m = number(p.substring(dot + 1));
            if (m == null) {
                throw new ExprError("'" + p + "' is neither a number nor a supported operator");
            }
            if (m >= 65536) {
                throw new ExprError("'" + p + "' contains too large a minor value");
            }
            minor = m;
        }
        Long major = number(dot < 0 ? p : p.substring(0, dot));
        if (major == null) {
            throw new ExprError("'" + p + "' is neither a number nor a supported operator");
        }
        if (major >= 65536) {
            throw new ExprError("'" + p + "' contains too large a major value");
        }
        long v = (major << 16) | (minor & 0xffff);
        return switch (operator) {
            case "gt" -> text(v + 1) + ":";
            case "ge" -> text(v) + ":";
            case "lt" -> ":" + text(v - 1);
            case "le" -> ":" + text(v);
            default -> p;
        };
    }

    private static String text(long v) {
        return (v >> 16) + "." + (v & 0xffff);
    }

    private static long required(String s, String invalid) throws ExprError {
        Long v = value(s);
        if (v == null) {
            throw new ExprError(invalid);
        }
        return v;
    }

    /** strl2llrc(): an optional '-' then decimal digits, nothing else. */
    private static Long number(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        if (s.length() == i || s.length() - i > 18) {
            return null;
        }
        for (int k = i; k < s.length(); k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return null;
            }
        }
        return Long.parseLong(s);
    }
}
