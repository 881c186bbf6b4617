package org.jhaproxy.config.model;

/**
 * A keyword as used in the configuration: which section kind, which keyword, its first argument
 * ("" if none: "timeout client" has "client"), where, and whether the line is the section's
 * header ("frontend fe") rather than a keyword inside it.
 */
public record KeywordUse(String section, String keyword, String sub, Position at, boolean header) {
}
