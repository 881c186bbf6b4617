package org.jhaproxy.config.source;

import java.util.List;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.diag.ErrCode;

/**
 * .alert/.warning/.notice/.diag (configuration.txt section 2.4): print their single argument at
 * that level; .alert also stops reading. Any other word starting with '.' is an unknown
 * directive, which ends the file.
 */
final class MessageDirective {
    /** Where the directive reports its error bits (and whether they count as a fatal error). */
    interface Sink {
        void raise(int bits, boolean countsFatal);
    }

    private MessageDirective() {
    }

    static ConditionalBlocks.Flow run(Diagnostics diag, String file, int lineNo, List<String> args, Sink sink) {
        String a0 = args.get(0);
        String a1 = args.size() > 1 ? args.get(1) : "";
        String a2 = args.size() > 2 ? args.get(2) : "";
        boolean known = a0.equals(".alert") || a0.equals(".warning") || a0.equals(".notice") || a0.equals(".diag");
        if (!known) {
            diag.alert(String.format("parsing [%s:%d]: unknown directive '%s'.", file, lineNo, a0));
            sink.raise(ErrCode.ALERT_FATAL, true);
            return ConditionalBlocks.Flow.BREAK;
        }
        if (!a2.isEmpty()) {
            diag.alert(String.format("parsing [%s:%d]: Unexpected argument '%s' for '%s'. Use quotes if the message should contain spaces.",
                    file, lineNo, a2, a0));
            sink.raise(ErrCode.ALERT_FATAL, false);
            return ConditionalBlocks.Flow.NEXT;
        }
        String msg = String.format("parsing [%s:%d]: '%s'.", file, lineNo, a1);
        switch (a0) {
            case ".alert" -> {
                diag.alert(msg);
                sink.raise(ErrCode.ALERT_FATAL | ErrCode.ABORT, false);
                return ConditionalBlocks.Flow.STOP;
            }
            case ".warning" -> {
                diag.warning(msg);
                sink.raise(ErrCode.WARN, false);
            }
            case ".notice" -> diag.notice(msg);
            default -> diag.diag(msg);
        }
        return ConditionalBlocks.Flow.NEXT;
    }
}
