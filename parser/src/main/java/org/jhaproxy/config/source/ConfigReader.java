package org.jhaproxy.config.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.cond.CfgCondition;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.KeywordUse;
import org.jhaproxy.config.model.Position;

/**
 * Reads configuration files line by line and hands each line to its section, as HAProxy 2.6's
 * readcfgfile() does: it checks the line layer (quotes, escapes, variables), runs the conditional
 * blocks (.if/.elif/.else/.endif) and the message directives (.notice/.warning/.alert/.diag),
 * takes off the "no"/"default" modifiers, detects section headers, and counts fatal errors
 * (after 50 it stops reading the file).
 */
public final class ConfigReader {
    private static final int MAX_NESTED_CONDS = 10;
    private static final int MAX_FATAL = 50;

    private enum Cond {
        IF_TAKE, IF_DROP, IF_SKIP, ELIF_TAKE, ELIF_DROP, ELIF_SKIP, ELSE_TAKE, ELSE_DROP;

        boolean masks() {
            return this == IF_DROP || this == IF_SKIP || this == ELIF_DROP || this == ELIF_SKIP || this == ELSE_DROP;
        }

        boolean taken() {
            return this == IF_TAKE || this == IF_SKIP || this == ELIF_TAKE || this == ELIF_SKIP;
        }
    }

    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final ParseContext ctx;
    private final CfgCondition conditions;

    public ConfigReader(List<Section> sections, ParseContext ctx, CfgCondition conditions) {
        for (Section s : sections) {
            this.sections.put(s.name(), s);
        }
        this.ctx = ctx;
        this.conditions = conditions;
    }

    /** Reads one file. Returns its ErrCode bits, or -1 when it cannot be opened. */
    public int read(String file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(ctx.env().resolve(file));
        } catch (IOException e) {
            return -1;
        }
        return new FileRun(file, new String(bytes, StandardCharsets.ISO_8859_1)).run();
    }

    private final class FileRun implements Variables {
        private final String file;
        private final String content;
        private final Diagnostics diag = ctx.diag();
        private int lineNo;
        private int err;
        private int fatal;
        private Section cs;
        private String currentSectionName;
        private final Cond[] conds = new Cond[MAX_NESTED_CONDS];
        private int condLevel;
        /** set where readcfgfile() leaves its loop with "break": the end-of-file checks still run */
        private boolean leaveLoop;

        FileRun(String file, String content) {
            this.file = file;
            this.content = content;
        }

        @Override
        public String env(String name) {
            return ctx.env().get(name);
        }

        @Override
        public String currentFile() {
            return file;
        }

        @Override
        public int currentLine() {
            return lineNo;
        }

        @Override
        public String currentSection() {
            return currentSectionName;
        }

        int run() {
            int pos = 0;
            int missingLf = -1;
            while (pos < content.length()) {
                if (missingLf != -1) {
                    diag.alert(String.format("parsing [%s:%d]: Stray NUL character at position %d.", file, lineNo, missingLf + 1));
                    err |= ErrCode.ALERT_FATAL;
                    missingLf = -1;
                    break;
                }
                int nl = content.indexOf('\n', pos);
                String raw = nl < 0 ? content.substring(pos) : content.substring(pos, nl);
                pos = nl < 0 ? content.length() : nl + 1;
                lineNo++;
                if (fatal >= MAX_FATAL) {
                    diag.alert(String.format("parsing [%s:%d]: too many fatal errors (%d), stopping now.", file, lineNo, fatal));
                    break;
                }
                int nul = raw.indexOf('\0');
                if (nul >= 0) {
                    // fgets() keeps reading past a NUL, but the line ends there for strlen()
                    missingLf = nul;
                    raw = raw.substring(0, nul);
                } else if (nl < 0) {
                    missingLf = raw.length();
                }
                if (!line(raw)) {
                    if (!leaveLoop) {
                        return err;
                    }
                    break;
                }
            }
            if (missingLf != -1) {
                diag.alert(String.format("parsing [%s:%d]: Missing LF on last line, file might have been truncated at position %d.",
                        file, lineNo, missingLf + 1));
                err |= ErrCode.ALERT_FATAL;
            }
            if (cs != null) {
                err |= cs.postParse(ctx);
            }
            if (condLevel > 0) {
                diag.alert(String.format("parsing [%s:%d]: non-terminated '.if' block.", file, lineNo));
                err |= ErrCode.ALERT_FATAL | ErrCode.ABORT;
            }
            return err;
        }

        /** Processes one line; false when reading must stop (an abort). */
        private boolean line(String raw) {
            int lead = 0;
            while (lead < raw.length() && LineTokenizer.Run.isSpace(raw.charAt(lead))) {
                lead++;
            }
            String text = raw.substring(lead);
            int cr = text.indexOf('\r');
            String body = cr >= 0 ? text.substring(0, cr) : text;
            if (text.startsWith("[")) {
                // a "[scope]" line only names a scope for diagnostics
                return true;
            }
            TokenizedLine tl = LineTokenizer.tokenize(body, this);
            if (tl.error() != null && tl.error() != LineError.TOO_MANY) {
                if (tl.shownEnd() >= 0) {
                    text = text.substring(0, tl.shownEnd());
                }
                int shown = sanitizedPos(text, tl.errorPos());
                diag.alert(String.format("parsing [%s:%d]: %s at position %d:\n  %s\n  %" + (shown + 1) + "s",
                        file, lineNo, tl.error().text(), tl.errorPos() + lead + 1, sanitize(text, tl.errorPos()), "^"));
                err |= ErrCode.ALERT_FATAL;
                fatal++;
                return true;
            }
            List<String> args = new ArrayList<>(tl.words());
            if (tl.error() == LineError.TOO_MANY) {
                diag.alert(String.format("parsing [%s:%d]: too many words, truncating after word %d, position %d: <%s>.",
                        file, lineNo, LineTokenizer.MAX_LINE_ARGS, tl.errorPos() + 1, args.get(LineTokenizer.MAX_LINE_ARGS - 1)));
                err |= ErrCode.ALERT_FATAL;
                fatal++;
                return true;
            }
            if (args.isEmpty() || args.get(0).isEmpty()) {
                return true;
            }
            String a0 = args.get(0);
            if (a0.startsWith(".")) {
                Boolean r = conditional(args);
                if (r != null) {
                    return r;
                }
            }
            if (condLevel > 0 && conds[condLevel].masks()) {
                return true;
            }
            if (a0.startsWith(".")) {
                return directive(args);
            }
            KeywordModifier kwm = KeywordModifier.STD;
            if (a0.equals("no") || a0.equals("default")) {
                kwm = a0.equals("no") ? KeywordModifier.NO : KeywordModifier.DEF;
                args.remove(0);
                if (args.isEmpty()) {
                    args.add("");
                }
            }
            String kw = args.get(0);
            if (kwm != KeywordModifier.STD && !List.of("option", "log", "busy-polling", "set-dumpable", "strict-limits",
                    "insecure-fork-wanted", "numa-cpu-mapping").contains(kw)) {
                diag.alert(String.format("parsing [%s:%d]: negation/default currently supported only for options, log, busy-polling, "
                        + "set-dumpable, strict-limits, insecure-fork-wanted and numa-cpu-mapping.", file, lineNo));
                err |= ErrCode.ALERT_FATAL;
                fatal++;
            }
            Section previous = null;
            Section header = sections.get(kw);
            if (header != null) {
                previous = cs;
                cs = header;
                currentSectionName = args.size() > 1 && !args.get(1).isEmpty() ? args.get(1) : kw;
            }
            if (previous != null) {
                int status = previous.postParse(ctx);
                err |= status;
                if ((status & ErrCode.FATAL) != 0) {
                    fatal++;
                }
                if ((err & ErrCode.ABORT) != 0) {
                    return false;
                }
            }
            if (cs == null) {
                diag.alert(String.format("parsing [%s:%d]: unknown keyword '%s' out of section.", file, lineNo, kw));
                err |= ErrCode.ALERT_FATAL;
                fatal++;
                return true;
            }
            ctx.config().uses().add(new KeywordUse(cs.name(), kw, new Position(file, lineNo)));
            int status = cs.parse(ctx, new Line(file, lineNo, args, kwm));
            err |= status;
            if ((status & ErrCode.FATAL) != 0) {
                fatal++;
            }
            return (err & ErrCode.ABORT) == 0;
        }

        /**
         * .if/.elif/.else/.endif. Returns null when the line is not one of them, else whether
         * reading goes on.
         */
        private Boolean conditional(List<String> args) {
            String a0 = args.get(0);
            switch (a0) {
                case ".if": {
                    condLevel++;
                    if (condLevel >= MAX_NESTED_CONDS) {
                        diag.alert(String.format("parsing [%s:%d]: too many nested '.if', max is %d.", file, lineNo, MAX_NESTED_CONDS));
                        err |= ErrCode.ALERT_FATAL | ErrCode.ABORT;
                        return false;
                    }
                    if (condLevel > 1 && conds[condLevel - 1].masks()) {
                        conds[condLevel] = Cond.IF_SKIP;
                        return true;
                    }
                    Boolean v = evaluate(".if", args, 76);
                    if (v == null) {
                        return false;
                    }
                    conds[condLevel] = v ? Cond.IF_TAKE : Cond.IF_DROP;
                    return true;
                }
                case ".elif": {
                    if (condLevel == 0) {
                        return abort("lone '.elif' with no matching '.if'.");
                    }
                    Cond c = conds[condLevel];
                    if (c == Cond.ELSE_TAKE || c == Cond.ELSE_DROP) {
                        return abort("'.elif' after '.else' is not permitted.");
                    }
                    if (c.taken()) {
                        conds[condLevel] = Cond.ELIF_SKIP;
                        return true;
                    }
                    Boolean v = evaluate(".elif", args, 74);
                    if (v == null) {
                        return false;
                    }
                    conds[condLevel] = v ? Cond.ELIF_TAKE : Cond.ELIF_DROP;
                    return true;
                }
                case ".else": {
                    if (args.size() > 1 && !args.get(1).isEmpty()) {
                        unexpectedArgument(args.get(1), a0);
                        return false;
                    }
                    if (condLevel == 0) {
                        return abort("lone '.else' with no matching '.if'.");
                    }
                    Cond c = conds[condLevel];
                    if (c == Cond.ELSE_TAKE || c == Cond.ELSE_DROP) {
                        return abort("'.else' after '.else' is not permitted.");
                    }
                    conds[condLevel] = c.taken() ? Cond.ELSE_DROP : Cond.ELSE_TAKE;
                    return true;
                }
                case ".endif": {
                    if (args.size() > 1 && !args.get(1).isEmpty()) {
                        unexpectedArgument(args.get(1), a0);
                        return false;
                    }
                    if (condLevel == 0) {
                        diag.alert(String.format("parsing [%s:%d]: lone '.endif' with no matching '.if'.", file, lineNo));
                        leaveLoop = true;
                        err |= ErrCode.ALERT_FATAL | ErrCode.ABORT;
                        return false;
                    }
                    condLevel--;
                    return true;
                }
                default:
                    return null;
            }
        }

        private void unexpectedArgument(String arg, String directive) {
            diag.alert(String.format("parsing [%s:%d]: Unexpected argument '%s' for '%s'.", file, lineNo, arg, directive));
            leaveLoop = true;
            err |= ErrCode.ALERT_FATAL | ErrCode.ABORT;
        }

        private boolean abort(String msg) {
            diag.alert(String.format("parsing [%s:%d]: %s", file, lineNo, msg));
            err |= ErrCode.ALERT_FATAL | ErrCode.ABORT;
            return false;
        }

        /** Evaluates the words after .if/.elif, re-joined with spaces as HAProxy does. */
        private Boolean evaluate(String directive, List<String> args, int width) {
            String expr = String.join(" ", args.subList(1, args.size()));
            CfgCondition.Result r = conditions.evaluate(expr);
            if (r.error() == null) {
                return r.value();
            }
            int shown = sanitizedPos(expr, r.errorPos(), width);
            diag.alert(String.format("parsing [%s:%d]: %s in '%s' at position %d:\n  %s %s\n  %" + (shown + directive.length() + 2) + "s",
                    file, lineNo, r.error(), directive, r.errorPos() + 1, directive, sanitize(expr, r.errorPos(), width), "^"));
            err |= ErrCode.ALERT_FATAL | ErrCode.ABORT;
            return null;
        }

        /** .alert/.warning/.notice/.diag and unknown directives. */
        private boolean directive(List<String> args) {
            String a0 = args.get(0);
            String a1 = args.size() > 1 ? args.get(1) : "";
            String a2 = args.size() > 2 ? args.get(2) : "";
            boolean known = a0.equals(".alert") || a0.equals(".warning") || a0.equals(".notice") || a0.equals(".diag");
            if (!known) {
                diag.alert(String.format("parsing [%s:%d]: unknown directive '%s'.", file, lineNo, a0));
                leaveLoop = true;
                err |= ErrCode.ALERT_FATAL;
                fatal++;
                return false;
            }
            if (!a2.isEmpty()) {
                diag.alert(String.format("parsing [%s:%d]: Unexpected argument '%s' for '%s'. Use quotes if the message should contain spaces.",
                        file, lineNo, a2, a0));
                err |= ErrCode.ALERT_FATAL;
                return true;
            }
            String msg = String.format("parsing [%s:%d]: '%s'.", file, lineNo, a1);
            switch (a0) {
                case ".alert" -> {
                    diag.alert(msg);
                    err |= ErrCode.ALERT_FATAL | ErrCode.ABORT;
                    return false;
                }
                case ".warning" -> {
                    diag.warning(msg);
                    err |= ErrCode.WARN;
                }
                case ".notice" -> diag.notice(msg);
                default -> diag.diag(msg);
            }
            return true;
        }
    }

    static int sanitizedPos(String line, int pos) {
        return sanitizedPos(line, pos, 80);
    }

    /** Where pos lands in {@link #sanitize(String, int, int)}'s output (sanitize_for_printing). */
    static int sanitizedPos(String line, int pos, int width) {
        return pos >= width ? pos - (pos - width / 2) : pos;
    }

    static String sanitize(String line, int pos) {
        return sanitize(line, pos, 80);
    }

    /**
     * HAProxy's sanitize_for_printing(): about {@code width} characters around {@code pos},
     * with "..." where the line was cut, spaces for blanks and '?' for unprintable characters.
     */
    static String sanitize(String line, int pos, int width) {
        StringBuilder out = new StringBuilder();
        int in = 0;
        int room = width;
        boolean shifted = pos >= width;
        if (shifted) {
            in = pos - width / 2 + 3;
            room = width - 6;
            out.append("...");
        }
        for (int n = 0; n < room && in < line.length(); n++, in++) {
            char c = line.charAt(in);
            if (LineTokenizer.Run.isSpace(c)) {
                out.append(' ');
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append('?');
            }
        }
        if (shifted) {
            out.append("...");
        }
        return out.toString();
    }
}
