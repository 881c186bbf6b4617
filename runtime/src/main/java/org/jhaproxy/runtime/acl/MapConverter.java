package org.jhaproxy.runtime.acl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleConverter;

/**
 * The map converters (configuration.txt section 7.3.1 "map"): the map file is read once at
 * start-up ("key value" per line, '#' comments); the input is matched against the keys with the
 * method the name says (map_str exact, map_beg, map_sub, map_end, map_dom, map_reg, map_ip
 * longest prefix, map_int) and the first matching key's value is returned, else the default.
 */
public final class MapConverter {
    private MapConverter() {
    }

    private record Entry(String key, PatternMatcher matcher, Sample value, int prefix) {
    }

    public static SampleConverter create(String kind, List<SampleArg> args, CompileScope scope) throws NotSupported {
        String[] parts = kind.split("_");
        String match = parts.length > 1 ? parts[1] : "str";
        // map_<match>_<output>: the output is a string unless "_int" says otherwise
        boolean intOut = parts.length > 2 && parts[2].equals("int");
        String file = args.get(0).text();
        String dfltText = args.size() > 1 ? args.get(1).text() : null;
        Sample dflt = dfltText == null ? null : value(dfltText, intOut);
        List<Entry> entries = new ArrayList<>();
        Map<String, Sample> exact = new HashMap<>();
        for (String line : lines(file, scope)) {
            int sp = 0;
            while (sp < line.length() && line.charAt(sp) != ' ' && line.charAt(sp) != '\t') {
                sp++;
            }
            String key = line.substring(0, sp);
            Sample v = value(line.substring(sp).strip(), intOut);
            if (match.equals("str")) {
                exact.putIfAbsent(key, v);
                continue;
            }
            PatternMatcher m = switch (match) {
                case "beg" -> StringPatterns.beg(List.of(key), false);
                case "sub" -> StringPatterns.sub(List.of(key), false);
                case "end" -> StringPatterns.end(List.of(key), false);
                case "dom" -> StringPatterns.dom(List.of(key), false);
                case "reg" -> StringPatterns.reg(List.of(key), false);
                case "int" -> NumberPatterns.integer(List.of(key));
                case "ip" -> IpPatterns.of(List.of(key));
                default -> throw new NotSupported("converter '" + kind + "' is not supported by jhaproxy yet.");
            };
            entries.add(new Entry(key, m, v, match.equals("ip") ? prefix(key) : 0));
        }
        if (match.equals("str")) {
            return (in, c) -> {
                Sample v = exact.get(in.asString());
                return v != null ? v : dflt;
            };
        }
        Entry[] list = entries.toArray(new Entry[0]);
        boolean longest = match.equals("ip");
        return (in, c) -> {
            Entry best = null;
            for (Entry e : list) {
                if (e.matcher().matches(in) && (best == null || (longest && e.prefix() > best.prefix()))) {
                    best = e;
                    if (!longest) {
                        break;
                    }
                }
            }
            return best != null ? best.value() : dflt;
        };
    }

    private static int prefix(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return 128;
        }
        String m = key.substring(slash + 1);
        return m.indexOf('.') >= 0 ? 32 : Integer.parseInt(m);
    }

    private static Sample value(String text, boolean intOut) {
        if (intOut) {
            try {
                return Sample.sint(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return Sample.sint(0);
            }
        }
        return Sample.str(text);
    }

    private static List<String> lines(String file, CompileScope scope) throws NotSupported {
        try {
            List<String> out = new ArrayList<>();
            for (String l : Files.readAllLines(scope.file(file), StandardCharsets.ISO_8859_1)) {
                String t = l.strip();
                if (!t.isEmpty() && t.charAt(0) != '#') {
                    out.add(t);
                }
            }
            return out;
        } catch (IOException e) {
            throw new NotSupported("failed to open map file <" + file + ">.");
        }
    }
}
