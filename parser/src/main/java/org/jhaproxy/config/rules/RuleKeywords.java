package org.jhaproxy.config.rules;

import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.ProxyBuilder;

/** The proxy keywords holding ACLs and rules: acl, http-request, tcp-request, use_backend... */
public final class RuleKeywords {
    private RuleKeywords() {
    }

    public static void register(KeywordTable<ProxyBuilder> table) {
        table.add("acl", "acl <name> <criterion> [flags] [operator] <value> ...", AclLines::acl)
                .add("http-request", "http-request <action> [options...] [ { if | unless } <condition> ]", HttpRules::httpRequest)
                .add("http-response", "http-response <action> [options...] [ { if | unless } <condition> ]", HttpRules::httpResponse)
                .add("http-after-response", "http-after-response <action> [options...] [ { if | unless } <condition> ]", HttpRules::httpAfterResponse)
                .add("tcp-request", "tcp-request { inspect-delay <timeout> | connection|session|content <action> [{if | unless} <condition>] }", TcpRules::tcpRequest)
                .add("tcp-response", "tcp-response { inspect-delay <timeout> | content <action> [{if | unless} <condition>] }", TcpRules::tcpResponse)
                .add("use_backend", "use_backend <backend> [{if | unless} <condition>]", SwitchingRules::useBackend)
                .add("use-server", "use-server <server> if|unless <condition>", SwitchingRules::useServer)
                .add("force-persist", "force-persist { if | unless } <condition>", SwitchingRules::persist)
                .add("ignore-persist", "ignore-persist { if | unless } <condition>", SwitchingRules::persist)
                .add("redirect", "redirect location|prefix|scheme <to> [code <code>] <option> [{if | unless} <condition>]", SwitchingRules::redirect)
                .add("monitor", "monitor fail { if | unless } <condition>", SwitchingRules::monitor)
                .add("monitor-uri", "monitor-uri <uri>", SwitchingRules::monitorUri)
                .add("stick-table", "stick-table type <type> size <size> [expire <expire>] [nopurge] [peers <peers>] [store <data_type>]*", StickRules::stickTable)
                .add("stick", "stick on|match|store-request|store-response <pattern> [table <table>] [{if | unless} <cond>]", StickRules::stick)
                .add("filter", "filter <name> [param*]", Filters::filter);
    }
}
