package org.jhaproxy.runtime.sample;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * The cookies of the "Cookie" (request) or "Set-Cookie" (response) headers as haproxy's
 * http_extract_cookie_value() finds them in each comma-separated header value: "name=value"
 * pairs separated by ';' (and ',' when {@code list}, the rule's direction being the request),
 * blanks around names and values ignored, quoted values kept whole, "$" attributes and pairs
 * without '=' skipped; without {@code list} only the first pair of a value is a cookie.
 */
final class Cookies {
    private Cookies() {
    }

    /** Every matching value in header order ({@code name} empty: any name). */
    static List<String> values(HttpHeaders h, String header, String name, boolean list) {
        List<String> out = new ArrayList<>(2);
        if (h == null) {
            return out;
        }
        for (String v : HeaderValues.of(h, header, false)) {
            if (v.length() < name.length() + 1) {
                continue;
            }
            int from = 0;
            int[] found;
            while ((found = extract(v, from, name, list)) != null) {
                out.add(v.substring(found[0], found[1]));
                from = found[2];
            }
        }
        return out;
    }

    /**
     * The first value from {@code from} on: its start, its end, and where to look next; null
     * when there is none.
     */
    private static int[] extract(String s, int from, String name, boolean list) {
        int end = s.length();
        for (int att = from; att + name.length() + 1 < end; ) {
            while (att < end && blank(s.charAt(att))) {
                att++;
            }
            int equal = att;
            int attEnd = att;
            while (equal < end) {
                char ch = s.charAt(equal);
                if (ch == '=' || ch == ';' || (list && ch == ',')) {
                    break;
                }
                equal++;
                if (!blank(ch)) {
                    attEnd = equal;
                }
            }
            int valBeg;
            int valEnd;
            int next;
            if (equal < end && s.charAt(equal) == '=') {
                valBeg = equal + 1;
                while (valBeg < end && blank(s.charAt(valBeg))) {
                    valBeg++;
                }
                next = valueEnd(s, valBeg);
                valEnd = next;
                while (valEnd > valBeg && blank(s.charAt(valEnd - 1))) {
                    valEnd--;
                }
            } else {
                valBeg = equal;
                valEnd = equal;
                next = equal;
            }
            boolean dollar = att < end && s.charAt(att) == '$';
            if (!dollar && equal != next
                    && (name.isEmpty() || (attEnd - att == name.length() && s.startsWith(name, att)))) {
                return new int[] {valBeg, valEnd, next + 1};
            }
            if (!dollar && equal != next && !list) {
                return null;
            }
            att = next + 1;
        }
        return null;
    }

    /** http_find_cookie_value_end(): the first ',' or ';' outside double quotes. */
    private static int valueEnd(String s, int from) {
        boolean quoted = false;
        boolean pair = false;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (pair) {
                pair = false;
            } else if (quoted) {
                if (ch == '\\') {
                    pair = true;
                } else if (ch == '"') {
                    quoted = false;
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',' || ch == ';') {
                return i;
            }
        }
        return s.length();
    }

    private static boolean blank(char ch) {
        return ch == ' ' || ch == '\t';
    }
}
