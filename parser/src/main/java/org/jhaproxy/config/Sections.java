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
        for (String s : List.of("listen", "frontend", "backend", "defaults")) {
            list.add(new ProxySection(s, kw.proxy, proxyState));
        }
        list.add(new GlobalSection(kw.global));
        return list;
    }
}
