package org.jhaproxy.config.source;

/** Why HAProxy's line parser rejected a line (PARSE_ERR_* in tools.h), in its reporting order. */
public enum LineError {
    QUOTE("unmatched quote"),
    BRACE("unmatched brace in environment variable name"),
    VARNAME("forbidden first char in environment variable name"),
    HEX("truncated or invalid hexadecimal sequence"),
    WRONG_EXPAND("truncated or invalid word expansion sequence"),
    TOO_MANY("too many words");

    private final String text;

    LineError(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
