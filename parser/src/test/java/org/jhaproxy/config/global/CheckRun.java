package org.jhaproxy.config.global;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.source.Environment;

/**
 * Runs the configuration loader on a config text as "haproxy -c -f t.cfg" would from a temp
 * directory, and gives the exit code and the messages without the banner and the pid.
 */
public record CheckRun(int exitCode, List<String> lines) {

    public static CheckRun of(String cfg) {
        try {
            Path dir = Files.createTempDirectory("h1test");
            Files.writeString(dir.resolve("t.cfg"), cfg, StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
            Diagnostics diag = new Diagnostics(out, 1, "test", null);
            Environment env = new Environment(Map.of("PATH", "/usr/bin"), dir);
            int rc = ConfigLoader.standard(diag, env).load(List.of("t.cfg")).exitCode();
            List<String> lines = new ArrayList<>();
            for (String l : bytes.toString(StandardCharsets.ISO_8859_1).split("\n", -1)) {
                if (!l.contains("version is") && !l.contains("path to executable")) {
                    lines.add(l.replace("(1) : ", ""));
                }
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return new CheckRun(rc, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first message line, "" when there is none. */
    public String first() {
        return lines.isEmpty() ? "" : lines.get(0);
    }
}
