package org.jhaproxy.config.global;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jhaproxy.config.check.PostParseCheck;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.source.ParseContext;

/**
 * The "h1-case-adjust-file" post-parser of mux_h1.c: the file is read once the configuration
 * is parsed, one "&lt;from&gt; &lt;to&gt;" pair per line ('#' comments and blank lines skipped),
 * with the same rules as the "h1-case-adjust" keyword.
 */
public final class H1CaseAdjustFile implements PostParseCheck {
    @Override
    public int run(ParseContext ctx) {
        GlobalBuilder g = ctx.config().global();
        GlobalBuilder.Setting s = g.get("h1-case-adjust-file");
        if (s == null) {
            return ErrCode.NONE;
        }
        String name = s.args().get(0);
        List<String> lines;
        try {
            lines = Files.readAllLines(ctx.env().resolve(name), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            ctx.diag().alert(String.format("h1-headers-case-adjust-file '%s': failed to open file.", name));
            return ErrCode.ALERT_FATAL;
        }
        Set<String> known = new HashSet<>();
        for (String k : g.settings().keySet()) {
            if (k.startsWith("h1-case-adjust ")) {
                known.add(k.substring("h1-case-adjust ".length()));
            }
        }
        int n = 0;
        for (String raw : lines) {
            n++;
            String l = raw.replaceFirst("^[ \t]+", "");
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("\r")) {
                continue;
            }
            int i = 0;
            while (i < l.length() && " \t\r".indexOf(l.charAt(i)) < 0) {
                i++;
            }
            String from = l.substring(0, i);
            String rest = l.substring(i).replaceFirst("^[ \t]+", "");
            int cr = rest.indexOf('\r');
            String to = (cr >= 0 ? rest.substring(0, cr) : rest).replaceFirst("[ \t]+$", "");
            String err = null;
            if (to.isEmpty()) {
                err = "expect <to>";
            } else if (!from.equalsIgnoreCase(to)) {
                err = "<from> and <to> must not differ execpt the case";
            } else if (!known.add(from.toLowerCase(Locale.ROOT))) {
                err = String.format("duplicate entry '%s'", from);
            }
            if (err != null) {
                ctx.diag().alert(String.format("h1-headers-case-adjust-file '%s' : %s at line %d.", name, err, n));
                return ErrCode.ALERT_FATAL;
            }
        }
        return ErrCode.NONE;
    }
}
