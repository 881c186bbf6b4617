package org.jhaproxy.runtime.acl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jhaproxy.config.acl.MatchMethod;
import org.jhaproxy.runtime.sample.NotSupported;

/**
 * A pattern reference (pattern.c's pat_ref): the entries of one pattern or map file, shared by
 * every ACL and map converter loading that file, or the inline patterns of one ACL. The stats
 * socket's map and ACL commands change it; each change republishes the index of every
 * {@link PatternExpression} using it, so the next request sees the new entries.
 *
 * <p>Entries carry a generation: only those of the current one match ("prepare map" opens a
 * new one, "commit map" makes it current and drops the older ones). Changes are made under
 * this object's lock by the CLI; lookups read the published indexes without locking.
 */
public final class PatternReference {
    static final int ACL = 1;
    static final int MAP = 2;

    private final String reference;
    private final String keyword;
    private final boolean hasSamples;
    private final PatternReferences owner;
    private final List<PatternReferences.Usage> usages = new ArrayList<>();
    private final List<PatternExpression> expressions = new CopyOnWriteArrayList<>();
    private List<PatternElement> elements = new ArrayList<>();
    private int flags;
    int uniqueId = -1;
    PatternReferences.Origin origin;
    private int currGen;
    private int nextGen;
    private long entryCount;

    PatternReference(PatternReferences owner, String reference, String keyword, boolean hasSamples) {
        this.owner = owner;
        this.reference = reference;
        this.keyword = keyword;
        this.hasSamples = hasSamples;
    }

    /** The file name, or null for an ACL's inline patterns. */
    public String reference() {
        return reference;
    }

    public int uniqueId() {
        return uniqueId;
    }

    public boolean isMap() {
        return (flags & MAP) != 0;
    }

    public boolean isAcl() {
        return (flags & ACL) != 0;
    }

    /** PAT_REF_SMP: loaded as "key value" lines; an "add acl" may not add to it. */
    public boolean hasSamples() {
        return hasSamples;
    }

    synchronized void used(int kind, PatternReferences.Origin at) {
        flags |= kind;
        usages.add(new PatternReferences.Usage(kind, at));
        if (origin == null || at.compareTo(origin) < 0) {
            origin = at;
        }
    }

    /** The description "show map" prints: where the file is used, in configuration order. */
    public synchronized String display() {
        List<PatternReferences.Usage> u = new ArrayList<>(usages);
        u.sort(Comparator.comparing(PatternReferences.Usage::at));
        if (reference == null) {
            PatternReferences.Origin at = u.get(0).at();
            return "acl '" + keyword + "' file '" + at.file() + "' line " + at.line();
        }
        StringBuilder b = new StringBuilder("pattern loaded from file '").append(reference).append("' used by ");
        for (int i = 0; i < u.size(); i++) {
            PatternReferences.Usage x = u.get(i);
            b.append(i == 0 ? "" : ", by ").append((x.kind() & MAP) != 0 ? "map" : "acl")
                    .append(" at file '").append(x.at().file()).append("' line ").append(x.at().line());
        }
        return b.toString();
    }

    public synchronized int currGen() {
        return currGen;
    }

    public synchronized int nextGen() {
        return nextGen;
    }

    /** entry_cnt: every entry counted once per expression indexing it, as haproxy counts. */
    public synchronized long entryCount() {
        return entryCount;
    }

    /** The expressions in the order they were configured (one "get map" line each). */
    public List<PatternExpression> expressions() {
        List<PatternExpression> out = new ArrayList<>(expressions);
        out.sort(Comparator.comparing(e -> e.origin));
        return out;
    }

    /** The expression matching this reference in this way, made (and filled) on first use. */
    synchronized PatternExpression expression(MatchMethod m, boolean icase, PatternExpression.Output out,
                                              PatternReferences.Origin at) throws NotSupported {
        return expression(m, icase, out, false, at);
    }

    /** The same, {@code dotted} for req.ssl_ver's "major.minor" patterns. */
    synchronized PatternExpression expression(MatchMethod m, boolean icase, PatternExpression.Output out, boolean dotted,
                                              PatternReferences.Origin at) throws NotSupported {
        for (PatternExpression e : expressions) {
            if (e.sameAs(m, icase, out, dotted)) {
                return e;
            }
        }
        PatternExpression e = new PatternExpression(m, icase, out, dotted, at);
        for (PatternElement el : elements) {
            e.check(el.pattern(), el.sample());
        }
        e.publish(PatternIndex.visible(elements, currGen));
        expressions.add(e);
        entryCount += elements.size();
        return e;
    }

    /** The entries of generation {@code gen}, in load order. */
    public synchronized List<PatternElement> elements(int gen) {
        return PatternIndex.visible(elements, gen);
    }

    /** pat_ref_load(): appends an entry to generation {@code gen}, refused when an expression cannot parse it. */
    public synchronized void add(int gen, String pattern, String sample) throws NotSupported {
        int indexed = 0;
        for (PatternExpression e : expressions()) {
            try {
                e.check(pattern, sample);
            } catch (NotSupported refused) {
                // haproxy indexed it in the expressions before, then deletes it, counting one entry less
                entryCount += indexed - 1;
                throw refused;
            }
            indexed++;
        }
        List<PatternElement> next = new ArrayList<>(elements);
        next.add(new PatternElement(owner.nextAddress(), pattern, sample, gen));
        entryCount += expressions.size();
        publish(next);
    }

    /** pat_ref_delete(): every entry of that key; false when there is none. */
    public synchronized boolean delete(String key) {
        return remove(e -> e.pattern().equals(key));
    }

    /** pat_ref_delete_by_id(): the entry printed with that address. */
    public synchronized boolean delete(long id) {
        return remove(e -> e.id() == id);
    }

    private boolean remove(Predicate<PatternElement> which) {
        List<PatternElement> next = new ArrayList<>(elements);
        int before = next.size();
        next.removeIf(which);
        if (next.size() == before) {
            return false;
        }
        entryCount -= before - next.size();
        publishChecked(next);
        return true;
    }

    /**
     * pat_ref_set(): the value of every entry of that key (or of the entry with that address
     * when {@code id} is not null); null when done, else haproxy's reason.
     */
    public synchronized String set(String key, Long id, String value) {
        List<PatternElement> next = new ArrayList<>(elements);
        boolean found = false;
        for (int i = 0; i < next.size(); i++) {
            PatternElement e = next.get(i);
            if (id != null ? e.id() == id : e.pattern().equals(key)) {
                for (PatternExpression x : expressions) {
                    if (!PatternExpression.parsesAs(x.output(), value)) {
                        return "unable to parse '" + value + "'";
                    }
                }
                next.set(i, e.withSample(value));
                found = true;
                if (id != null) {
                    break;
                }
            }
        }
        if (!found) {
            return id != null ? "key or pattern not found" : "entry not found";
        }
        publishChecked(next);
        return null;
    }

    /** Removes every entry of generation {@code gen} ("clear map"). */
    public synchronized void clear(int gen) {
        remove(e -> e.gen() == gen);
    }

    /** pat_ref_newgen(): "prepare map". */
    public synchronized int newGen() {
        return ++nextGen;
    }

    /**
     * "commit map @gen": refused (false) unless {@code gen} lies between the current version
     * (excluded) and the last prepared one; then it becomes current and older ones are dropped.
     */
    public synchronized boolean commit(int gen) {
        if (Integer.compareUnsigned(gen - (currGen + 1), nextGen - currGen) >= 0) {
            return false;
        }
        currGen = gen;
        List<PatternElement> next = new ArrayList<>(elements);
        int before = next.size();
        next.removeIf(e -> e.gen() - gen < 0);
        entryCount -= before - next.size();
        publishChecked(next);
        return true;
    }

    private void publishChecked(List<PatternElement> next) {
        try {
            publish(next);
        } catch (NotSupported e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(List<PatternElement> next) throws NotSupported {
        List<PatternElement> visible = PatternIndex.visible(next, currGen);
        for (PatternExpression e : expressions) {
            e.publish(visible);
        }
        elements = next;
    }
}
