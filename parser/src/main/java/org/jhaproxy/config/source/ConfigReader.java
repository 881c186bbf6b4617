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
    private static final int MAX_FATAL = 50;

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
        // haproxy's cfg_apply_default_path() after opening each file
        ctx.env().applyDefaultPath(file);
        return new FileRun(file, new String(bytes, StandardCharsets.ISO_8859_1)).run();
    }

    private final class FileRun implements Variables {
        private final String file;
        private final String content;
        private final Diagnostics diag = ctx.diag();
        private final ConditionalBlocks conds;
        private int lineNo;
        private int err;
        private int fatal;
        private Section cs;
        private String currentSectionName;
        /** a section other than global was seen in this file (check_section_position, -dD) */
        private boolean nonGlobalParsed;

        FileRun(String file, String content) {
            this.file = file;
            this.content = content;
            this.conds = new ConditionalBlocks(conditions, diag);
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
                    // fgets() went on after a NUL: the line it returned was cut short
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
                    // the line ends at the NUL for strlen(), and has no LF
                    missingLf = nul;
                    raw = raw.substring(0, nul);
                } else if (nl < 0) {
                    missingLf = raw.length();
                }
                ConditionalBlocks.Flow flow = line(raw);
                if (flow == ConditionalBlocks.Flow.STOP) {
                    return err | conds.err();
                }
                if (flow == ConditionalBlocks.Flow.BREAK) {
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
            if (conds.level() > 0) {
                diag.alert(String.format("parsing [%s:%d]: non-terminated '.if' block.", file, lineNo));
                err |= ErrCode.ALERT_FATAL | ErrCode.ABORT;
            }
            return err | conds.err();
        }

        /** Processes one line (without its LF). */
        private ConditionalBlocks.Flow line(String raw) {
            int lead = 0;
            while (lead < raw.length() && LineTokenizer.Run.isSpace(raw.charAt(lead))) {
                lead++;
            }
            String text = raw.substring(lead);
            if (text.startsWith("[")) {
                err |= Scope.parse(diag, file, lineNo, text);
                return ConditionalBlocks.Flow.NEXT;
            }
            TokenizedLine tl = LineTokenizer.tokenize(text, this);
            if (tl.error() != null && tl.error() != LineError.TOO_MANY) {
                if (!tl.cuts().isEmpty()) {
                    StringBuilder cut = new StringBuilder(text);
                    tl.cuts().stream().filter(c -> c < cut.length()).forEach(c -> cut.setCharAt(c, '\0'));
                    text = cut.toString();
                }
                int shown = sanitizedPos(text, tl.errorPos());
                diag.alert(String.format("parsing [%s:%d]: %s at position %d:\n  %s\n  %" + (shown + 1) + "s",
                        file, lineNo, tl.error().text(), tl.errorPos() + lead + 1, sanitize(text, tl.errorPos()), "^"));
                return fatalError();
            }
            List<String> args = new ArrayList<>(tl.words());
            if (tl.error() == LineError.TOO_MANY) {
                diag.alert(String.format("parsing [%s:%d]: too many words, truncating after word %d, position %d: <%s>.",
                        file, lineNo, LineTokenizer.MAX_LINE_ARGS, tl.errorPos() + 1, args.get(LineTokenizer.MAX_LINE_ARGS - 1)));
                return fatalError();
            }
            if (args.isEmpty() || args.get(0).isEmpty()) {
                return ConditionalBlocks.Flow.NEXT;
            }
            String a0 = args.get(0);
            if (ConditionalBlocks.handles(a0)) {
                return conds.directive(file, lineNo, tl);
            }
            if (conds.masked()) {
                return ConditionalBlocks.Flow.NEXT;
            }
            if (a0.startsWith(".")) {
                return MessageDirective.run(diag, file, lineNo, args, this::raise);
            }
            KeywordModifier kwm = KeywordModifier.STD;
            if (a0.equals("no") || a0.equals("default")) {
                kwm = a0.equals("no") ? KeywordModifier.NO : KeywordModifier.DEF;
                args = shiftModifier(args, kwm);
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
                if (diag.diagMode()) {
                    checkSectionPosition(kw);
                }
            }
            if (previous != null) {
                int status = previous.postParse(ctx);
                err |= status;
                if ((status & ErrCode.FATAL) != 0) {
                    fatal++;
                }
                if ((err & ErrCode.ABORT) != 0) {
                    return ConditionalBlocks.Flow.STOP;
                }
            }
            if (cs == null) {
                diag.alert(String.format("parsing [%s:%d]: unknown keyword '%s' out of section.", file, lineNo, kw));
                return fatalError();
            }
            ctx.config().uses().add(new KeywordUse(cs.name(), kw, args.size() > 1 ? args.get(1) : "", new Position(file, lineNo), header != null));
            Line parsed = new Line(file, lineNo, args, kwm);
            ctx.currentLine(parsed, cs.name());
            int status = cs.parse(ctx, parsed);
            err |= status;
            if ((status & ErrCode.FATAL) != 0) {
                fatal++;
            }
            return (err & ErrCode.ABORT) == 0 ? ConditionalBlocks.Flow.NEXT : ConditionalBlocks.Flow.STOP;
        }

        /** -dD: a global section after another kind makes the precedence of settings unclear. */
        private void checkSectionPosition(String section) {
            if (section.equals("global")) {
                if (nonGlobalParsed) {
                    diag.diag(String.format("parsing [%s:%d] : global section detected after a non-global one, "
                            + "the prevalence of their statements is unspecified", file, lineNo));
                }
            } else {
                nonGlobalParsed = true;
            }
        }

        private ConditionalBlocks.Flow fatalError() {
            err |= ErrCode.ALERT_FATAL;
            fatal++;
            return ConditionalBlocks.Flow.NEXT;
        }

        /** Adds error bits from a directive; FATAL ones count towards the limit of 50. */
        private void raise(int bits, boolean countsFatal) {
            err |= bits;
            if (countsFatal) {
                fatal++;
            }
        }
    }

    /**
     * Removes "no"/"default" the way readcfgfile() shifts args[]: words move left only up to the
     * first empty one; "no" leaves an empty word in the hole, "default" leaves the last moved
     * word duplicated there (what HAProxy's keyword parsers then see).
     */
    static List<String> shiftModifier(List<String> in, KeywordModifier kwm) {
        List<String> args = new ArrayList<>(in);
        while (args.size() < 2) {
            args.add("");
        }
        int arg = 0;
        while (arg + 1 < args.size() && !args.get(arg + 1).isEmpty()) {
            args.set(arg, args.get(arg + 1));
            arg++;
        }
        if (kwm == KeywordModifier.NO) {
            args.set(arg, "");
        }
        // HAProxy's args[] ends in empty words: drop trailing empties past the first word
        while (args.size() > 1 && args.get(args.size() - 1).isEmpty()) {
            args.remove(args.size() - 1);
        }
        return args;
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
        // the line ends at its first NUL, as a C string (HAProxy may have written some into it)
        for (int n = 0; n < room && in < line.length() && line.charAt(in) != '\0'; n++, in++) {
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
