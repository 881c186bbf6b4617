package org.jhaproxy.config.source;

import org.jhaproxy.config.cond.CfgCondition;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.diag.ErrCode;

/**
 * The conditional blocks of one file (configuration.txt section 2.4): .if/.elif/.else/.endif
 * nested up to MAXNESTEDCONDS levels, the state of each level as readcfgfile() keeps it, and the
 * alerts it prints for misplaced or malformed directives.
 */
final class ConditionalBlocks {
    /** MAXNESTEDCONDS: the 100th nested .if is refused. */
    static final int MAX_NESTED_CONDS = 100;

    /** What the reader does after a line (readcfgfile's next_line / break / goto err). */
    enum Flow {
        /** go on with the next line */
        NEXT,
        /** stop reading, then run the end-of-file checks (missing LF, post-section, open .if) */
        BREAK,
        /** stop reading and return at once */
        STOP
    }

    private enum State {
        IF_TAKE, IF_DROP, IF_SKIP, ELIF_TAKE, ELIF_DROP, ELIF_SKIP, ELSE_TAKE, ELSE_DROP;

        boolean masks() {
            return this == IF_DROP || this == IF_SKIP || this == ELIF_DROP || this == ELIF_SKIP || this == ELSE_DROP;
        }

        boolean taken() {
            return this == IF_TAKE || this == IF_SKIP || this == ELIF_TAKE || this == ELIF_SKIP;
        }

        boolean isElse() {
            return this == ELSE_TAKE || this == ELSE_DROP;
        }
    }

    private final State[] states = new State[MAX_NESTED_CONDS];
    private final CfgCondition conditions;
    private final Diagnostics diag;
    private int level;
    private int err;

    ConditionalBlocks(CfgCondition conditions, Diagnostics diag) {
        this.conditions = conditions;
        this.diag = diag;
    }

    /** ErrCode bits raised so far. */
    int err() {
        return err;
    }

    int level() {
        return level;
    }

    /** True while the lines read are in a block whose condition is not taken. */
    boolean masked() {
        return level > 0 && states[level].masks();
    }

    /** True when the first word is one of the conditional directives this class handles. */
    static boolean handles(String word) {
        return word.equals(".if") || word.equals(".elif") || word.equals(".else") || word.equals(".endif");
    }

    Flow directive(String file, int lineNo, TokenizedLine tl) {
        String word = tl.words().get(0);
        String arg1 = tl.words().size() > 1 ? tl.words().get(1) : "";
        switch (word) {
            case ".if":
                level++;
                if (level >= MAX_NESTED_CONDS) {
                    return alert(Flow.STOP, String.format("parsing [%s:%d]: too many nested '.if', max is %d.",
                            file, lineNo, MAX_NESTED_CONDS));
                }
                if (level > 1 && states[level - 1].masks()) {
                    states[level] = State.IF_SKIP;
                    return Flow.NEXT;
                }
                return evaluate(file, lineNo, ".if", tl, State.IF_TAKE, State.IF_DROP);
            case ".elif":
                if (level == 0) {
                    return alert(Flow.STOP, String.format("parsing [%s:%d]: lone '.elif' with no matching '.if'.", file, lineNo));
                }
                if (states[level].isElse()) {
                    return alert(Flow.STOP, String.format("parsing [%s:%d]: '.elif' after '.else' is not permitted.", file, lineNo));
                }
                if (states[level].taken()) {
                    states[level] = State.ELIF_SKIP;
                    return Flow.NEXT;
                }
                return evaluate(file, lineNo, ".elif", tl, State.ELIF_TAKE, State.ELIF_DROP);
            case ".else":
                if (!arg1.isEmpty()) {
                    return alert(Flow.BREAK, String.format("parsing [%s:%d]: Unexpected argument '%s' for '%s'.", file, lineNo, arg1, word));
                }
                if (level == 0) {
                    return alert(Flow.STOP, String.format("parsing [%s:%d]: lone '.else' with no matching '.if'.", file, lineNo));
                }
                if (states[level].isElse()) {
                    return alert(Flow.STOP, String.format("parsing [%s:%d]: '.else' after '.else' is not permitted.", file, lineNo));
                }
                states[level] = states[level].taken() ? State.ELSE_DROP : State.ELSE_TAKE;
                return Flow.NEXT;
            default: // .endif
                if (!arg1.isEmpty()) {
                    return alert(Flow.BREAK, String.format("parsing [%s:%d]: Unexpected argument '%s' for '%s'.", file, lineNo, arg1, word));
                }
                if (level == 0) {
                    return alert(Flow.BREAK, String.format("parsing [%s:%d]: lone '.endif' with no matching '.if'.", file, lineNo));
                }
                level--;
                return Flow.NEXT;
        }
    }

    private Flow alert(Flow flow, String msg) {
        diag.alert(msg);
        err |= ErrCode.ALERT_FATAL | ErrCode.ABORT;
        return flow;
    }

    /**
     * Evaluates the rest of the line, all its words joined again with spaces. On error, the
     * alert echoes the expression cut to 76 (.if) or 74 (.elif) columns with a caret under the
     * bad character.
     */
    private Flow evaluate(String file, int lineNo, String directive, TokenizedLine tl, State taken, State dropped) {
        String expr = tl.expressionAfterFirstWord();
        CfgCondition.Result r = conditions.evaluate(expr);
        if (!r.failed()) {
            states[level] = r.value() ? taken : dropped;
            return Flow.NEXT;
        }
        // HAProxy prints a missing message as glibc prints a NULL string
        String msg = r.error() != null ? r.error() : "(null)";
        int pos = Math.max(r.errorPos(), 0);
        int width = 80 - directive.length() - 1;
        int shown = ConfigReader.sanitizedPos(expr, pos, width);
        return alert(Flow.STOP, String.format("parsing [%s:%d]: %s in '%s' at position %d:\n  %s %s\n  %"
                + (shown + directive.length() + 2) + "s", file, lineNo, msg, directive, pos + 1, directive,
                ConfigReader.sanitize(expr, pos, width), "^"));
    }
}
