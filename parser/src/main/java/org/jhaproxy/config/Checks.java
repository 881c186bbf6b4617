package org.jhaproxy.config;

import java.util.List;
import org.jhaproxy.config.check.PostParseCheck;

/** The whole-configuration passes, in the order HAProxy runs them. */
final class Checks {
    private Checks() {
    }

    /** check_config_validity() and the post proxy/server checks. */
    static List<PostParseCheck> validity() {
        return List.of(new org.jhaproxy.config.section.UserlistPostInit(),
                new org.jhaproxy.config.check.ConfigValidity(),
                new org.jhaproxy.config.section.LogForwardPostCheck(),
                new org.jhaproxy.config.section.PeersPostCheck(),
                // fcgi_flt_check() (per proxy in check_config_validity()) then the "fcgi-apps" post-parser
                new org.jhaproxy.config.check.FcgiAppChecks(),
                new org.jhaproxy.config.section.ProgramPostCheck(),
                // the config post-parsers, run at the end of check_config_validity()
                new org.jhaproxy.config.global.H1CaseAdjustFile(),
                new org.jhaproxy.config.global.HtxDefaultMessages(),
                // haproxy.c runs the post server checks after check_config_validity()
                new org.jhaproxy.config.check.ServerChecks(),
                // haproxy.c: the post server checks (check.c init_srv_check()) of every enabled proxy
                new org.jhaproxy.config.check.ServerCheckInit());
    }

    /** srv_init_addr(): servers' addresses resolved with libc (/etc/hosts, no DNS here). */
    static List<PostParseCheck> addresses() {
        return List.of(new org.jhaproxy.config.check.ServerAddressInit());
    }
}
