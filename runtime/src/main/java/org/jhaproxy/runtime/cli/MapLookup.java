package org.jhaproxy.runtime.cli;

import org.jhaproxy.runtime.acl.PatternElement;
import org.jhaproxy.runtime.acl.PatternExpression;
import org.jhaproxy.runtime.acl.PatternReference;
import org.jhaproxy.runtime.sample.Sample;

/**
 * "get map|acl <ref> <value>" (cli_io_handler_map_lookup()): the value matched as a string
 * sample against every way the reference is used, one line each, saying what matched.
 */
final class MapLookup {
    private MapLookup() {
    }

    static String get(CliRequest r) {
        boolean map = MapCommands.isMap(r);
        if (r.arg(2).isEmpty() || r.arg(3).isEmpty()) {
            return "Missing " + (map ? "map" : "ACL") + " identifier and/or key.\n";
        }
        PatternReference ref = MapCommands.refs(r).lookup(r.arg(2));
        if (ref == null) {
            return MapCommands.unknown(r);
        }
        Sample in = Sample.str(r.arg(3));
        StringBuilder b = new StringBuilder();
        for (PatternExpression x : ref.expressions()) {
            PatternElement e = x.find(in);
            b.append("type=").append(x.method().keyword()).append(", case=")
                    .append(x.ignoreCase() ? "insensitive" : "sensitive");
            if (e == null) {
                b.append(map ? ", found=no" : ", match=no");
            } else {
                b.append(map ? ", found=yes" : ", match=yes").append(", idx=").append(x.indexType());
                b.append(map ? ", key=\"" : ", pattern=\"").append(e.pattern()).append('"');
                if (map) {
                    Sample v = x.output() == PatternExpression.Output.NONE ? null : x.value(e);
                    if (v != null) {
                        b.append(", value=\"").append(e.sample()).append("\", type=\"")
                                .append(v.type().name().toLowerCase(java.util.Locale.ROOT)).append('"');
                    } else {
                        b.append(", value=none");
                    }
                }
            }
            b.append('\n');
        }
        return b.toString();
    }
}
