package org.jhaproxy.runtime.sample;

/**
 * language(value[,default]) (configuration.txt 7.3.1): of the ';'-separated languages
 * configured, the one the Accept-Language header prefers (highest q-value, the first one on a
 * tie), else the default; no value when neither exists. A header range matches a configured tag
 * when equal or when the tag is a prefix followed by '-' in the range ("en-US" matches "en"),
 * case-sensitively, as haproxy compares them.
 */
final class AcceptLanguage {
    private AcceptLanguage() {
    }

    static String preferred(String header, String languages, String dflt) {
        String best = null;
        int bestQ = 0;
        int al = 0;
        int end = header.length();
        String[] tags = languages.split(";", -1);
        while (true) {
            while (al < end && space(header.charAt(al))) {
                al++;
            }
            if (al >= end) {
                break;
            }
            int token = al;
            while (al < end && header.charAt(al) != ';' && header.charAt(al) != ',' && !space(header.charAt(al))) {
                al++;
            }
            String match = null;
            if (al > token) {
                String range = header.substring(token, al);
                for (String tag : tags) {
                    if (rangeMatches(range, tag)) {
                        match = tag;
                        break;
                    }
                }
            }
            if (match != null) {
                int[] pos = {al};
                int q = qvalue(header, pos);
                al = pos[0];
                if (q >= 0 && q > bestQ) {
                    best = match;
                    if (q >= 1000) {
                        break;
                    }
                    bestQ = q;
                }
            }
            while (al < end && header.charAt(al) != ',') {
                al++;
            }
            if (al >= end) {
                break;
            }
            al++;
        }
        if ((best == null || best.isEmpty()) && dflt != null) {
            best = dflt;
        }
        return best == null || best.isEmpty() ? null : best;
    }

    /**
     * After a matching range: ";q=N.NNN" as http_parse_qvalue() reads it, 1000 when absent; -1
     * when something else than ',' or ';' follows the range (it is then ignored).
     */
    private static int qvalue(String h, int[] pos) {
        int al = pos[0];
        int end = h.length();
        int q = 1000;
        al = skip(h, al);
        if (al < end && h.charAt(al) != ';' && h.charAt(al) != ',') {
            pos[0] = al;
            return -1;
        }
        if (al < end && h.charAt(al) == ';') {
            al = skip(h, al + 1);
            if (al < end && h.charAt(al) == 'q') {
                al = skip(h, al + 1);
                if (al < end && h.charAt(al) == '=') {
                    al = skip(h, al + 1);
                    if (al < end) {
                        // http_parse_qvalue(): the character after the first digit is consumed
                        // whether or not it is the '.'
                        if (digit(h, al)) {
                            q = (h.charAt(al++) - '0') * 1000;
                            boolean dot = al < end && h.charAt(al) == '.';
                            al++;
                            for (int w = 100; dot && w >= 1 && digit(h, al); w /= 10) {
                                q += (h.charAt(al++) - '0') * w;
                            }
                        }
                        q = Math.min(q, 1000);
                    }
                }
            }
        }
        pos[0] = Math.min(al, end);
        return q;
    }

    private static int skip(String h, int al) {
        while (al < h.length() && space(h.charAt(al))) {
            al++;
        }
        return al;
    }

    private static boolean digit(String h, int i) {
        return i < h.length() && h.charAt(i) >= '0' && h.charAt(i) <= '9';
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }

    /** http_language_range_match(). */
    static boolean rangeMatches(String range, String tag) {
        int t = 0;
        for (int r = 0; r < range.length(); r++, t++) {
            if (range.charAt(r) == '-' && t == tag.length()) {
                return true;
            }
            if (t == tag.length() || range.charAt(r) != tag.charAt(t)) {
                return false;
            }
        }
        return t == tag.length();
    }
}
