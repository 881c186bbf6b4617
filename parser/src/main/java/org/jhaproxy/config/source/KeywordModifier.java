package org.jhaproxy.config.source;

/** The "no" and "default" prefixes a line may start with (KWM_STD/KWM_NO/KWM_DEF). */
public enum KeywordModifier {
    STD, NO, DEF
}
