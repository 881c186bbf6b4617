package org.jhaproxy.runtime.comp;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * select_compression_request_header(): the algorithm a request's Accept-Encoding values
 * choose among those configured. Each value is a token with optional parameters; the first
 * "q=" parameter weighs it (haproxy's three-decimal reading, 1 without one), and the first
 * value of the highest weight that names a configured coding, or "*", wins. A value weighing
 * no more than the best so far is skipped, so among equal weights the client's order decides,
 * and for "*" the configuration's first algorithm.
 */
final class AcceptEncoding {
    private AcceptEncoding() {
    }

    static CompAlgo choose(HttpHeaders headers, List<CompAlgo> algos) {
        CompAlgo chosen = null;
        int best = 0;
        for (String header : headers.getAll("accept-encoding")) {
            for (String raw : header.split(",", -1)) {
                String value = trim(raw);
                if (value.isEmpty()) {
                    continue;
                }
                int tokenEnd = 0;
                while (tokenEnd < value.length() && isToken(value.charAt(tokenEnd))) {
                    tokenEnd++;
                }
                int q = weight(value, tokenEnd);
                if (q <= best) {
                    continue;
                }
                for (CompAlgo a : algos) {
                    if (value.charAt(0) == '*' || wordMatch(value, tokenEnd, a.coding())) {
                        chosen = a;
                        best = q;
                        break;
                    }
                }
            }
        }
        return chosen;
    }

    /** The first "q=" parameter after the token, read as http_parse_qvalue() does; 1000 without one. */
    private static int weight(String v, int from) {
        int i = from;
        while (true) {
            while (i < v.length() && lws(v.charAt(i))) {
                i++;
            }
            if (i >= v.length() || v.charAt(i) != ';') {
                return 1000;
            }
            i++;
            while (i < v.length() && lws(v.charAt(i))) {
                i++;
            }
            if (i >= v.length()) {
                return 1000;
            }
            // strncmp() on what is left, at most two characters: a lone "q" matches too
            String rest = v.substring(i, Math.min(v.length(), i + 2));
            if ("q=".startsWith(rest)) {
                return qvalue(v, i + 2);
            }
            while (i < v.length() && v.charAt(i) != ';') {
                i++;
            }
        }
    }

    /** http_parse_qvalue(): a digit, then up to three decimals after a dot; 1000 when none, at most 1000. */
    private static int qvalue(String v, int i) {
        if (!digit(v, i)) {
            return 1000;
        }
        int q = (v.charAt(i++) - '0') * 1000;
        if (i < v.length() && v.charAt(i++) == '.') {
            for (int scale = 100; scale >= 1 && digit(v, i); scale /= 10) {
                q += (v.charAt(i++) - '0') * scale;
            }
        }
        return Math.min(q, 1000);
    }

    private static boolean digit(String v, int i) {
        return i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9';
    }

    /** word_match(): the word, letters compared without case, then only blanks up to the token's end. */
    private static boolean wordMatch(String v, int len, String word) {
        if (len < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            int x = v.charAt(i) ^ word.charAt(i);
            if (x != 0 && x != ('A' ^ 'a')) {
                return false;
            }
        }
        for (int i = word.length(); i < len; i++) {
            if (v.charAt(i) != ' ' && v.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String trim(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
            b++;
        }
        while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
            e--;
        }
        return s.substring(b, e);
    }

    private static boolean lws(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** HTTP_IS_TOKEN: the tchar set of RFC 7230. */
    private static boolean isToken(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c < 128 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
