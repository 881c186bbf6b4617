package org.jhaproxy.config.check;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.model.ConfigBuilder;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.ProxyReferences.PendingArg;

/**
 * smp_resolve_args(): every backend, frontend, server, table and userlist named in an argument
 * of the proxy's fetches and converters must exist. All errors of a proxy are reported in one
 * alert, under "multiple argument resolution errors:" when there are several.
 */
final class PendingArgsResolution {
    private PendingArgsResolution() {
    }

    static int resolve(ConfigBuilder cfg, Diagnostics diag, ProxyBuilder px) {
        List<String> errors = new ArrayList<>();
        for (PendingArg a : px.references().args()) {
            String e = resolve(cfg, px, a);
            if (e != null) {
                errors.add(String.format("parsing [%s:%d]: %s", a.at().file(), a.at().line(), e));
            }
        }
        if (errors.isEmpty()) {
            return 0;
        }
        if (errors.size() == 1) {
            diag.alert(errors.get(0));
        } else {
            diag.alert("multiple argument resolution errors:\n        " + String.join("\n        ", errors));
        }
        return errors.size();
    }

    /** The error for one argument, from "unable to..." to the final '.', or null once resolved. */
    static String resolve(ConfigBuilder cfg, ProxyBuilder px, PendingArg a) {
        String ref = String.format("arg %d of %s%s '%s' %s proxy '%s'", a.argPos() + 1,
                a.conv() != null ? "conversion keyword '" + a.conv() + "' for " : "",
                a.acl() ? "ACL keyword" : "sample fetch keyword", a.kw(), a.where(), px.name());
        String text = a.text();
        switch (a.type()) {
            case "SRV" -> {
                if (text.isEmpty()) {
                    return "missing server name in " + ref + ".";
                }
                int slash = text.lastIndexOf('/');
                ProxyBuilder target = px;
                String pname = px.name();
                String sname = text;
                if (slash >= 0) {
                    pname = text.substring(0, slash);
                    sname = text.substring(slash + 1);
                    target = proxy(cfg, pname, ProxyCapability.BACKEND);
                    if (target == null) {
                        return String.format("unable to find proxy '%s' referenced in %s.", pname, ref);
                    }
                } else if (px.isDefaults()) {
                    return "backend name must be set in " + ref + ".";
                }
                if (!RuleReferences.hasServer(target, sname)) {
                    return String.format("unable to find server '%s' in proxy '%s', referenced in %s.", sname, pname, ref);
                }
                return null;
            }
            case "FE", "BE" -> {
                ProxyCapability cap = a.type().equals("FE") ? ProxyCapability.FRONTEND : ProxyCapability.BACKEND;
                String what = cap == ProxyCapability.FRONTEND ? "frontend" : "backend";
                ProxyBuilder target = text.isEmpty() ? px : proxy(cfg, text, cap);
                if (target == null) {
                    return String.format("unable to find %s '%s' referenced in %s.", what, text, ref);
                }
                if (!target.has(cap)) {
                    return String.format("proxy '%s', referenced in %s, has not %s capability.", target.name(), ref, what);
                }
                return null;
            }
            case "TAB" -> {
                String name = text;
                if (name.isEmpty()) {
                    if (px.isDefaults()) {
                        return "table name must be set in " + ref + ".";
                    }
                    name = px.name();
                }
                if (name.contains("/") || RuleReferences.findTable(cfg, name)) {
                    return null; // peers sections' tables are named "peers/table"
                }
                return String.format("unable to find table '%s' referenced in %s.", name, ref);
            }
            case "USR" -> {
                if (text.isEmpty()) {
                    return "missing userlist name in " + ref + ".";
                }
                if (cfg.otherSections().find("userlist", text) == null) {
                    return String.format("unable to find userlist '%s' referenced in %s.", text, ref);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** proxy_be_by_name()/proxy_fe_by_name(): the proxy of that name having the capability. */
    private static ProxyBuilder proxy(ConfigBuilder cfg, String name, ProxyCapability cap) {
        for (ProxyBuilder p : cfg.proxies()) {
            if (p.name().equals(name) && p.has(cap)) {
                return p;
            }
        }
        return null;
    }
}
