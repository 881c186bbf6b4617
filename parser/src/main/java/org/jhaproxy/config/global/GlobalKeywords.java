package org.jhaproxy.config.global;

import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.GlobalBuilder;

/** The keywords of the "global" section (cfgparse-global.c and the modules' CFG_GLOBAL lists). */
public final class GlobalKeywords {
    private GlobalKeywords() {
    }

    public static void register(KeywordTable<GlobalBuilder> table) {
    }
}
