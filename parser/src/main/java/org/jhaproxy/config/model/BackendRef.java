package org.jhaproxy.config.model;

/**
 * A backend named by a "default_backend" or "use_backend" line, resolved by check_config_validity().
 * {@code dynamic} is true when the name is a log-format expression (use_backend %[...]), which is
 * resolved at run time and not checked.
 */
public record BackendRef(String name, Position at, boolean dynamic) {
}
