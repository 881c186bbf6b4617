package org.jhaproxy.config.section;

import org.jhaproxy.config.check.PostParseCheck;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.source.ParseContext;

/**
 * cfg_program_postparser() (mworker-prog.c): every program needs a "command", and programs
 * are only run by a master process ("master-worker" in the global section, or -W).
 */
public final class ProgramPostCheck implements PostParseCheck {
    @Override
    public int run(ParseContext ctx) {
        int err = ErrCode.NONE;
        var programs = ctx.config().otherSections().of(ProgramSection.KIND);
        for (NamedSection p : programs.values()) {
            if (!p.settings().containsKey("command")) {
                ctx.diag().alert(String.format("The program section '%s' lacks a command to launch.", p.name()));
                err |= ErrCode.ALERT_FATAL;
            }
        }
        if (!programs.isEmpty() && !ctx.config().global().isSet("master-worker")) {
            ctx.diag().alert("Can't use a 'program' section without master worker mode.");
            err |= ErrCode.ALERT_FATAL;
        }
        return err;
    }
}
