package org.jhaproxy.config.rules;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/** "declare capture request|response len &lt;n&gt;": capture slots for "capture ... id" actions (proxy.c). */
final class Declarations {
    private Declarations() {
    }

    static int declare(ParseContext ctx, Line line, ProxyBuilder px) {
        String err = check(line, px);
        if (err == null) {
            return ErrCode.NONE;
        }
        ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), err));
        return ErrCode.ALERT_FATAL;
    }

    private static String check(Line line, ProxyBuilder px) {
        String a0 = line.arg(0);
        String a1 = line.arg(1);
        if (px.isDefaults()) {
            return "'" + a0 + "' not available in default section";
        }
        if (!ProxyTypes.has(px, ProxyCapability.FRONTEND)) {
            return "'" + a0 + "' only available in frontend or listen section";
        }
        if (a1.isEmpty()) {
            return "'" + a0 + "' needs a second keyword that specify the type of declaration ('capture')";
        }
        if (!a1.equals("capture")) {
            return "unknown declaration type '" + a1 + "' (supports 'capture')";
        }
        if (!line.arg(2).equals("request") && !line.arg(2).equals("response")) {
            return "'" + a0 + " " + a1 + "' requires a direction ('request' or 'response')";
        }
        if (!line.arg(3).equals("len")) {
            return "'" + a0 + " " + a1 + "' requires a capture length ('len')";
        }
        if (line.arg(4).isEmpty()) {
            return "'" + a0 + " " + a1 + "': 'len' requires a numeric value that represents the capture length";
        }
        if (!line.arg(4).matches("[0-9]+")) {
            return "'" + a0 + " " + a1 + "': cannot parse the length '" + line.arg(4) + "'.";
        }
        if (Long.parseLong(line.arg(4).length() > 9 ? "999999999" : line.arg(4)) <= 0) {
            return "length must be > 0";
        }
        return null;
    }
}
