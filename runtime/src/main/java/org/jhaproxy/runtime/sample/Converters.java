package org.jhaproxy.runtime.sample;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
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
        // tolower()/toupper() of the C locale: bytes above 127 do not change
        add("lower", (a, s) -> (in, c) -> Sample.str(TextConverters.asciiLower((String) in.value())));
        add("upper", (a, s) -> (in, c) -> Sample.str(TextConverters.asciiUpper((String) in.value())));
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
        add("cpl", (a, s) -> (in, c) -> Sample.sint(~(Long) in.value()));
        add("and", (a, s) -> Arithmetic.of(a, (x, y) -> x & y));
        add("or", (a, s) -> Arithmetic.of(a, (x, y) -> x | y));
        add("xor", (a, s) -> Arithmetic.of(a, (x, y) -> x ^ y));
        add("odd", (a, s) -> (in, c) -> Sample.bool(((Long) in.value() & 1) != 0));
        add("even", (a, s) -> (in, c) -> Sample.bool(((Long) in.value() & 1) == 0));
        add("strcmp", (a, s) -> Comparisons.strcmp(VarRef.parse(text(a, 0))));
        add("secure_memcmp", (a, s) -> Comparisons.secureMemcmp(VarRef.parse(text(a, 0))));
        // dates (7.3.1 http_date, ltime, utime)
        add("http_date", (a, s) -> TimeConverters.httpDate(number(a, 0), text(a, 1)));
        add("ltime", (a, s) -> TimeConverters.strftime(text(a, 0), number(a, 1), true));
        add("utime", (a, s) -> TimeConverters.strftime(text(a, 0), number(a, 1), false));
        // encodings
        add("url_dec", (a, s) -> {
            boolean form = number(a, 0) != 0;
            return (in, c) -> {
                String r = EncodingConverters.urlDecode((String) in.value(), form);
                return r == null ? null : Sample.str(r);
            };
        });
        add("url_enc", (a, s) -> (in, c) -> Sample.str(EncodingConverters.urlEncode((String) in.value())));
        add("hex2i", (a, s) -> (in, c) -> EncodingConverters.hex2i((String) in.value()));
        add("be2dec", (a, s) -> {
            String sep = text(a, 0);
            int chunk = (int) number(a, 1);
            boolean truncate = number(a, 2) != 0;
            return (in, c) -> Sample.str(EncodingConverters.be2dec((byte[]) in.value(), sep, chunk, truncate));
        });
        add("be2hex", (a, s) -> {
            String sep = text(a, 0);
            int chunk = (int) number(a, 1);
            boolean truncate = number(a, 2) != 0;
            return (in, c) -> Sample.str(EncodingConverters.be2hex((byte[]) in.value(), sep, chunk, truncate));
        });
        add("htonl", (a, s) -> (in, c) -> Sample.bin(EncodingConverters.htonl((Long) in.value())));
        add("cut_crlf", (a, s) -> (in, c) -> Sample.str(EncodingConverters.cutCrlf((String) in.value())));
        add("b64dec", (a, s) -> (in, c) -> {
            byte[] b = Base64Text.decode((String) in.value());
            return b == null ? null : Sample.bin(b);
        });
        add("ub64dec", (a, s) -> (in, c) -> {
            byte[] b = Base64Text.decodeUrl((String) in.value());
            return b == null ? null : Sample.bin(b);
        });
        add("ub64enc", (a, s) -> (in, c) -> Sample.str(Base64Text.encodeUrl((byte[]) in.value())));
        add("host_only", (a, s) -> (in, c) -> Sample.str(HostConverters.hostOnly((String) in.value())));
        add("port_only", (a, s) -> (in, c) -> Sample.sint(HostConverters.portOnly((String) in.value())));
        add("json", (a, s) -> {
            String mode = text(a, 0);
            return (in, c) -> {
                String r = JsonEscape.escape((String) in.value(), mode);
                return r == null ? null : Sample.str(r);
            };
        });
        add("language", (a, s) -> {
            String languages = text(a, 0);
            String dflt = a.size() > 1 ? text(a, 1) : null;
            return (in, c) -> {
                String r = AcceptLanguage.preferred((String) in.value(), languages, dflt);
                return r == null ? null : Sample.str(r);
            };
        });
        HashConverters.register(FACTORIES);
        StoreConverters.register(FACTORIES);
        ProxyConverters.register(FACTORIES);
        org.jhaproxy.runtime.stick.TableConverters.register(FACTORIES);
        for (String kind : List.of("map", "map_str", "map_beg", "map_sub", "map_end", "map_dom", "map_reg", "map_ip",
                "map_int", "map_str_int", "map_beg_int", "map_sub_int", "map_end_int", "map_dom_int", "map_reg_int",
                "map_ip_int", "map_int_int", "map_str_str", "map_ip_str", "map_int_str", "map_dir", "map_dir_int",
                "map_regm", "map_str_ip", "map_beg_ip", "map_sub_ip", "map_end_ip", "map_dom_ip", "map_reg_ip", "map_ip_ip",
                "map_int_ip", "map_dir_ip")) {
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

    /** An optional integer argument: 0 when absent or empty. */
    static long number(List<SampleArg> a, int i) {
        String t = text(a, i).strip();
        return t.isEmpty() ? 0 : org.jhaproxy.config.global.CNumber.atol(t);
    }

    static int sint(List<SampleArg> a, int i) {
        return Integer.parseInt(text(a, i));
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
