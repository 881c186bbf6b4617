package org.jhaproxy.config.global;

import static org.jhaproxy.config.global.GlobalInt.alert;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.GlobalBuilder;

/** The process-wide limits parsed in code by cfg_parse_global(): maxconn and the rate limits. */
final class GlobalLimitKeywords {
    private GlobalLimitKeywords() {
    }

    static void register(KeywordTable<GlobalBuilder> t) {
        String integer = "expects an integer argument.";
        t.add("maxconn", "maxconn <number>", GlobalInt.once(integer));
        t.add("maxconnrate", "maxconnrate <number>", GlobalInt.once(integer));
        t.add("maxsessrate", "maxsessrate <number>", GlobalInt.once(integer));
        t.add("maxsslrate", "maxsslrate <number>", GlobalInt.once(integer));
        t.add("maxcomprate", "maxcomprate <kB/s>", GlobalInt.handler(false, "expects an integer argument in kb/s.", 1024));
        t.add("maxpipes", "maxpipes <number>", GlobalInt.once(integer));
        t.add("maxzlibmem", "maxzlibmem <MB>", GlobalInt.any(integer));
        t.add("fd-hard-limit", "fd-hard-limit <number>", GlobalInt.once(integer));
        t.add("maxcompcpuusage", "maxcompcpuusage <0..100>", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            String expects = String.format("'%s' expects an integer argument between 0 and 100.", line.keyword());
            if (line.arg(1).isEmpty()) {
                return alert(ctx, line, expects);
            }
            // HAProxy stores 100 - value in an unsigned int: below 0 wraps above 100 too
            long idle = (100L - CNumber.atoi(line.arg(1))) & 0xFFFFFFFFL;
            if (idle > 100) {
                return alert(ctx, line, expects);
            }
            GlobalInt.record(line, g);
            return ErrCode.NONE;
        });
        t.add("ssl-server-verify", "ssl-server-verify none|required", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            if (line.arg(1).isEmpty()) {
                return alert(ctx, line, String.format("'%s' expects an integer argument.", line.keyword()));
            }
            if (!line.arg(1).equals("none") && !line.arg(1).equals("required")) {
                return alert(ctx, line, String.format("'%s' expects 'none' or 'required' as argument.", line.keyword()));
            }
            GlobalInt.record(line, g);
            return ErrCode.NONE;
        });
        t.add("cluster-secret", "cluster-secret <secret>", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            if (line.arg(1).isEmpty()) {
                return alert(ctx, line, "expects an ASCII string argument.");
            }
            if (g.isSet(line.keyword())) {
                return GlobalInt.alreadySpecified(ctx, line);
            }
            GlobalInt.record(line, g);
            return ErrCode.NONE;
        });
    }
}
