package org.jhaproxy.runtime.acl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.acl.AclExpr;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;

/** Compiles an ACL expression's patterns (inline and "-f" files, read once at start-up) for its method. */
final class Patterns {
    private Patterns() {
    }

    static PatternMatcher compile(AclExpr e, CompileScope scope) throws NotSupported {
        List<String> all = new ArrayList<>(e.patterns());
        for (String f : e.patternFiles()) {
            all.addAll(readFile(f, scope));
        }
        boolean icase = e.ignoreCase();
        return switch (e.method()) {
            case FOUND -> s -> true;
            case BOOL -> s -> s.asBool();
            case INT -> NumberPatterns.integer(all);
            case LEN -> NumberPatterns.length(all);
            case IP -> IpPatterns.of(all);
            case STR -> StringPatterns.str(all, icase);
            case BEG -> StringPatterns.beg(all, icase);
            case END -> StringPatterns.end(all, icase);
            case SUB -> StringPatterns.sub(all, icase);
            case DIR -> StringPatterns.dir(all, icase);
            case DOM -> StringPatterns.dom(all, icase);
            case REG -> StringPatterns.reg(all, icase);
            default -> throw new NotSupported("ACL match method '" + e.method().keyword() + "' is not supported by jhaproxy yet.");
        };
    }

    /**
     * pat_ref_read_from_file(): one pattern per line, leading and trailing blanks removed,
     * empty lines and lines starting with '#' ignored.
     */
    static List<String> readFile(String name, CompileScope scope) throws NotSupported {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(scope.file(name), StandardCharsets.ISO_8859_1)) {
                String t = line.strip();
                if (!t.isEmpty() && t.charAt(0) != '#') {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new NotSupported("failed to open pattern file <" + name + ">.");
        }
        return out;
    }
}
