package org.jhaproxy.config.model;

/**
 * The health check settings of a proxy section while it is parsed: the check type chosen by an
 * "option" (PR_O2_CHK_ANY), its ruleset kind, the "http-check"/"tcp-check" rules, the
 * "http-check disable-on-404/send-state" flags and the "external-check command/path".
 */
public final class ProxyCheckSettings {
    /** The health check type (PR_O2_CHK_ANY): "httpchk", "ssl-hello-chk", ..., "tcp-check", "external-check". */
    private String type;
    /** The check ruleset kind (tcpcheck_rules proto flags): only backends inherit it. */
    private String proto;
    private String externalCommand;
    private String externalPath;
    private boolean disableOn404;
    private boolean sendState;
    /** "http-check" rules without "option httpchk" (a warning at the end of the section). */
    private boolean httpCheckRulesWithoutOption;
    /** "tcp-check" rules without "option tcp-check" (a warning at the end of the section). */
    private boolean tcpCheckRules;
    private final CheckRuleSet tcpCheckRuleSet = new CheckRuleSet();
    private final CheckRuleSet httpCheckRuleSet = new CheckRuleSet();

    /**
     * Copies what proxy_defproxy_cpy() copies; the rules are not copied (HAProxy keeps a
     * reference to the defaults' ruleset instead), the ruleset kind only by a backend.
     */
    void inheritFrom(ProxyCheckSettings def, boolean backend) {
        type = def.type;
        disableOn404 = def.disableOn404;
        sendState = def.sendState;
        if (backend) {
            proto = def.proto;
        }
        externalCommand = def.externalCommand;
        externalPath = def.externalPath;
    }

    public String type() {
        return type;
    }

    public void type(String t) {
        this.type = t;
    }

    public String proto() {
        return proto;
    }

    public void proto(String p) {
        this.proto = p;
    }

    /** "external-check command". */
    public String externalCommand() {
        return externalCommand;
    }

    public void externalCommand(String c) {
        this.externalCommand = c;
    }

    /** "external-check path". */
    public String externalPath() {
        return externalPath;
    }

    public void externalPath(String p) {
        this.externalPath = p;
    }

    /** "http-check disable-on-404". */
    public boolean disableOn404() {
        return disableOn404;
    }

    public void disableOn404(boolean v) {
        this.disableOn404 = v;
    }

    /** "http-check send-state". */
    public boolean sendState() {
        return sendState;
    }

    public void sendState(boolean v) {
        this.sendState = v;
    }

    public boolean httpCheckRules() {
        return httpCheckRulesWithoutOption;
    }

    public void httpCheckRules(boolean v) {
        this.httpCheckRulesWithoutOption = v;
    }

    public boolean tcpCheckRules() {
        return tcpCheckRules;
    }

    public void tcpCheckRules(boolean v) {
        this.tcpCheckRules = v;
    }

    /** The "tcp-check" rules of this section itself (not those of its defaults). */
    public CheckRuleSet tcpCheckRuleSet() {
        return tcpCheckRuleSet;
    }

    /** The "http-check" rules of this section itself (not those of its defaults). */
    public CheckRuleSet httpCheckRuleSet() {
        return httpCheckRuleSet;
    }
}
