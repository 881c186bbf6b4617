package org.jhaproxy.config;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.section.GlobalSection;
import org.jhaproxy.config.section.ProxyParseState;
import org.jhaproxy.config.section.ProxySection;
import org.jhaproxy.config.source.Section;

/** The section kinds HAProxy 2.6 registers, in its registration order. */
public final class Sections {
    private Sections() {
    }

    public static List<Section> standard(Keywords kw) {
        ProxyParseState proxyState = new ProxyParseState();
        List<Section> list = new ArrayList<>();
        // HAProxy 2.6's REGISTER_CONFIG_SECTION calls, in link order (log.c, cfgparse.c,
        // resolvers.c, http_htx.c, cache.c, sink.c, fcgi-app.c, mworker-prog.c)
        list.add(new org.jhaproxy.config.section.LogForwardSection());
        for (String s : List.of("listen", "frontend", "backend", "defaults")) {
            list.add(new ProxySection(s, kw.proxy, proxyState));
        }
        list.add(new GlobalSection(kw.global));
        list.add(new org.jhaproxy.config.section.UserlistSection());
        list.add(new org.jhaproxy.config.section.PeersSection());
        list.add(new org.jhaproxy.config.section.MailersSection());
        list.add(new org.jhaproxy.config.section.NamespaceListSection());
        list.add(new org.jhaproxy.config.section.ResolversSection());
        list.add(new org.jhaproxy.config.section.HttpErrorsSection());
        list.add(new org.jhaproxy.config.section.CacheSection());
        list.add(new org.jhaproxy.config.section.RingSection());
        list.add(new org.jhaproxy.config.section.FcgiAppSection());
        list.add(new org.jhaproxy.config.section.ProgramSection());
        return list;
    }
}
