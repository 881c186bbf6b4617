package org.jhaproxy.regtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program (bin/jhaproxy or haproxy) as a user would: a fresh process in a given working
 * directory, an environment holding only PATH (as the corpus verdicts were taken), stdout and
 * stderr merged in order, with a deadline.
 */
public record ProgramRun(int exitCode, String output) {
    /** How "-c" ends the notice naming a keyword jhaproxy parses but would refuse to start on. */
    static final String RUNTIME_NOTICE = "is not supported by jhaproxy yet. Starting on this configuration would fail.";

    public static ProgramRun run(Path cwd, List<String> command, Map<String, String> extraEnv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        userEnvironment(pb).putAll(extraEnv);
        Path out = Files.createTempFile("jhaproxy-run", ".out");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timeout running " + command);
        }
        String text = Files.readString(out, StandardCharsets.ISO_8859_1);
        Files.deleteIfExists(out);
        return new ProgramRun(p.exitValue(), text);
    }

    /** Leaves {@code pb} only PATH (and JAVA_HOME, for bin/jhaproxy), as a user's shell would; returns that environment. */
    static Map<String, String> userEnvironment(ProcessBuilder pb) {
        Map<String, String> env = pb.environment();
        String path = env.get("PATH");
        String javaHome = env.get("JAVA_HOME");
        env.clear();
        env.put("PATH", path);
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        return env;
    }

    /** bin/jhaproxy of this checkout (the build's packaged jar). */
    static Path jhaproxy() {
        String home = System.getProperty("jhaproxy.home");
        Path top = home != null ? Path.of(home) : Path.of("..").toAbsolutePath().normalize();
        return top.resolve("bin/jhaproxy");
    }

    /** The haproxy binary on PATH, or null when it is not installed. */
    static Path haproxy() {
        for (String dir : System.getenv("PATH").split(":")) {
            Path p = Path.of(dir, "haproxy");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        for (String dir : List.of("/usr/sbin", "/usr/local/sbin")) {
            Path p = Path.of(dir, "haproxy");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The messages with what legitimately differs taken out: the pid, the two banner NOTICE
     * lines naming the program's version and path, and the given directory (replaced by CFGDIR).
     */
    public String normalized(Path cfgDir) {
        List<String> lines = new ArrayList<>();
        for (String l : output.split("\n", -1)) {
            if (l.matches("\\[NOTICE\\] +\\(\\d+\\) : (j?haproxy version is|path to executable is) .*")) {
                continue;
            }
            if (l.startsWith("[NOTICE]") && l.endsWith(RUNTIME_NOTICE)) {
                // jhaproxy's own addition to haproxy's messages, asserted by StartRefusalIT
                continue;
            }
            l = l.replaceFirst("^\\[(ALERT|WARNING|NOTICE)\\] +\\(\\d+\\) : ", "[$1] ");
            if (cfgDir != null) {
                l = l.replace(cfgDir.toString(), "CFGDIR");
            }
            lines.add(l);
        }
        return String.join("\n", lines);
    }

    /** The first diagnostic line, as check-all.sh and EXPECTED.tsv's first_alert_line take it. */
    String firstDiagnostic(Path cfgDir) {
        // (the normalised output has no runtime notice: haproxy's own first line is compared)
        for (String l : normalized(cfgDir).split("\n")) {
            if (l.startsWith("[ALERT]") || l.startsWith("[WARNING]") || l.startsWith("[NOTICE]")) {
                return l.replace('\t', ' ');
            }
        }
        return "-";
    }
}
