package org.jhaproxy.config.keyword;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keywords of one context (a section, the options of "bind" or "server"...), in registration
 * order, which is also the order "did you mean" tries them in.
 */
public final class KeywordTable<T> {
    private final String context;
    private final Map<String, Keyword<T>> byName = new LinkedHashMap<>();

    public KeywordTable(String context) {
        this.context = context;
    }

    public String context() {
        return context;
    }

    public KeywordTable<T> add(String name, String usage, KeywordHandler<T> handler) {
        return add(new Keyword<>(name, handler, usage, false));
    }

    public KeywordTable<T> add(Keyword<T> kw) {
        if (byName.putIfAbsent(kw.name(), kw) != null) {
            throw new IllegalStateException("keyword '" + kw.name() + "' registered twice in " + context);
        }
        return this;
    }

    public Keyword<T> find(String name) {
        return byName.get(name);
    }

    public Collection<Keyword<T>> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public String bestMatch(String word) {
        return DidYouMean.bestMatch(word, byName.keySet());
    }
}
