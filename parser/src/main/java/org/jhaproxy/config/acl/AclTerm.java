package org.jhaproxy.config.acl;

/** One ACL of a condition suite, possibly negated with '!'. */
public record AclTerm(boolean negated, Acl acl) {
}
