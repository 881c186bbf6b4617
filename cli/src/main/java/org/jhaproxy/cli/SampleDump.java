package org.jhaproxy.cli;

import java.io.PrintStream;
import java.util.Comparator;
import org.jhaproxy.config.sample.ArgSignature;
import org.jhaproxy.config.sample.CheckPlace;
import org.jhaproxy.config.sample.Converter;
import org.jhaproxy.config.sample.SampleFetch;
import org.jhaproxy.config.sample.SampleRegistry;

/**
 * -dKsmp and -dKcnv: the sample fetches and converters of the registry, in name order and in
 * haproxy's layout (smp_dump_fetch_kw, smp_dump_conv_kw): a chart of the places a fetch may be
 * used, one "Y"/"." column per place, then "name(args): type"; converters as
 * "name(args): output => input".
 */
final class SampleDump {
    private SampleDump() {
    }

    static void fetches(PrintStream out) {
        CheckPlace[] places = CheckPlace.values();
        int n = places.length;
        for (int bit = 0; bit <= n + 1; bit++) {
            StringBuilder sb = new StringBuilder("#");
            for (int i = 0; bit + i <= n; i++) {
                sb.append(' ');
            }
            for (int i = 0; i < bit && i < n; i++) {
                sb.append(bit <= n ? "/ " : " |");
            }
            for (int i = bit; bit < n && i < n + 2; i++) {
                sb.append(i == bit ? '_' : i == bit + 1 ? '.' : '-');
            }
            sb.append(' ').append(bit < n ? places[bit].description() : "");
            out.println(sb);
        }
        java.util.Set<String> executed = org.jhaproxy.runtime.sample.Fetches.names();
        SampleRegistry.standard().fetches().stream().filter(f -> executed.contains(f.name()))
                .sorted(Comparator.comparing(SampleFetch::name)).forEach(f -> {
            StringBuilder sb = new StringBuilder("[ ");
            for (CheckPlace p : places) {
                sb.append((f.validAt() & p.bit()) != 0 ? "Y " : ". ");
            }
            sb.append("] ").append(f.name()).append(args(f.args())).append(": ").append(f.outType().dumpName());
            out.println(sb);
        });
    }

    static void converters(PrintStream out) {
        java.util.Set<String> executed = org.jhaproxy.runtime.sample.Converters.names();
        SampleRegistry.standard().converters().stream().filter(c -> executed.contains(c.name()))
                .sorted(Comparator.comparing(Converter::name)).forEach(c ->
                out.println(c.name() + args(c.args()) + ": " + c.outType().dumpName() + " => " + c.inType().dumpName()));
    }

    /** "(t1,t2[,t3])": the optional ones in brackets; nothing when there are no arguments. */
    private static String args(ArgSignature sig) {
        if (sig.types().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("(");
        int arg = 0;
        for (; arg < sig.types().size(); arg++) {
            if (arg == sig.mandatory()) {
                sb.append('[');
            }
            if (arg > 0) {
                sb.append(',');
            }
            sb.append(sig.types().get(arg).displayName());
        }
        if (arg > sig.mandatory()) {
            sb.append(']');
        }
        return sb.append(')').toString();
    }
}
