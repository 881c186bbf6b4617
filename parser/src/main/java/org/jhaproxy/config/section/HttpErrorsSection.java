package org.jhaproxy.config.section;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.global.CNumber;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The "http-errors" section (cfg_parse_http_errors() in http_htx.c): named sets of
 * "errorfile &lt;status&gt; &lt;file&gt;" that proxies import with "errorfiles".
 */
public final class HttpErrorsSection implements Section {
    public static final String KIND = "http-errors";
    /** The status codes HAProxy can answer with an error file (http_err_codes[]). */
    public static final List<Integer> ERROR_CODES = List.of(200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 421, 422, 425, 429,
            500, 501, 502, 503, 504);

    private NamedSection current;

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        String kw = line.keyword();
        if (kw.equals(KIND)) {
            return header(ctx, line);
        }
        if (kw.equals("errorfile")) {
            if (line.arg(1).isEmpty() || line.arg(2).isEmpty()) {
                return ResolversSection.alert(ctx, line, String.format("%s: expects <status_code> and <file> as arguments.", kw));
            }
            int status = (int) CNumber.atol(line.arg(1));
            String err = checkErrorFile(ctx, status, line.arg(2));
            if (err != null) {
                return ResolversSection.alert(ctx, line, String.format("%s : %s", kw, err));
            }
            if (current != null) {
                current.addEntry(new NamedSection.Entry("errorfile", String.valueOf(status), List.of(line.arg(2)),
                        new Position(line.file(), line.lineNo())));
            }
            return ErrCode.NONE;
        }
        return ResolversSection.alert(ctx, line, String.format("unknown keyword '%s' in '%s' section", kw, KIND));
    }

    /** http_parse_errorfile(): the status must be one HAProxy handles and the file readable; null when fine. */
    public static String checkErrorFile(ParseContext ctx, int status, String file) {
        if (!ERROR_CODES.contains(status)) {
            return String.format("status code '%d' not handled.", status);
        }
        Path p = ctx.env().resolve(file);
        if (Files.isDirectory(p) || !Files.isReadable(p)) {
            return String.format("error opening file '%s'.", file);
        }
        return null;
    }

    private int header(ParseContext ctx, Line line) {
        current = null;
        if (line.arg(1).isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s:%d] : missing name for http-errors section.", line.file(), line.lineNo()));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        int err = ErrCode.NONE;
        Character bad = SectionName.invalidChar(line.arg(1));
        if (bad != null) {
            ctx.diag().alert(String.format("parsing [%s:%d] : character '%c' is not permitted in '%s' name '%s'.",
                    line.file(), line.lineNo(), bad, line.keyword(), line.arg(1)));
            err |= ErrCode.ALERT_FATAL;
        }
        var all = ctx.config().otherSections().of(KIND);
        NamedSection other = all.get(line.arg(1));
        if (other != null) {
            ctx.diag().alert(String.format("parsing [%s:%d]: http-errors section '%s' already exists (declared at %s:%d).",
                    line.file(), line.lineNo(), line.arg(1), other.at().file(), other.at().line()));
            return err | ErrCode.ALERT_FATAL;
        }
        current = new NamedSection(KIND, line.arg(1), new Position(line.file(), line.lineNo()));
        all.put(current.name(), current);
        return err;
    }
}
