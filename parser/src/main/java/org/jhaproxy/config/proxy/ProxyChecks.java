package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The small argument and capability checks every proxy keyword parser shares
 * (cfgparse.c warnifnotcap() and alertif_too_many_args_idx()).
 */
public final class ProxyChecks {
    private ProxyChecks() {
    }

    /**
     * warnifnotcap(): warns and returns true when the proxy has none of the wanted capabilities
     * ({@code frontend} and/or {@code backend}); {@code hint} is appended (may be null).
     */
    public static boolean warnIfNotCap(ParseContext ctx, Line line, ProxyBuilder px, boolean frontend, boolean backend,
                                       String arg, String hint) {
        if ((frontend && px.has(ProxyCapability.FRONTEND)) || (backend && px.has(ProxyCapability.BACKEND))) {
            return false;
        }
        String msg = frontend && backend ? "neither frontend nor backend" : frontend ? "no frontend" : "no backend";
        ctx.diag().warning(String.format("parsing [%s:%d] : '%s' ignored because %s '%s' has %s capability.%s",
                line.file(), line.lineNo(), arg, px.typeString(), px.name(), msg, hint == null ? "" : hint));
        return true;
    }

    /**
     * alertif_too_many_args_idx(): alerts when a word exists past index+maxArg+1, naming the
     * keyword as its first index+1 words. Returns the error bits (0 when fine).
     */
    public static int tooManyArgs(ParseContext ctx, Line line, int maxArg, int index) {
        String extra = line.arg(index + maxArg + 1);
        if (extra.isEmpty()) {
            return 0;
        }
        StringBuilder kw = new StringBuilder(line.arg(0));
        for (int i = 1; i <= index; i++) {
            kw.append(' ').append(line.arg(i));
        }
        ctx.diag().alert(String.format("parsing [%s:%d] : '%s' cannot handle unexpected argument '%s'.",
                line.file(), line.lineNo(), kw, extra));
        return ErrCode.ALERT_FATAL;
    }

    public static int tooManyArgs(ParseContext ctx, Line line, int maxArg) {
        return tooManyArgs(ctx, line, maxArg, 0);
    }

    /** An alert "parsing [file:line] : text" that fails the configuration. */
    public static int alert(ParseContext ctx, Line line, String text) {
        // a message already ending in a newline leaves an empty line, as with ha_alert("%s\n")
        ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), text.endsWith("\n") ? text + "\n" : text));
        return ErrCode.ALERT_FATAL;
    }

    /** The same without the space before the colon, as many HAProxy messages are written. */
    public static int alertTight(ParseContext ctx, Line line, String text) {
        ctx.diag().alert(String.format("parsing [%s:%d]: %s", line.file(), line.lineNo(), text));
        return ErrCode.ALERT_FATAL;
    }

    public static int warn(ParseContext ctx, Line line, String text) {
        ctx.diag().warning(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), text));
        return ErrCode.WARN;
    }

    public static int warnTight(ParseContext ctx, Line line, String text) {
        ctx.diag().warning(String.format("parsing [%s:%d]: %s", line.file(), line.lineNo(), text));
        return ErrCode.WARN;
    }

    /** HAProxy's invalid_char(): the first character not in [A-Za-z0-9.:_-], or -1 (empty names fail at 0). */
    public static int invalidChar(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == ':' || c == '_' || c == '-';
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    /** C's atol(): leading blanks, an optional sign, digits; 0 when none. */
    public static long atol(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        return neg ? -v : v;
    }
}
