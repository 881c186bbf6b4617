package org.jhaproxy.config.section;

import org.jhaproxy.config.check.PostParseCheck;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.NamedSection;
import org.jhaproxy.config.source.ParseContext;

/**
 * check_config_validity()'s "has no 'bind' directive" warning as it applies to log-forward
 * sections, which are frontends: one whose addresses all failed has no listener.
 */
public final class LogForwardPostCheck implements PostParseCheck {
    @Override
    public int run(ParseContext ctx) {
        int err = ErrCode.NONE;
        for (NamedSection lf : ctx.config().otherSections().of(LogForwardSection.KIND).values()) {
            if (lf.listeners() == 0) {
                ctx.diag().warning(String.format("frontend '%s' has no 'bind' directive. Please declare it as a backend if this was intended.",
                        lf.name()));
                err |= ErrCode.WARN;
            }
        }
        return err;
    }
}
