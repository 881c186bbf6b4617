package org.jhaproxy.config.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The "filter" keyword (configuration.txt section 9; filters.c parse_filter()): a registered
 * filter name and its options. SPOE and OpenTracing filters read their own configuration file
 * at once, so a missing file fails the line.
 */
final class Filters {
    private Filters() {
    }

    static int filter(ParseContext ctx, Line line, ProxyBuilder px) {
        String a0 = line.arg(0);
        String err = check(ctx, line, px);
        if (err == null) {
            if (line.arg(1).equals("cache") && !line.arg(2).isEmpty()) {
                org.jhaproxy.config.check.RuleReferences.noteCache(px, line.arg(2));
            }
            return ErrCode.NONE;
        }
        ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), err));
        return ErrCode.ALERT_FATAL;
    }

    private static String check(ParseContext ctx, Line line, ProxyBuilder px) {
        String a0 = line.arg(0);
        if (px.isDefaults()) {
            return String.format("parsing [%s:%d] : %s is not allowed in a 'default' section.", line.file(), line.lineNo(), a0);
        }
        String name = line.arg(1);
        if (name.isEmpty()) {
            return String.format("parsing [%s:%d] : missing argument for '%s' in %s '%s'.", line.file(), line.lineNo(), a0, ProxyTypes.typeName(px), px.name());
        }
        switch (name) {
            case "spoe" -> {
                String config = null;
                for (int i = 2; !line.arg(i).isEmpty(); i += 2) {
                    String o = line.arg(i);
                    if (o.equals("config") || o.equals("engine")) {
                        if (line.arg(i + 1).isEmpty()) {
                            return String.format("'%s' : ''%s' : '%s' option without value'", a0, name, o);
                        }
                        if (o.equals("config")) {
                            config = line.arg(i + 1);
                        }
                    } else {
                        return String.format("'%s' : 'unknown keyword '%s''", a0, o);
                    }
                }
                if (config == null) {
                    return String.format("'%s' : ''%s' : missing config file'", a0, name);
                }
                if (!readable(ctx, config)) {
                    return String.format("'%s' : 'Could not open configuration file %s : No such file or directory'", a0, config);
                }
                return null;
            }
            case "opentracing" -> {
                for (int i = 2; !line.arg(i).isEmpty(); i++) {
                    if (line.arg(i).equals("config") && !line.arg(i + 1).isEmpty() && !readable(ctx, line.arg(i + 1))) {
                        return String.format("'%s' : ''%s' : No such file or directory'", a0, line.arg(i + 1));
                    }
                }
                return null;
            }
            case "cache", "fcgi-app" -> {
                // parse_cache_flt() / parse_fcgi_flt(): a name, then nothing
                if (line.arg(2).isEmpty()) {
                    return String.format("'%s' : '%s : expects a <name> argument'", a0, name);
                }
                return trailing(line, 3);
            }
            case "compression" -> {
                return trailing(line, 2);
            }
            case "trace" -> {
                int pos = 2;
                for (; !line.arg(pos).isEmpty(); pos++) {
                    String o = line.arg(pos);
                    if (o.equals("name")) {
                        if (line.arg(pos + 1).isEmpty()) {
                            return String.format("'%s' : ''%s' : '%s' option without value'", a0, name, o);
                        }
                        pos++;
                    } else if (!o.equals("quiet") && !o.equals("random-parsing") && !o.equals("random-forwarding")
                            && !o.equals("hexdump")) {
                        break;
                    }
                }
                return trailing(line, pos);
            }
            default -> {
                // flt_dump_kws(): "[%4s] name", sorted by name, indented by 4
                return String.format("'%s' : unknown keyword '%s'. Registered keywords :\n"
                        + "    [CACHE] cache\n"
                        + "    [COMP] compression\n"
                        + "    [FCGI] fcgi-app\n"
                        + "    [  OT] opentracing\n"
                        + "    [SPOE] spoe\n"
                        + "    [TRACE] trace", a0, name);
            }
        }
    }

    /** parse_filter(): a word left after the filter's own options. */
    private static String trailing(Line line, int pos) {
        if (line.arg(pos).isEmpty()) {
            return null;
        }
        return String.format("'%s %s' : unknown keyword '%s'.", line.arg(0), line.arg(1), line.arg(pos));
    }

    private static boolean readable(ParseContext ctx, String file) {
        Path p = ctx.env().resolve(file);
        return Files.isRegularFile(p) && Files.isReadable(p);
    }
}
