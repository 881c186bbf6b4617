package org.jhaproxy.runtime.sample;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jhaproxy.config.sample.SampleArg;

/**
 * The converters the runtime executes (configuration.txt section 7.3.1), by name. Any other
 * converter refuses the start.
 */
public final class Converters {
    /** Builds a converter from its parsed arguments, once, at start-up. */
    @FunctionalInterface
    public interface Factory {
        SampleConverter create(List<SampleArg> args, CompileScope scope) throws NotSupported;
    }

    private static final Map<String, Factory> FACTORIES = new HashMap<>();

    static {
        add("lower", (a, s) -> (in, c) -> Sample.str(((String) in.value()).toLowerCase(Locale.ROOT)));
        add("upper", (a, s) -> (in, c) -> Sample.str(((String) in.value()).toUpperCase(Locale.ROOT)));
        add("length", (a, s) -> (in, c) -> Sample.sint(((String) in.value()).length()));
        add("len", (a, s) -> (in, c) -> Sample.sint(((String) in.value()).length()));
        add("field", (a, s) -> TextConverters.field(sint(a, 0), text(a, 1), a.size() > 2 && !text(a, 2).isEmpty() ? sint(a, 2) : 1));
        add("word", (a, s) -> TextConverters.word(sint(a, 0), text(a, 1), a.size() > 2 && !text(a, 2).isEmpty() ? sint(a, 2) : 1));
        add("regsub", (a, s) -> TextConverters.regsub(text(a, 0), text(a, 1), a.size() > 2 ? text(a, 2) : ""));
        add("concat", (a, s) -> TextConverters.concat(text(a, 0), a.size() > 1 ? text(a, 1) : "", a.size() > 2 ? text(a, 2) : ""));
        add("base64", (a, s) -> (in, c) -> Sample.str(Base64.getEncoder().encodeToString((byte[]) in.value())));
        add("hex", (a, s) -> (in, c) -> Sample.str(TextConverters.hex((byte[]) in.value())));
        add("bytes", (a, s) -> TextConverters.bytes(sint(a, 0), a.size() > 1 && !text(a, 1).isEmpty() ? sint(a, 1) : -1));
        add("ltrim", (a, s) -> TextConverters.trim(text(a, 0), true, false));
        add("rtrim", (a, s) -> TextConverters.trim(text(a, 0), false, true));
        add("ipmask", (a, s) -> AddressConverters.ipmask(text(a, 0), a.size() > 1 ? text(a, 1) : ""));
        // arithmetic (7.3.1): a constant or a variable operand
        add("add", (a, s) -> Arithmetic.of(a, Math::addExact));
        add("sub", (a, s) -> Arithmetic.of(a, Math::subtractExact));
        add("mul", (a, s) -> Arithmetic.of(a, Math::multiplyExact));
        add("div", (a, s) -> Arithmetic.of(a, (x, y) -> y == 0 ? Long.MAX_VALUE : x / y));
        add("mod", (a, s) -> Arithmetic.of(a, (x, y) -> y == 0 ? 0 : x % y));
        add("neg", (a, s) -> (in, c) -> Sample.sint(-(Long) in.value()));
        add("not", (a, s) -> (in, c) -> Sample.bool(!(Boolean) in.value()));
        add("bool", (a, s) -> (in, c) -> Sample.bool((Long) in.value() != 0));
        add("iif", (a, s) -> {
            Sample yes = Sample.str(text(a, 0));
            Sample no = Sample.str(text(a, 1));
            return (in, c) -> (Boolean) in.value() ? yes : no;
        });
        org.jhaproxy.runtime.stick.TableConverters.register(FACTORIES);
        for (String kind : List.of("map", "map_str", "map_beg", "map_sub", "map_end", "map_dom", "map_reg", "map_ip",
                "map_int", "map_str_int", "map_beg_int", "map_sub_int", "map_end_int", "map_dom_int", "map_reg_int",
                "map_ip_int", "map_int_int", "map_str_str", "map_ip_str", "map_int_str")) {
            add(kind, (a, s) -> org.jhaproxy.runtime.acl.MapConverter.create(kind, a, s));
        }
    }

    private Converters() {
    }

    private static void add(String name, Factory f) {
        FACTORIES.put(name, f);
    }

    /** The names of the converters the runtime executes (-dK lists only those). */
    public static java.util.Set<String> names() {
        return java.util.Set.copyOf(FACTORIES.keySet());
    }

    public static SampleConverter create(String name, List<SampleArg> args, CompileScope scope) throws NotSupported {
        Factory f = FACTORIES.get(name);
        if (f == null) {
            throw new NotSupported("converter '" + name + "' is not supported by jhaproxy yet.");
        }
        return f.create(args, scope);
    }

    static String text(List<SampleArg> a, int i) {
        return i < a.size() ? a.get(i).text() : "";
    }

    static int sint(List<SampleArg> a, int i) {
        return Integer.parseInt(text(a, i));
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
