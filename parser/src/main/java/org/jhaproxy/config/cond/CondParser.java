package org.jhaproxy.config.cond;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.jhaproxy.grammar.CfgCondLexer;
import org.jhaproxy.grammar.TokenCursor;

/**
 * The parser of cfgcond.c (cfg_parse_cond_expr/and/term), kept position for position so that
 * errors name the same text and the same column as HAProxy: each step reports whether it parsed
 * (1), found nothing (0, "desynchronized") or failed (-1), and where the text continues.
 *
 * A term is a number in C's strtol() syntax (base 0: 0x.. hexadecimal, 0.. octal), a predicate
 * call, or a parenthesized expression, each optionally preceded by '!'. A word that is none of
 * these is "unparsable". Recursion is capped at MAX_CFG_RECURSION (1024) like HAProxy's.
 * The pieces (blanks, operators, numbers, predicate names) come from the CfgCondLexer grammar
 * through a {@link TokenCursor}; this class only decides where to read and what they mean.
 */
final class CondParser {
    static final int MAX_CFG_RECURSION = 1024;

    /** One parse step: its status, what it built and where the text continues. */
    record Step<T>(int status, T node, int text) {
    }

    private final String s;
    private final TokenCursor tokens;
    private String error;
    private int errorPos;

    CondParser(String s) {
        this.s = s;
        this.tokens = new TokenCursor(s, CfgCondLexer::new);
    }

    String error() {
        return error;
    }

    int errorPos() {
        return errorPos;
    }

    /** Whether the text ends at {@code i}. */
    boolean atEnd(int i) {
        return tokens.at(i).is(Token.EOF);
    }

    /** Where the blanks (spaces, tabs) starting at {@code i} end. */
    int skipBlanks(int i) {
        TokenCursor.Piece p = tokens.at(i);
        return p.is(CfgCondLexer.BLANKS) ? p.end() : i;
    }

    private boolean atPiece(int i, int type) {
        return tokens.at(i).is(type);
    }

    private <T> Step<T> fail(String msg, int at, int text) {
        error = msg;
        errorPos = at;
        return new Step<>(-1, null, text);
    }

    Step<CondExpr.Or> expr(int text, int maxDepth) {
        if (atEnd(text)) {
            return new Step<>(0, null, text);
        }
        if (maxDepth <= 0) {
            return fail("unparsable conditional expression '" + s.substring(text) + "'", text, text);
        }
        Step<CondExpr.And> left = and(text, maxDepth - 1);
        if (left.status() < 0) {
            return new Step<>(-1, null, text);
        }
        int in = left.text();
        if (left.status() == 0) {
            return fail("unparsable conditional expression '" + s.substring(in) + "'", in, text);
        }
        in = skipBlanks(in);
        List<CondExpr.And> alternatives = new ArrayList<>();
        alternatives.add(left.node());
        if (!atPiece(in, CfgCondLexer.OR)) {
            return new Step<>(1, new CondExpr.Or(alternatives), in);
        }
        int afterOp = in;
        in = skipBlanks(in + 2);
        Step<CondExpr.Or> right = expr(in, maxDepth - 1);
        if (right.status() <= 0) {
            return new Step<>(right.status(), null, afterOp);
        }
        alternatives.addAll(right.node().alternatives());
        return new Step<>(1, new CondExpr.Or(alternatives), right.text());
    }

    private Step<CondExpr.And> and(int text, int maxDepth) {
        if (atEnd(text)) {
            return new Step<>(0, null, text);
        }
        if (maxDepth <= 0) {
            return fail("unparsable conditional sub-expression '" + s.substring(text) + "'", text, text);
        }
        Step<CondExpr.Term> left = term(text, maxDepth - 1);
        if (left.status() < 0) {
            return new Step<>(-1, null, text);
        }
        if (left.status() == 0) {
            return fail("unparsable conditional sub-expression '" + s.substring(text) + "'", text, text);
        }
        int in = skipBlanks(left.text());
        List<CondExpr.Term> terms = new ArrayList<>();
        terms.add(left.node());
        if (!atPiece(in, CfgCondLexer.AND)) {
            return new Step<>(1, new CondExpr.And(terms), in);
        }
        int afterOp = in;
        in = skipBlanks(in + 2);
        Step<CondExpr.And> right = and(in, maxDepth - 1);
        if (right.status() <= 0) {
            return new Step<>(right.status(), null, afterOp);
        }
        terms.addAll(right.node().terms());
        return new Step<>(1, new CondExpr.And(terms), right.text());
    }

    private Step<CondExpr.Term> term(int text, int maxDepth) {
        int in = skipBlanks(text);
        if (atEnd(in)) {
            return new Step<>(0, null, text);
        }
        if (maxDepth <= 0) {
            return unparsable(text);
        }
        boolean neg = false;
        while (atPiece(in, CfgCondLexer.NOT)) {
            neg = !neg;
            in = skipBlanks(in + 1);
        }
        TokenCursor.Piece piece = tokens.at(in);
        if (piece.is(CfgCondLexer.NUMBER)) {
            long value = Strtol.parse(s, in, 0).value();
            return new Step<>(1, new CondExpr.Constant(value != 0, neg), piece.end());
        }
        if (piece.is(CfgCondLexer.LPAREN)) {
            in = skipBlanks(in + 1);
            Step<CondExpr.Or> sub = expr(in, maxDepth - 1);
            if (sub.status() < 0) {
                return new Step<>(-1, null, text);
            }
            if (sub.status() == 0) {
                return unparsable(text);
            }
            in = skipBlanks(sub.text());
            if (!atPiece(in, CfgCondLexer.RPAREN)) {
                return fail("expected ')' after conditional expression '" + s.substring(text) + "'", text, text);
            }
            in = skipBlanks(in + 1);
            return new Step<>(1, new CondExpr.Group(sub.node(), neg), in);
        }
        TokenCursor.Piece name = tokens.at(in, CfgCondLexer.PREDICATE);
        Predicate pred = name.is(CfgCondLexer.NAME) ? Predicate.named(s.substring(name.start(), name.end())) : null;
        if (pred != null) {
            PredicateArgs args = PredicateArgs.parse(tokens, name.end(), pred.args);
            if (args.error() != null) {
                return fail(String.format("%s in argument %d of predicate '%s' used in conditional expression",
                        args.error(), args.errorArg(), pred.word), args.end(), text);
            }
            return new Step<>(1, new CondExpr.Call(pred, args.args(), neg), args.end());
        }
        return unparsable(text);
    }

    private <T> Step<T> unparsable(int text) {
        return fail("unparsable conditional expression '" + s.substring(text) + "'", text, text);
    }
}
