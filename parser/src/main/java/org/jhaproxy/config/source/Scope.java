package org.jhaproxy.config.source;

import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.diag.ErrCode;

/**
 * A "[name]" line (cfg_parse_scope): it only names a scope for later messages, but its syntax is
 * checked: a non-empty name of letters, digits, '.', ':', '_' or '-', alone on its line.
 */
final class Scope {
    private Scope() {
    }

    /** @param line the line from its '[' on; returns ErrCode bits */
    static int parse(Diagnostics diag, String file, int lineNo, String line) {
        int end = line.indexOf(']', 1);
        int nul = line.indexOf('\0');
        if (nul >= 0 && (end < 0 || nul < end)) {
            end = -1;
        }
        if (end <= 1) {
            diag.alert(String.format("parsing [%s:%d] : empty scope name is forbidden.", file, lineNo));
            return ErrCode.ALERT_FATAL;
        }
        String name = line.substring(1, end);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '.' && c != ':' && c != '_' && c != '-') {
                diag.alert(String.format("parsing [%s:%d] : character '%c' is not permitted in a scope name.", file, lineNo, c));
                return ErrCode.ALERT | ErrCode.ABORT;
            }
        }
        int i = end + 1;
        while (i < line.length() && LineTokenizer.Run.isSpace(line.charAt(i))) {
            i++;
        }
        if (i < line.length() && line.charAt(i) != '#') {
            diag.alert(String.format("parsing [%s:%d] : character '%c' is not permitted after scope declaration.",
                    file, lineNo, line.charAt(i)));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        return 0;
    }
}
