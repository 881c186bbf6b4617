package org.jhaproxy.config.model;

/** A keyword as used in the configuration: which section kind, which keyword, where. */
public record KeywordUse(String section, String keyword, Position at) {
}
