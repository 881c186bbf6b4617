package org.jhaproxy.runtime.acl;

import java.util.List;
import org.jhaproxy.config.acl.MatchMethod;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleConverter;

/**
 * The map converters (configuration.txt section 7.3.1 "map"): the map file is a shared
 * {@link PatternReference} ("key value" per line, '#' comments) that the stats socket may
 * change; the input is matched against the keys with the method the name says (map_str exact,
 * map_beg longest prefix, map_sub, map_end, map_dom, map_reg, map_ip longest prefix, map_int)
 * and the matching key's value is returned, else the default.
 */
public final class MapConverter {
    private MapConverter() {
    }

    public static SampleConverter create(String kind, List<SampleArg> args, CompileScope scope) throws NotSupported {
        String[] parts = kind.split("_");
        MatchMethod method = MatchMethod.byName(parts.length > 1 ? parts[1] : "str");
        if (method == null || method == MatchMethod.BIN) {
            throw new NotSupported("converter '" + kind + "' is not supported by jhaproxy yet.");
        }
        // map_<match>_<output>: the output is a string unless "_int" or "_ip" says otherwise
        String o = parts.length > 2 ? parts[2] : "str";
        PatternExpression.Output out = o.equals("int") ? PatternExpression.Output.INT
                : o.equals("ip") ? PatternExpression.Output.IP : PatternExpression.Output.STR;
        String file = args.get(0).text();
        Sample dflt = args.size() > 1 ? value(args.get(1).text(), out) : null;
        PatternReferences refs = scope.patterns();
        PatternReferences.Origin at = refs.origin(scope.at(), scope.deferred());
        PatternReference ref = refs.file(file, scope.file(file), true, PatternReference.MAP, at);
        if (method == MatchMethod.REGM) {
            // matched as map_reg; the value's "\N" then take the groups of the match
            return RegmSubstitution.converter(ref.expression(MatchMethod.REG, false, out, at), dflt);
        }
        PatternExpression expr = ref.expression(method, false, out, at);
        return (in, c) -> {
            PatternElement e = expr.find(in);
            if (e == null) {
                return dflt;
            }
            Sample v = expr.value(e);
            // an entry without a usable value answers 1 (sample_conv_map())
            return v != null ? v : Sample.sint(1);
        };
    }

    private static Sample value(String text, PatternExpression.Output out) {
        if (out == PatternExpression.Output.INT) {
            try {
                return Sample.sint(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return Sample.sint(0);
            }
        }
        if (out == PatternExpression.Output.IP) {
            java.net.InetAddress a = org.jhaproxy.runtime.sample.Addresses.parse(text);
            return a == null ? null : Sample.addr(a);
        }
        return Sample.str(text);
    }
}
