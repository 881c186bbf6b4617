package org.jhaproxy.runtime.sample;

import java.util.List;
import java.util.Map;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.log.Captures;

/**
 * The converters that keep their input somewhere and pass it on unchanged (configuration.txt
 * 7.3.1): set-var(name) and unset-var(name), capture-req(id) and capture-res(id); and
 * add_item(delim,[var][,suffix]), which appends a variable and a suffix to a list.
 */
final class StoreConverters {
    private StoreConverters() {
    }

    static void register(Map<String, Converters.Factory> m) {
        m.put("set-var", (a, s) -> {
            if (a.size() > 1) {
                throw new NotSupported("set-var conditions are not supported by jhaproxy yet.");
            }
            VarRef ref = VarRef.parse(a.get(0).text());
            return (in, c) -> {
                // a scope the stream cannot write (no check variables outside a check) fails the sample
                Vars v = c.vars(ref.scope(), true);
                if (v == null) {
                    return null;
                }
                v.set(ref.name(), in);
                return in;
            };
        });
        m.put("unset-var", (a, s) -> {
            VarRef ref = VarRef.parse(a.get(0).text());
            return (in, c) -> {
                ref.unset(c);
                return in;
            };
        });
        m.put("capture-req", (a, s) -> capture(a, false));
        m.put("capture-res", (a, s) -> capture(a, true));
        m.put("add_item", (a, s) -> addItem(Converters.text(a, 0), Converters.text(a, 1), Converters.text(a, 2)));
    }

    /** The input kept in capture slot id (cut to the slot's length); no value without that slot. */
    private static SampleConverter capture(List<SampleArg> a, boolean response) {
        int id = Converters.sint(a, 0);
        return (in, c) -> {
            Captures caps = c.captures();
            if (caps == null || id < 0 || id >= caps.count(response)) {
                return null;
            }
            caps.set(response, id, (String) in.value());
            return in;
        };
    }

    /**
     * add_item: the input, then the delimiter when the input is not empty and something
     * follows, then the variable as text (when set), then the suffix.
     */
    static SampleConverter addItem(String delim, String var, String suffix) {
        VarRef ref = var.isEmpty() ? null : VarRef.parse(var);
        return (in, c) -> {
            String s = (String) in.value();
            String v = null;
            if (ref != null) {
                Sample smp = ref.get(c);
                v = smp == null ? null : smp.asString();
            }
            StringBuilder sb = new StringBuilder(s);
            if (!s.isEmpty() && ((v != null && !v.isEmpty()) || !suffix.isEmpty())) {
                sb.append(delim);
            }
            if (v != null) {
                sb.append(v);
            }
            return Sample.str(sb.append(suffix).toString());
        };
    }
}
