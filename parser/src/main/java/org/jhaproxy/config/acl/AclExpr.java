package org.jhaproxy.config.acl;

import java.util.List;
import org.jhaproxy.config.sample.SampleExpr;

/**
 * One expression of an ACL: the keyword as written, the sample it fetches, how it matches,
 * its flags ("-i", "-n"...), its patterns and pattern files.
 */
public record AclExpr(String keyword, SampleExpr sample, MatchMethod method, boolean ignoreCase,
                      List<String> patterns, List<String> patternFiles) {
    public AclExpr {
        patterns = List.copyOf(patterns);
        patternFiles = List.copyOf(patternFiles);
    }

    /** Where the fetch may be used (the capability bits of its sample fetch). */
    public int validAt() {
        return sample.fetch().validAt();
    }
}
