package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jhaproxy.config.source.KeywordModifier;
import org.jhaproxy.config.source.Line;

/**
 * The validated lines of a proxy section, after those it inherited from its defaults section,
 * in order. Single-valued settings that the parser only validates (retries, maxconn,
 * http-reuse, option arguments...) are read from here when the model is frozen: the last line
 * with a keyword wins, exactly as HAProxy overwrites a field each time it parses one.
 */
public final class ProxyLines {
    private final List<Line> lines = new ArrayList<>();

    void inherit(ProxyLines from) {
        lines.addAll(from.lines);
    }

    public void add(Line line) {
        lines.add(line);
    }

    public List<Line> all() {
        return Collections.unmodifiableList(lines);
    }

    /** The last line whose first word is {@code keyword} (and, if given, second word {@code sub}). */
    public Line last(String keyword, String sub) {
        return last(lines, keyword, sub);
    }

    /** The last of {@code lines} starting with {@code keyword} [{@code sub}]: HAProxy's last-line-wins. */
    static Line last(List<Line> lines, String keyword, String sub) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line l = lines.get(i);
            if (l.keyword().equals(keyword) && (sub == null || l.arg(1).equals(sub))) {
                return l;
            }
        }
        return null;
    }

    public Line last(String keyword) {
        return last(keyword, null);
    }

    /** "option NAME" as last set: true, false after "no option NAME", null when never written. */
    public Boolean option(String name) {
        Line l = last("option", name);
        return l == null ? null : l.modifier() != KeywordModifier.NO;
    }
}
