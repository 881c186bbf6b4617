package org.jhaproxy.runtime.sample;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The values of a header as haproxy's http_find_header() sees them: each line of that name
 * (case-insensitive), and unless "full", each comma-separated value of a line (commas inside
 * double quotes do not split), trimmed of spaces and tabs.
 */
public final class HeaderValues {
    private HeaderValues() {
    }

    public static List<String> of(HttpHeaders headers, String name, boolean full) {
        List<String> out = new ArrayList<>(2);
        if (headers == null) {
            return out;
        }
        for (Map.Entry<String, String> h : headers) {
            if (name != null && !h.getKey().equalsIgnoreCase(name)) {
                continue;
            }
            String v = h.getValue();
            if (full) {
                out.add(trim(v, 0, v.length()));
                continue;
            }
            split(v, out);
        }
        return out;
    }

    /** The comma-separated parts of one header line as they are, blanks included (for replace-value). */
    public static List<String> rawValues(String v) {
        List<String> out = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(v.substring(start, i));
                start = i + 1;
            }
        }
        out.add(v.substring(start));
        return out;
    }

    static void split(String v, List<String> out) {
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '\\' && quoted && i + 1 < v.length()) {
                i++;
            } else if (ch == ',' && !quoted) {
                out.add(trim(v, start, i));
                start = i + 1;
            }
        }
        out.add(trim(v, start, v.length()));
    }

    private static String trim(String v, int from, int to) {
        while (from < to && (v.charAt(from) == ' ' || v.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (v.charAt(to - 1) == ' ' || v.charAt(to - 1) == '\t')) {
            to--;
        }
        return v.substring(from, to);
    }

    /** The occurrence: 0 = last for a single fetch, n > 0 the n-th, n < 0 the n-th from the end. */
    public static String occurrence(List<String> values, int occ) {
        if (values.isEmpty()) {
            return null;
        }
        int idx = occ == 0 ? values.size() - 1 : occ > 0 ? occ - 1 : values.size() + occ;
        return idx >= 0 && idx < values.size() ? values.get(idx) : null;
    }
}
