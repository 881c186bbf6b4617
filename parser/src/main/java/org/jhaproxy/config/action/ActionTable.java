package org.jhaproxy.config.action;

import java.util.List;
import org.jhaproxy.config.keyword.DidYouMean;

/** The actions of one rule set, in HAProxy's registration order (which its messages list). */
public final class ActionTable {
    private final List<ActionKeyword> keywords;

    public ActionTable(List<ActionKeyword> keywords) {
        this.keywords = List.copyOf(keywords);
    }

    public ActionKeyword find(String word) {
        for (ActionKeyword k : keywords) {
            if (k.matches(word)) {
                return k;
            }
        }
        return null;
    }

    /** "'a', 'b', 'c(*)'" as action_build_list() prints it. */
    public String listed() {
        StringBuilder sb = new StringBuilder();
        for (ActionKeyword k : keywords) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k.listed());
        }
        return sb.toString();
    }

    /**
     * action_suggest(): the closest action name, then the extra words; prefix keywords are
     * allowed to be a bit further away.
     */
    public String suggest(String word, List<String> extra) {
        if (word.isEmpty()) {
            return null;
        }
        int[] sig = DidYouMean.fingerprint(word);
        String best = null;
        boolean bestPrefix = false;
        int bestDist = Integer.MAX_VALUE;
        for (ActionKeyword k : keywords) {
            int d = DidYouMean.distance(sig, DidYouMean.fingerprint(k.name()));
            if (d < bestDist) {
                bestDist = d;
                best = k.name();
                bestPrefix = k.prefix();
            }
        }
        for (String e : extra) {
            int d = DidYouMean.distance(sig, DidYouMean.fingerprint(e));
            if (d < bestDist) {
                bestDist = d;
                best = e;
                bestPrefix = false;
            }
        }
        int f = 2 + (bestPrefix ? 1 : 0);
        if (best != null && (bestDist > f * word.length() || bestDist > f * best.length())) {
            return null;
        }
        return best;
    }
}
