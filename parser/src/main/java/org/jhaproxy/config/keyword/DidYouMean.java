package org.jhaproxy.config.keyword;

/**
 * HAProxy's "did you mean ... maybe ?" suggestion: each word is reduced to a fingerprint of its
 * character transitions (letters 1..26, digit 27, other/begin/end 28) and the closest candidate wins, unless
 * it is more than twice as far as either word is long (tools.c make_word_fingerprint() and
 * cfg_find_best_match()). Candidates are tried in order; the first of equals wins.
 */
public final class DidYouMean {
    private DidYouMean() {
    }

    public static int[] fingerprint(String word) {
        int[] fp = new int[1024];
        int from = 28; // begin
        for (int i = 0; i < word.length(); i++) {
            int to = charClass(word.charAt(i));
            fp[to] = 1;
            fp[32 * from + to]++;
            from = to;
        }
        fp[32 * from + 28]++; // end
        return fp;
    }

    private static int charClass(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 1;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 1;
        }
        if (c >= '0' && c <= '9') {
            return 27;
        }
        return 28;
    }

    public static int distance(int[] a, int[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Math.abs(a[i] - b[i]);
        }
        return d;
    }

    /** The best candidate for {@code word}, or null when none is close enough. */
    public static String bestMatch(String word, Iterable<String> candidates) {
        int[] sig = fingerprint(word);
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(sig, fingerprint(c));
            if (d < bestDist) {
                bestDist = d;
                best = c;
            }
        }
        if (best == null || bestDist > 2 * word.length() || bestDist > 2 * best.length()) {
            return null;
        }
        return best;
    }
}
