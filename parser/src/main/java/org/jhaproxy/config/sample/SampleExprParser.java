package org.jhaproxy.config.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jhaproxy.grammar.SampleExprLexer;
import org.jhaproxy.grammar.TokenCursor;

/**
 * Parses a sample expression the way HAProxy 2.6's sample_parse_expr() does: a fetch name
 * (letters, digits and ".-_+:"), its optional argument list, then converters separated by
 * commas, which may also continue in the following words ("src ,lower" style). In the
 * "inline" form used by log-format strings the expression ends at the first character that
 * cannot continue it and the caller looks at what follows. The pieces come from the
 * SampleExprLexer grammar.
 */
public final class SampleExprParser {
    private final SampleRegistry registry;
    private final Function<String, Path> files;

    /** @param files resolves a file named by a converter (map files) the way the process would open it */
    public SampleExprParser(SampleRegistry registry, Function<String, Path> files) {
        this.registry = registry;
        this.files = files;
    }

    /**
     * Told of every expression parsed, with the keyword naming it in messages and whether it is
     * an ACL's: its backend, table, server and userlist arguments are only resolved once the
     * whole configuration is read (smp_resolve_args()).
     */
    @FunctionalInterface
    public interface Listener {
        void parsed(SampleExpr expr, String keyword, boolean acl);
    }

    private Listener listener;
    private boolean inAcl;

    public void listener(Listener l) {
        this.listener = l;
    }

    private SampleExpr notify(SampleExpr expr, String keyword, boolean acl) {
        if (listener != null) {
            listener.parsed(expr, keyword, acl);
        }
        return expr;
    }

    /** An ACL expression using a sample fetch rather than an ACL keyword (its args are still an ACL's). */
    public Parsed parseForAcl(List<String> words, int idx) throws ExprError {
        inAcl = true;
        try {
            return parse(words, idx, false);
        } finally {
            inAcl = false;
        }
    }

    /** The expression, the index of the first word not consumed, and (inline form) the end offset. */
    public record Parsed(SampleExpr expr, int nextWord, int endOffset) {
    }

    private static TokenCursor pieces(String word) {
        return new TokenCursor(word, SampleExprLexer::new);
    }

    /** Where the fetch or converter keyword starting at {@code from} ends (letters, digits and ".-_+:"). */
    private static int keywordEnd(TokenCursor cur, int from) {
        TokenCursor.Piece p = cur.at(from);
        return p.is(SampleExprLexer.KEYWORD) ? p.end() : from;
    }

    /** Where the run of commas at {@code from} ends; {@code from} if there is none. */
    private static int commasEnd(TokenCursor cur, int from) {
        TokenCursor.Piece p = cur.at(from);
        return p.is(SampleExprLexer.COMMAS) ? p.end() : from;
    }

    /** Word form: the expression starts at words[idx] and may take the next words as converters. */
    public Parsed parse(List<String> words, int idx) throws ExprError {
        return parse(words, idx, false);
    }

    /** Inline form: the expression is at the start of {@code text} and stops where it cannot go on. */
    public Parsed parseInline(String text) throws ExprError {
        return parse(List.of(text), 0, true);
    }

    private Parsed parse(List<String> words, int idx, boolean inline) throws ExprError {
        String str = word(words, idx);
        TokenCursor cur = pieces(str);
        int endw = keywordEnd(cur, 0);
        if (endw == 0) {
            throw new ExprError("missing fetch method");
        }
        String fkw = str.substring(0, endw);
        SampleFetch fetch = registry.fetch(fkw);
        if (fetch == null) {
            throw new ExprError("unknown fetch method '" + fkw + "'");
        }
        ArgListParser.Result fargs;
        try {
            fargs = ArgListParser.parse(cur, endw, fetch.args());
        } catch (ArgListParser.Failure f) {
            throw new ExprError("fetch method '" + fkw + "' : " + f.getMessage());
        }
        String badFetchArgs = validateFetch(fetch, fargs.args());
        if (badFetchArgs != null) {
            throw new ExprError("invalid args in fetch method '" + fkw + "' : " + badFetchArgs);
        }
        int endt = fargs.end();
        SampleType prev = fetch.outType();
        List<ConverterCall> convs = new ArrayList<>();
        String ckw = null;
        while (true) {
            TokenCursor.Piece sep = cur.at(endt);
            if (!sep.isEnd() && !sep.is(SampleExprLexer.COMMAS)) {
                if (inline) {
                    break;
                }
                throw new ExprError(ckw != null ? "missing comma after converter '" + ckw + "'"
                        : "missing comma after fetch keyword '" + fkw + "'");
            }
            endt = commasEnd(cur, endt);
            int begw = endt;
            boolean wordStart = false;
            if (begw >= str.length()) {
                // the next word may hold more converters; the end offset stays in this one
                idx++;
                String next = word(words, idx);
                if (next.isEmpty()) {
                    break;
                }
                str = next;
                cur = pieces(str);
                begw = 0;
                wordStart = true;
            }
            int ew = keywordEnd(cur, begw);
            ckw = str.substring(begw, ew);
            Converter conv = registry.converter(ckw);
            if (conv == null) {
                if (wordStart) {
                    endt = begw;
                    break;
                }
                throw new ExprError("unknown converter '" + ckw + "'");
            }
            if (!prev.castsTo(conv.inType())) {
                throw new ExprError("converter '" + ckw + "' cannot be applied");
            }
            prev = conv.outType();
            ArgListParser.Result cargs;
            try {
                cargs = ArgListParser.parse(cur, ew, conv.args());
            } catch (ArgListParser.Failure f) {
                throw new ExprError("invalid arg " + (f.argPos + 1) + " in converter '" + ckw + "' : " + f.getMessage());
            }
            if (cargs.count() > 0 && !conv.args().acceptsArgs()) {
                throw new ExprError("converter '" + ckw + "' does not support any args");
            }
            String invalid = validateConverter(conv, cargs.args());
            if (invalid != null) {
                throw new ExprError("invalid args in converter '" + ckw + "' : " + invalid);
            }
            convs.add(new ConverterCall(conv, cargs.args()));
            endt = cargs.end();
        }
        SampleExpr expr = notify(new SampleExpr(fetch, fargs.args(), convs), fkw, inAcl);
        if (inline) {
            return new Parsed(expr, idx, endt);
        }
        // the word at idx is the first one not consumed, unless we stopped at the end of one
        return new Parsed(expr, idx, endt);
    }

    /**
     * An ACL keyword used as the fetch of an ACL (parse_acl_expr()): its arguments and the
     * converters glued to it in the same word, with the errors worded for ACL keywords.
     */
    public SampleExpr parseAclKeyword(String str, SampleFetch fetch, String aclName) throws ExprError {
        TokenCursor cursor = pieces(str);
        int endw = keywordEnd(cursor, 0);
        ArgListParser.Result fargs;
        try {
            fargs = ArgListParser.parse(cursor, endw, fetch.args());
        } catch (ArgListParser.Failure f) {
            throw new ExprError("ACL keyword '" + aclName + "' : " + f.getMessage());
        }
        int p = fargs.end();
        SampleType cur = fetch.outType();
        List<ConverterCall> convs = new ArrayList<>();
        String ckw = null;
        while (p < str.length()) {
            if (!cursor.at(p).is(SampleExprLexer.COMMAS)) {
                throw new ExprError(ckw != null
                        ? "ACL keyword '" + aclName + "' : missing comma after converter '" + ckw + "'."
                        : "ACL keyword '" + aclName + "' : missing comma after fetch keyword.");
            }
            p = commasEnd(cursor, p);
            if (p >= str.length()) {
                break;
            }
            int ew = keywordEnd(cursor, p);
            ckw = str.substring(p, ew);
            Converter conv = registry.converter(ckw);
            if (conv == null) {
                throw new ExprError("ACL keyword '" + aclName + "' : unknown converter '" + ckw + "'.");
            }
            if (!cur.castsTo(conv.inType())) {
                throw new ExprError("ACL keyword '" + aclName + "' : converter '" + ckw + "' cannot be applied.");
            }
            cur = conv.outType();
            ArgListParser.Result cargs;
            try {
                cargs = ArgListParser.parse(cursor, ew, conv.args());
            } catch (ArgListParser.Failure f) {
                throw new ExprError("ACL keyword '" + aclName + "' : invalid arg " + (f.argPos + 1) + " in converter '" + ckw + "' : " + f.getMessage() + ".");
            }
            if (cargs.count() > 0 && !conv.args().acceptsArgs()) {
                throw new ExprError("converter '" + ckw + "' does not support any args");
            }
            String invalid = validateConverter(conv, cargs.args());
            if (invalid != null) {
                throw new ExprError("ACL keyword '" + aclName + "' : invalid args in converter '" + ckw + "' : " + invalid + ".");
            }
            convs.add(new ConverterCall(conv, cargs.args()));
            p = cargs.end();
        }
        return notify(new SampleExpr(fetch, fargs.args(), convs), aclName, true);
    }

    private static final java.util.Set<String> OPERATORS = java.util.Set.of("and", "or", "xor", "add", "sub", "mul", "div", "mod");

    private static String word(List<String> words, int i) {
        return i < words.size() ? words.get(i) : "";
    }

    /**
     * The converters whose arguments HAProxy checks while parsing (val_args) in ways that can
     * fail on an otherwise well-formed line: the map_* family loads its file at once.
     */
    /** The fetches whose val_args refuses a well-formed argument: var() checks its variable name. */
    private static String validateFetch(SampleFetch fetch, List<SampleArg> args) {
        if (fetch.name().equals("var") && !args.isEmpty()) {
            return VariableNames.problem(args.get(0).text(), args.get(0).text());
        }
        return null;
    }

    private String validateConverter(Converter conv, List<SampleArg> args) {
        if (OPERATORS.contains(conv.name()) && !args.isEmpty()) {
            // check_operator(): a variable name, else a 64-bit integer
            String a = args.get(0).text();
            if (VariableNames.problem(a, a) != null && !a.matches("[+-]?[0-9]*")) {
                return "expects an integer or a variable name";
            }
        }
        String checked = ConverterChecks.problem(conv.name(), args);
        if (checked != null) {
            return checked;
        }
        if ((conv.name().equals("set-var") || conv.name().equals("unset-var")) && !args.isEmpty()) {
            String problem = VariableNames.problem(args.get(0).text(), args.get(0).text());
            if (problem != null) {
                return problem;
            }
        }
        if (conv.name().startsWith("map") && !args.isEmpty()) {
            String file = args.get(0).text();
            Path p = files.apply(file);
            if (p == null || !Files.isRegularFile(p) || !Files.isReadable(p)) {
                return "failed to open pattern file <" + file + ">";
            }
        }
        return null;
    }
}
