package org.jhaproxy.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.model.KeywordUse;
import org.jhaproxy.config.source.Environment;
import org.jhaproxy.runtime.RuntimeSupport;

/** The jhaproxy command. */
public final class Main {
    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] argv) {
        // bytes in, bytes out: configuration text is Latin-1 so every byte survives as one char
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.ISO_8859_1);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), false, StandardCharsets.ISO_8859_1);
        int code;
        try {
            code = new Main(out, err).run(argv);
        } catch (Throwable t) {
            // never a Java stack trace for a user: an alert, and the trace only with -d
            err.printf("[ALERT]    (%d) : internal error: %s%n", ProcessHandle.current().pid(), t);
            if (Boolean.getBoolean("jhaproxy.debug") || java.util.Arrays.asList(argv).contains("-d")) {
                t.printStackTrace(err);
            }
            code = 1;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    int run(String[] argv) throws Exception {
        Arguments args = Arguments.parse(argv);
        if (args.error != null) {
            return usage(args.error);
        }
        if (args.version) {
            out.print(VersionInfo.short_());
            return 0;
        }
        if (args.buildOptions) {
            out.print(VersionInfo.full());
            return 0;
        }
        Environment env = Environment.ofProcess();
        if (args.checkCondition != null) {
            return CheckCondition.run(args.checkCondition, env, err);
        }
        if (args.dumpKeywords != null && args.files.isEmpty()) {
            return KeywordDump.run(args.dumpKeywords, out, err);
        }
        if (args.files.isEmpty()) {
            return usage(null);
        }
        Diagnostics diag = new Diagnostics(err, ProcessHandle.current().pid(), Version.FULL, executablePath())
                .quiet(args.quiet && !args.verbose)
                .diagMode(args.diagMode);
        ConfigLoader.Outcome outcome = ConfigLoader.standard(diag, env).load(args.files);
        if (outcome.exitCode() == 1) {
            return 1;
        }
        if (args.zeroWarning && diag.warned()) {
            diag.alert("Some warnings were found and 'zero-warning' is set. Aborting.");
            return 1;
        }
        if (args.dumpKeywords != null) {
            KeywordDump.run(args.dumpKeywords, out, err);
        }
        boolean print = !args.quiet || args.verbose;
        if (args.check) {
            if (diag.warned() && print) {
                out.println("Warnings were found.");
            }
            if (outcome.hasListener()) {
                if (print) {
                    out.println("Configuration file is valid");
                }
                return 0;
            }
            if (print) {
                out.println("Configuration file has no error but will not start (no listener) => exit(2).");
            }
            return 2;
        }
        Optional<KeywordUse> missing = RuntimeSupport.current().firstUnsupported(outcome.builder());
        if (missing.isPresent()) {
            KeywordUse u = missing.get();
            diag.alert(String.format("parsing [%s:%d] : '%s' in '%s' section is not supported by jhaproxy yet.",
                    u.at().file(), u.at().line(), u.keyword(), u.section()));
            return 1;
        }
        diag.alert("the traffic engine is not supported by jhaproxy yet.");
        return 1;
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println("jhaproxy: " + problem);
        }
        err.print(Usage.TEXT);
        return 1;
    }

    private static String executablePath() {
        String exe = System.getProperty("jhaproxy.exe");
        return exe != null ? exe : "jhaproxy";
    }
}
