package org.jhaproxy.config.cond;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.jhaproxy.grammar.CfgCondLexer;
import org.jhaproxy.grammar.TokenCursor;

/**
 * The argument list of a predicate, read as HAProxy's make_arg_list() reads string arguments:
 * "(a,b)" with quotes grouping (and removed), backslash escaping \\, space, quotes and \r \n \t,
 * and every argument mandatory. A predicate written without parentheses gets one empty argument.
 * The pieces (quotes, escapes, commas, text) come from the CfgCondLexer grammar's ARGS modes.
 *
 * @param args the decoded arguments, null on error
 * @param end where parsing stopped (after the ')' on success, at the problem on error)
 * @param error HAProxy's message, null on success
 * @param errorArg the argument number HAProxy names in its message
 */
record PredicateArgs(List<String> args, int end, String error, int errorArg) {
    /** trash.size - 1 with the default tune.bufsize of 16384. */
    private static final int MAX_ARG_LEN = 16383;

    static PredicateArgs parse(TokenCursor tokens, int from, int wanted) {
        String s = tokens.text();
        int in = from;
        boolean empty = !tokens.at(in).is(CfgCondLexer.LPAREN);
        if (!empty) {
            in++;
        }
        List<String> args = new ArrayList<>();
        int pos = 0;
        while (pos < wanted) {
            StringBuilder out = new StringBuilder();
            if (!empty) {
                // each argument starts unquoted; "in" is always where the next piece starts
                TokenCursor.Piece p = tokens.at(in, CfgCondLexer.ARGS);
                reading:
                while (!p.is(Token.EOF) && out.length() < MAX_ARG_LEN) {
                    switch (p.type()) {
                        case CfgCondLexer.ARG_COMMA, CfgCondLexer.ARG_CLOSE -> {
                            break reading;
                        }
                        case CfgCondLexer.ARG_DQ_OPEN, CfgCondLexer.ARG_DQ_CLOSE, CfgCondLexer.ARG_SQ_OPEN,
                                CfgCondLexer.ARG_SQ_CLOSE -> in = p.end();
                        case CfgCondLexer.ARG_ESC, CfgCondLexer.ARG_DQ_ESC -> {
                            out.append(unescape(s.charAt(p.start() + 1)));
                            in = p.end();
                        }
                        case CfgCondLexer.ARG_BACKSLASH, CfgCondLexer.ARG_DQ_BACKSLASH -> {
                            if (p.end() == s.length()) {
                                return fail(String.format("failed to parse '%s' after '%s' as type 'string' at position %d",
                                        s.substring(in), out, pos + 1), in, pos);
                            }
                            out.append('\\');
                            in = p.end();
                        }
                        default -> {
                            // plain text, cut where the decoded argument fills the buffer
                            int take = Math.min(p.end() - p.start(), MAX_ARG_LEN - out.length());
                            out.append(s, p.start(), p.start() + take);
                            in = p.start() + take;
                        }
                    }
                    p = tokens.next();
                }
                if (!endsArgument(tokens.at(in, CfgCondLexer.ARGS))) {
                    return fail(String.format("too small buffer size to store decoded argument %d, increase bufsize ?",
                            pos + 1), in, pos);
                }
            }
            args.add(out.toString());
            pos++;
            if (empty || pos >= wanted || !tokens.at(in, CfgCondLexer.ARGS).is(CfgCondLexer.ARG_COMMA)) {
                break;
            }
            in++; // the comma
        }
        if (pos < wanted) {
            return fail(String.format("missing arguments (got %d/%d), type 'string' expected", pos, wanted), in, pos);
        }
        if (!empty) {
            if (tokens.at(in, CfgCondLexer.ARGS).is(CfgCondLexer.ARG_CLOSE)) {
                in++;
            } else {
                String rest = s.substring(in);
                String msg = rest.isEmpty() ? "expected ')'" : "expected ')' before '" + rest + "'";
                // the empty part before the missing ')' already counted as an argument
                return fail(msg, in, pos > 1 ? pos - 1 : pos);
            }
        }
        return new PredicateArgs(List.copyOf(args), in, null, pos);
    }

    /** The end of the text, a comma or ')' outside quotes end an argument. */
    private static boolean endsArgument(TokenCursor.Piece p) {
        return p.is(Token.EOF) || p.is(CfgCondLexer.ARG_COMMA) || p.is(CfgCondLexer.ARG_CLOSE);
    }

    /** The character an escape sequence (backslash + one of \\, space, quotes, r, n, t) stands for. */
    private static char unescape(char c) {
        return switch (c) {
            case 'r' -> '\r';
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> c;
        };
    }

    private static PredicateArgs fail(String msg, int at, int arg) {
        return new PredicateArgs(null, at, msg, arg);
    }
}
