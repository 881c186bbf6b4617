package org.jhaproxy.runtime.comp;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;

/**
 * A proxy's "compression" lines, resolved once at start (parse_compression_options()): the
 * algorithms, each line's words put before the earlier ones as haproxy links them, so the last
 * one named comes first; the content-type prefixes; "offload". A proxy inherits the algorithms
 * and types of its defaults section, never its "offload".
 */
public record CompSettings(List<CompAlgo> algos, List<String> types, boolean offload) {
    public CompSettings {
        algos = List.copyOf(algos);
        types = List.copyOf(types);
    }

    /** The settings of {@code p}, or null when it has no "compression" line (no filter then). */
    public static CompSettings of(ProxyConfig p) {
        List<CompAlgo> algos = new ArrayList<>();
        List<String> types = new ArrayList<>();
        boolean offload = false;
        boolean any = false;
        for (Line l : p.lines()) {
            if (!l.keyword().equals("compression")) {
                continue;
            }
            any = true;
            switch (l.arg(1)) {
                case "algo" -> {
                    for (int i = 2; i < l.count() && !l.arg(i).isEmpty(); i++) {
                        algos.add(0, CompAlgo.named(l.arg(i)));
                    }
                }
                case "type" -> {
                    for (int i = 2; i < l.count() && !l.arg(i).isEmpty(); i++) {
                        types.add(0, l.arg(i));
                    }
                }
                case "offload" -> offload |= own(p, l);
                default -> { }
            }
        }
        return any ? new CompSettings(algos, types, offload) : null;
    }

    /** A line of the section itself, not one inherited from its defaults section. */
    private static boolean own(ProxyConfig p, Line l) {
        return l.file().equals(p.at().file()) && l.lineNo() > p.at().line();
    }
}
