package org.jhaproxy.config.acl;

/** An ACL keyword: a fetch with a default match method, e.g. "path_beg" = path -m beg. */
public record AclKeyword(String name, String fetch, MatchMethod method) {
}
