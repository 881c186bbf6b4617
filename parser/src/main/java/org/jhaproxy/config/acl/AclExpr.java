package org.jhaproxy.config.acl;

import java.util.List;
import org.jhaproxy.config.sample.SampleExpr;

/**
 * One expression of an ACL: the keyword as written, the sample it fetches, how it matches,
 * its flags ("-i", "-n"...), its patterns and pattern files, and among those the ones loaded
 * as maps ("-M" before "-f": "key value" lines whose keys are the patterns).
 */
public record AclExpr(String keyword, SampleExpr sample, MatchMethod method, boolean ignoreCase,
                      List<String> patterns, List<String> patternFiles, List<String> mapFiles) {
    public AclExpr {
        patterns = List.copyOf(patterns);
        patternFiles = List.copyOf(patternFiles);
        mapFiles = List.copyOf(mapFiles);
    }

    public AclExpr(String keyword, SampleExpr sample, MatchMethod method, boolean ignoreCase,
                   List<String> patterns, List<String> patternFiles) {
        this(keyword, sample, method, ignoreCase, patterns, patternFiles, List.of());
    }

    /** req.ssl_ver's integer patterns are "major.minor" versions (pat_parse_dotted_ver()). */
    public boolean dottedVersion() {
        return method == MatchMethod.INT && (keyword.equals("req_ssl_ver") || keyword.equals("req.ssl_ver"));
    }

    /** Where the fetch may be used (the capability bits of its sample fetch). */
    public int validAt() {
        return sample.fetch().validAt();
    }
}
