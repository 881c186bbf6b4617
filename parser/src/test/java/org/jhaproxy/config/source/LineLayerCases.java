package org.jhaproxy.config.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;

/**
 * The line-layer cases of src/test/resources/linelayer: NN-name.cfg files, each opening with a
 * comment naming the manual section it exercises, and NN-name.out, haproxy 2.6.12's verdict on
 * it ("exit=N" then its messages; see regen.sh there). Runs a case through jhaproxy in-process
 * and renders the result in the same shape.
 */
final class LineLayerCases {
    private static final String BANNER = "jhaproxy version is";

    private LineLayerCases() {
    }

    static Path dir() {
        try {
            return Path.of(LineLayerCases.class.getResource("/linelayer/env.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".cfg")).sorted().collect(Collectors.toList());
        }
    }

    /** The environment the cases run with (env.txt). */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String l : Files.readAllLines(dir().resolve("env.txt"), StandardCharsets.ISO_8859_1)) {
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int eq = l.indexOf('=');
                env.put(l.substring(0, eq), l.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    static String expected(Path cfg) throws IOException {
        String name = cfg.getFileName().toString();
        Path out = cfg.resolveSibling(name.substring(0, name.length() - 4) + ".out");
        return Files.readString(out, StandardCharsets.ISO_8859_1);
    }

    /** What jhaproxy -c says about the file: "exit=N" then the messages, pids written (P). */
    static String runJhaproxy(Path dir, String file, Map<String, String> vars) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.ISO_8859_1);
        Diagnostics diag = new Diagnostics(ps, 0, "test", "jhaproxy");
        ConfigLoader.Outcome o = ConfigLoader.standard(diag, new Environment(vars, dir)).load(List.of(file));
        int exit = o.exitCode() == 1 ? 1 : o.hasListener() ? 0 : 2;
        ps.flush();
        return render(exit, buf.toString(StandardCharsets.ISO_8859_1));
    }

    /** "exit=N" then the lines, banner NOTICEs dropped and "(pid)" written "(P)". */
    static String render(int exit, String stderr) {
        StringBuilder sb = new StringBuilder("exit=").append(exit).append('\n');
        for (String l : stderr.split("\n", -1)) {
            if (l.isEmpty() || l.contains(BANNER) || l.contains("haproxy version is") || l.contains(": path to executable is")) {
                continue;
            }
            sb.append(l.replaceFirst("^(\\[[A-Z]+\\] *)\\(\\d+\\)", "$1(P)")).append('\n');
        }
        return sb.toString();
    }
}
