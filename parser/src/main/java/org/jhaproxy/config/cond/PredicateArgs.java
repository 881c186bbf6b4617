package org.jhaproxy.config.cond;

import java.util.ArrayList;
import java.util.List;

/**
 * The argument list of a predicate, read as HAProxy's make_arg_list() reads string arguments:
 * "(a,b)" with quotes grouping (and removed), backslash escaping \\, space, quotes and \r \n \t,
 * and every argument mandatory. A predicate written without parentheses gets one empty argument.
 *
 * @param args the decoded arguments, null on error
 * @param end where parsing stopped (after the ')' on success, at the problem on error)
 * @param error HAProxy's message, null on success
 * @param errorArg the argument number HAProxy names in its message
 */
record PredicateArgs(List<String> args, int end, String error, int errorArg) {
    /** trash.size - 1 with the default tune.bufsize of 16384. */
    private static final int MAX_ARG_LEN = 16383;

    static PredicateArgs parse(String s, int from, int wanted) {
        int in = from;
        boolean empty = at(s, in) != '(';
        if (!empty) {
            in++;
        }
        List<String> args = new ArrayList<>();
        int pos = 0;
        while (pos < wanted) {
            boolean squote = false;
            boolean dquote = false;
            StringBuilder out = new StringBuilder();
            while (!empty && at(s, in) != 0 && out.length() < MAX_ARG_LEN) {
                char c = s.charAt(in);
                if (c == '"' && !squote) {
                    dquote = !dquote;
                    in++;
                } else if (c == '\'' && !dquote) {
                    squote = !squote;
                    in++;
                } else if (c == '\\' && !squote) {
                    char n = at(s, in + 1);
                    if (n == 0) {
                        return fail(String.format("failed to parse '%s' after '%s' as type 'string' at position %d",
                                s.substring(in), out, pos + 1), in, pos);
                    }
                    switch (n) {
                        case '\\', ' ', '"', '\'' -> {
                            out.append(n);
                            in++;
                        }
                        case 'r' -> {
                            out.append('\r');
                            in++;
                        }
                        case 'n' -> {
                            out.append('\n');
                            in++;
                        }
                        case 't' -> {
                            out.append('\t');
                            in++;
                        }
                        default -> out.append('\\');
                    }
                    in++;
                } else if (!squote && !dquote && (c == ',' || c == ')')) {
                    break;
                } else {
                    out.append(c);
                    in++;
                }
            }
            if (!empty && at(s, in) != 0 && at(s, in) != ',' && at(s, in) != ')') {
                return fail(String.format("too small buffer size to store decoded argument %d, increase bufsize ?",
                        pos + 1), in, pos);
            }
            args.add(out.toString());
            pos++;
            if (empty || at(s, in) == 0 || at(s, in) == ')' || pos >= wanted) {
                break;
            }
            in++; // the comma
        }
        if (pos < wanted) {
            return fail(String.format("missing arguments (got %d/%d), type 'string' expected", pos, wanted), in, pos);
        }
        if (!empty) {
            if (at(s, in) == ')') {
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

    private static PredicateArgs fail(String msg, int at, int arg) {
        return new PredicateArgs(null, at, msg, arg);
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }
}
