package org.jhaproxy.config.acl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jhaproxy.config.sample.ConverterCall;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExpr;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleFetch;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.config.sample.SampleType;

/**
 * Parses the expression of one ACL, "&lt;fetch&gt; [flags] [operator] [patterns]", as HAProxy
 * 2.6's parse_acl_expr(): an ACL keyword (with its default match) or any sample fetch with
 * converters, the flags -i -n -u -f -m -M --, then the patterns, which are checked against
 * the match method (numbers and ranges for "int", addresses for "ip").
 */
public final class AclExprParser {
    private final SampleRegistry registry;
    private final SampleExprParser samples;
    private final Function<String, Path> files;
    private final Consumer<String> warnings;

    /** @param warnings receives HAProxy's warnings (without the "[WARNING] config :" prefix) */
    public AclExprParser(SampleRegistry registry, Function<String, Path> files, Consumer<String> warnings) {
        this.registry = registry;
        this.samples = new SampleExprParser(registry, files);
        this.files = files;
        this.warnings = warnings;
    }

    public SampleExprParser samples() {
        return samples;
    }

    /** {@code args.get(from)} is the fetch or ACL keyword; patterns run to the first empty word. */
    public AclExpr parse(List<String> args, int from) throws ExprError {
        String kw0 = word(args, from);
        AclKeyword aclkw = AclKeywords.find(kw0);
        SampleExpr smp;
        MatchMethod method = null;
        SampleType curType;
        if (aclkw != null) {
            SampleFetch fetch = registry.fetch(aclkw.fetch());
            smp = samples.parseAclKeyword(kw0, fetch, aclkw.name());
            curType = smp.outputType();
            if (smp.converters().isEmpty()) {
                method = aclkw.method();
            }
        } else {
            try {
                smp = samples.parseForAcl(List.of(kw0), 0).expr();
            } catch (ExprError e) {
                throw new ExprError(e.getMessage() + " in ACL expression '" + kw0 + "'");
            }
            curType = smp.outputType();
        }
        String kwName = aclkw != null && smp.converters().isEmpty() ? aclkw.name() : smp.fetch().name();
        if (method == null) {
            method = MatchMethod.implicitFor(curType);
        }
        if (method != null && curType != SampleType.BOOL && word(args, from + 1).isEmpty()) {
            warnings.accept("parsing acl keyword '" + kw0 + "' :\n"
                    + "  no pattern to match against were provided, so this ACL will never match.\n"
                    + "  If this is what you intended, please add '--' to get rid of this warning.\n"
                    + "  If you intended to match only for existence, please use '-m found'.\n"
                    + "  If you wanted to force an int to match as a bool, please use '-m bool'.\n\n");
        }
        int i = from + 1;
        boolean ignoreCase = false;
        boolean loaded = false;
        List<String> patternFiles = new ArrayList<>();
        List<String> mapFiles = new ArrayList<>();
        boolean asMap = false;
        while (word(args, i).startsWith("-")) {
            String a = word(args, i);
            switch (a) {
                case "-i" -> ignoreCase = true;
                case "-n" -> {
                }
                case "-M" -> asMap = true;
                case "-u" -> {
                    if (!word(args, i + 1).matches("-?[0-9]*")) {
                        throw new ExprError("the argument of -u must be an integer");
                    }
                    i++;
                }
                case "-f" -> {
                    if (method == null) {
                        throw new ExprError("matching method must be specified first (using '-m') when using a sample fetch of this type ('" + kwName + "')");
                    }
                    String file = word(args, i + 1);
                    Path p = files.apply(file);
                    if (file.isEmpty() || p == null || !Files.isRegularFile(p) || !Files.isReadable(p)) {
                        throw new ExprError("failed to open pattern file <" + file + ">");
                    }
                    patternFiles.add(file);
                    if (asMap) {
                        mapFiles.add(file);
                    }
                    loaded = true;
                    i++;
                }
                case "-m" -> {
                    if (loaded) {
                        throw new ExprError("'-m' must only be specified before patterns and files in parsing ACL expression");
                    }
                    MatchMethod m = MatchMethod.byName(word(args, i + 1));
                    if (m == null) {
                        throw new ExprError("unknown matching method '" + word(args, i + 1) + "' when parsing ACL expression");
                    }
                    if (m != MatchMethod.FOUND && !curType.castsTo(m.expects())) {
                        throw new ExprError("matching method '" + word(args, i + 1) + "' cannot be used with fetch keyword '" + kwName + "'");
                    }
                    method = m;
                    i++;
                }
                case "--" -> {
                    i++;
                    return finish(args, i, kwName, smp, method, ignoreCase, patternFiles, mapFiles);
                }
                default -> throw new ExprError("'" + a + "' is not a valid ACL option. Please use '--' before any pattern beginning with a '-'");
            }
            i++;
        }
        return finish(args, i, kwName, smp, method, ignoreCase, patternFiles, mapFiles);
    }

    /** The ACL keywords matching "major.minor" versions (pat_parse_dotted_ver()). */
    private static boolean dottedVersion(String kw) {
        return kw.equals("req_ssl_ver") || kw.equals("req.ssl_ver");
    }

    private AclExpr finish(List<String> args, int i, String kwName, SampleExpr smp, MatchMethod method,
                           boolean ignoreCase, List<String> patternFiles, List<String> mapFiles) throws ExprError {
        if (method == null) {
            throw new ExprError("matching method must be specified first (using '-m') when using a sample fetch of this type ('" + kwName + "')");
        }
        List<String> patterns = new ArrayList<>();
        boolean equality = true;
        String operator = "eq";
        for (; !word(args, i).isEmpty(); i++) {
            String p = word(args, i);
            if (method == MatchMethod.INT && isOperator(p)) {
                equality = p.equals("eq");
                operator = p;
                continue;
            }
            boolean dotted = method == MatchMethod.INT && dottedVersion(kwName);
            if (method == MatchMethod.INT && !equality && p.indexOf(':') < 0 && p.indexOf('-') < 0) {
                if (dotted) {
                    patterns.add(DottedVersions.asRange(operator, p));
                    continue;
                }
                if (!AclPatterns.isNumber(p)) {
                    throw new ExprError("'" + p + "' is neither a number nor a supported operator");
                }
            } else if (dotted) {
                AclPatterns.checkDottedRange(p);
            } else {
                AclPatterns.check(method, p);
            }
            patterns.add(dotted ? p : asRange(operator, p));
        }
        return new AclExpr(kwName, smp, method, ignoreCase, patterns, patternFiles, mapFiles);
    }

    /**
     * An integer pattern after an operator, written as the range it means (pat_parse_int():
     * "gt 5" is "6:", "le 5" is ":5"), so the pattern list alone says what matches.
     */
    private static String asRange(String operator, String p) {
        if (operator.equals("eq") || p.indexOf(':') >= 0 || p.indexOf('-', 1) >= 0) {
            return p;
        }
        long v = Long.parseLong(p.startsWith("+") ? p.substring(1) : p);
        return switch (operator) {
            case "gt" -> (v + 1) + ":";
            case "ge" -> v + ":";
            case "lt" -> ":" + (v - 1);
            case "le" -> ":" + v;
            default -> p;
        };
    }

    private static boolean isOperator(String s) {
        return s.equals("eq") || s.equals("le") || s.equals("lt") || s.equals("ge") || s.equals("gt");
    }

    static String word(List<String> args, int i) {
        return i < args.size() ? args.get(i) : "";
    }

    /** The converters found after an ACL keyword, for callers that need them. */
    static List<ConverterCall> converters(SampleExpr e) {
        return e.converters();
    }
}
