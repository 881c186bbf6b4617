package org.jhaproxy.runtime.acl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jhaproxy.config.acl.MatchMethod;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.runtime.sample.NotSupported;

/**
 * Every pattern reference of a running configuration (pattern.c's pattern_reference list):
 * one per pattern or map file, however many ACLs and maps load it, and one per ACL
 * expression for its inline patterns. Ids ("#0" in "show acl") are numbered in the order
 * haproxy parses the configuration, which may differ from the order rules are compiled in;
 * hence every reference remembers where it was first met ({@link Origin}).
 */
public final class PatternReferences {
    /**
     * Where a reference or an expression was met: configuration order ({@code deferred} ones,
     * parsed by haproxy only once every section is read, such as a dynamic use_backend, come
     * last), then the order of compilation within a line.
     */
    public record Origin(int deferred, int fileRank, String file, int line, int seq) implements Comparable<Origin> {
        private static final Comparator<Origin> ORDER = Comparator.comparingInt(Origin::deferred)
                .thenComparingInt(Origin::fileRank).thenComparingInt(Origin::line).thenComparingInt(Origin::seq);

        @Override
        public int compareTo(Origin o) {
            return ORDER.compare(this, o);
        }
    }

    record Usage(int kind, Origin at) {
    }

    private final List<PatternReference> all = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private int seq;
    private long address = 0x55d0c0a01000L;
    private volatile List<PatternReference> numbered = List.of();

    /** An origin for something compiled now at {@code at} (null: after the whole configuration). */
    synchronized Origin origin(Position at, boolean deferred) {
        if (at == null) {
            return new Origin(2, 0, "", 0, seq++);
        }
        int rank = files.indexOf(at.file());
        if (rank < 0) {
            files.add(at.file());
            rank = files.size() - 1;
        }
        return new Origin(deferred ? 1 : 0, rank, at.file(), at.line(), seq++);
    }

    synchronized long nextAddress() {
        address += 0x50;
        return address;
    }

    /**
     * pattern_read_from_file(): the reference of that file, read on first use; a file read as
     * "key value" lines (a map) cannot also be read as one pattern per line, and the reverse.
     */
    synchronized PatternReference file(String name, Path path, boolean samples, int kind, Origin at) throws NotSupported {
        for (PatternReference r : all) {
            if (name.equals(r.reference())) {
                if (r.hasSamples() != samples) {
                    throw new NotSupported("The file \"" + name + "\" is already used as "
                            + (r.hasSamples() ? "two" : "one") + " column file and cannot be used by as "
                            + (samples ? "two" : "one") + " column file.");
                }
                r.used(kind, at);
                return r;
            }
        }
        PatternReference r = new PatternReference(this, name, null, samples);
        r.used(kind, at);
        for (String[] kv : read(name, path, samples)) {
            r.add(0, kv[0], kv[1]);
        }
        all.add(r);
        return r;
    }

    /** pat_ref_newid(): the reference holding one ACL expression's inline patterns. */
    synchronized PatternReference inline(String keyword, Origin at) {
        PatternReference r = new PatternReference(this, null, keyword, false);
        r.used(PatternReference.ACL, at);
        all.add(r);
        return r;
    }

    /**
     * pattern_finalize_config(): numbers the references in configuration order. haproxy's
     * internal "httpclient" proxy adds two ACLs of its own at the end, which the lists show.
     */
    public synchronized void finish() {
        for (int i = 0; i < 2; i++) {
            PatternReference hc = inline("var", new Origin(3, 0, "httpclient", 0, seq++));
            try {
                hc.expression(MatchMethod.IP, false, PatternExpression.Output.NONE, hc.origin);
                hc.add(0, "0.0.0.0", null);
            } catch (NotSupported e) {
                throw new IllegalStateException(e);
            }
        }
        List<PatternReference> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(r -> r.origin));
        for (int i = 0; i < sorted.size(); i++) {
            sorted.get(i).uniqueId = i;
        }
        numbered = List.copyOf(sorted);
    }

    /** Every reference, by id. */
    public List<PatternReference> all() {
        return numbered;
    }

    /** pat_ref_lookup_ref(): "#id" (strtol, the whole word) or a file name; null when unknown. */
    public PatternReference lookup(String ref) {
        if (ref.startsWith("#")) {
            Long id = wholeNumber(ref.substring(1));
            for (PatternReference r : numbered) {
                if (id != null && r.uniqueId() == id) {
                    return r;
                }
            }
            return null;
        }
        for (PatternReference r : numbered) {
            if (ref.equals(r.reference())) {
                return r;
            }
        }
        return null;
    }

    /**
     * pat_ref_read_from_file(_smp)(): leading blanks skipped, empty and '#' lines ignored; a
     * pattern is the rest of the line, a map entry its first word then the rest without the
     * blanks around it.
     */
    private static List<String[]> read(String name, Path path, boolean samples) throws NotSupported {
        List<String[]> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new NotSupported("failed to open pattern file <" + name + ">.");
        }
        for (String line : lines) {
            String t = stripBlanks(line);
            if (t.isEmpty() || t.charAt(0) == '#') {
                continue;
            }
            if (!samples) {
                out.add(new String[] {t, null});
                continue;
            }
            int sp = 0;
            while (sp < t.length() && t.charAt(sp) != ' ' && t.charAt(sp) != '\t') {
                sp++;
            }
            out.add(new String[] {t.substring(0, sp), stripBlanks(t.substring(sp))});
        }
        return out;
    }

    /** strtol() of the whole word, null when something follows the number ("#" alone reads 0). */
    private static Long wholeNumber(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits) {
            return s.isEmpty() ? 0L : null;
        }
        if (i != s.length()) {
            return null;
        }
        try {
            return Long.parseLong(s.substring(start, i).replace("+", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String stripBlanks(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && " \t\r".indexOf(s.charAt(to - 1)) >= 0) {
            to--;
        }
        return s.substring(from, to);
    }

}
