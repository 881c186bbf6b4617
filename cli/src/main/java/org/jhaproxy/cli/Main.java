package org.jhaproxy.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.source.Environment;
import org.jhaproxy.cli.master.Master;
import org.jhaproxy.cli.master.MasterWorker;
import org.jhaproxy.cli.shell.Shell;
import org.jhaproxy.runtime.RuntimeSupport;
import org.jhaproxy.runtime.process.WorkingDirectory;

/** The jhaproxy command: haproxy's command line and start-up sequence (haproxy.c init()). */
public final class Main {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Path cwd;

    Main(PrintStream out, PrintStream err, Map<String, String> environment, Path cwd) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.cwd = cwd;
    }

    public static void main(String[] argv) {
        // bytes in, bytes out: configuration text is Latin-1 so every byte survives as one char
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.ISO_8859_1);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), false, StandardCharsets.ISO_8859_1);
        int code;
        try {
            code = new Main(out, err, System.getenv(), Path.of("").toAbsolutePath()).run(argv);
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
        if (argv.length > 0 && argv[0].equals("shell")) {
            // jhaproxy's own subcommand: haproxy would take the word for a bad argument
            return Shell.run(java.util.Arrays.asList(argv).subList(1, argv.length), out, err);
        }
        Arguments args = Arguments.parse(argv);
        switch (args.action) {
            case VERSION -> {
                out.print(VersionInfo.short_());
                return 0;
            }
            case BUILD_OPTIONS -> {
                out.print(VersionInfo.short_());
                out.print(VersionInfo.full().substring(VersionInfo.short_().length()));
                return 0;
            }
            case USAGE -> {
                if (args.usageAlert != null) {
                    Diagnostics d = new Diagnostics(err, ProcessHandle.current().pid(), Version.FULL, executablePath());
                    d.context(null);
                    d.alert(args.usageAlert);
                }
                return usage();
            }
            case BAD_ARGV -> {
                Diagnostics d = new Diagnostics(err, ProcessHandle.current().pid(), Version.FULL, executablePath());
                d.context(null);
                d.alert("failed to copy argv.");
                return 1;
            }
            default -> {
            }
        }
        boolean worker = MasterWorker.isWorker();
        if (worker) {
            MasterWorker.exitWithMaster();
        }
        if (args.daemon && !args.check && !args.checkConditionMode && !Daemon.isChild() && !worker) {
            // the child does all the work and its messages are passed on: none printed twice
            return Daemon.launch(argv, err);
        }
        Map<String, String> vars = new HashMap<>(environment);
        if (args.localPeer != null) {
            vars.put("HAPROXY_LOCALPEER", args.localPeer);
        }
        HeldOutput held = new HeldOutput(err);
        Diagnostics diag = new Diagnostics(new PrintStream(held, true, StandardCharsets.ISO_8859_1),
                ProcessHandle.current().pid(), Version.FULL, executablePath())
                .quiet(args.quiet)
                .verbose(args.verbose)
                .diagMode(args.diagMode);
        if (!args.warnings.isEmpty()) {
            diag.context(null);
            args.warnings.forEach(diag::warning);
            diag.context("config");
        }
        Path dir = cwd;
        if (args.changeDir != null) {
            dir = cwd.resolve(args.changeDir);
            if (!Files.isDirectory(dir)) {
                diag.alert(String.format("Could not change to directory %s : %s", args.changeDir,
                        Files.exists(dir) ? "Not a directory" : "No such file or directory"));
                return 1;
            }
        }
        Environment env = new Environment(vars, dir);
        if (args.checkConditionMode) {
            if (args.checkCondition == null) {
                return usage();
            }
            diag.context("config");
            return CheckCondition.run(args.checkCondition, env, diag);
        }
        if (args.files.isEmpty()) {
            return usage();
        }
        // "daemon" in the configuration: the messages of the reading are the child's to print
        boolean mayDaemonize = !args.check && !args.foreground && !args.debug && !Daemon.isChild() && !worker;
        if (mayDaemonize || worker) {
            held.hold();
        }
        ConfigLoader.Outcome outcome = ConfigLoader.standard(diag, env).localPeer(args.localPeer).pidFile(args.pidFile)
                .load(args.files);
        if (mayDaemonize && outcome.exitCode() != 1 && outcome.builder().global().isSet("daemon")) {
            held.drop();
            return Daemon.launch(argv, err);
        }
        if (worker && outcome.exitCode() != 1) {
            // a worker's master has already reported on the same configuration
            held.drop();
        } else {
            held.release();
        }
        if (outcome.exitCode() == 1) {
            return 1;
        }
        // "zero-warning" and "quiet" in the global section act like -dW and -q (MODE_ZERO_WARNING, MODE_QUIET)
        if (!warningsAllowed(outcome, args, diag)) {
            return 1;
        }
        if (args.dumpKeywords != null) {
            KeywordDump.run(args.dumpKeywords, out);
        }
        boolean print = !diag.quiet();
        if (args.check) {
            // haproxy's verdict stands; jhaproxy adds what its runtime would refuse to start on
            java.util.List<RuntimeSupport.Unsupported> unsupported = RuntimeSupport.current().allUnsupported(outcome.builder());
            for (RuntimeSupport.Unsupported u : unsupported) {
                diag.notice(sentence(u.message()) + " Starting on this configuration would fail.");
            }
            if (unsupported.isEmpty()) {
                // every keyword is executed: a rule form the runtime cannot run would still stop the start
                try {
                    RuntimeSupport.firstUnexecutableRule(outcome.config())
                            .ifPresent(m -> diag.notice(sentence(m) + " Starting on this configuration would fail."));
                } catch (RuntimeException e) {
                    // the runtime's model of this configuration fails to build: -c keeps haproxy's
                    // verdict, but says so (a start would end on the same internal error); -d shows why
                    diag.notice("internal error while preparing the rules for the runtime: " + e
                            + ". Starting on this configuration would fail.");
                    if (args.debug) {
                        e.printStackTrace(err);
                    }
                }
            }
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
        if (!executable(outcome, diag)) {
            return 1;
        }
        if (!WorkingDirectory.enter(env.currentDirectory(), cwd)) {
            diag.alert("couldn't set 'default-path' to '" + env.currentDirectory() + "'.");
            return 1;
        }
        if (!worker && (args.masterWorker || outcome.builder().global().isSet("master-worker"))) {
            diag.context(null);
            return new Master(masterSettings(argv, args, outcome, vars, dir), diag).run();
        }
        ProcessStart start = worker
                ? ProcessStart.worker(outcome.builder().global(), MasterWorker.readyMarks(), diag, executablePath())
                : ProcessStart.of(outcome.builder().global(), Daemon.isChild() ? Daemon.Child.open() : null,
                diag, executablePath());
        return new Foreground(diag, out, err).worker(worker).run(outcome.config(), args, start);
    }

    /** Warnings stop the start with "zero-warning" or -dW. */
    private static boolean warningsAllowed(ConfigLoader.Outcome outcome, Arguments args, Diagnostics diag) {
        if ((args.zeroWarning || outcome.builder().global().isSet("zero-warning")) && diag.warned()) {
            diag.alert("Some warnings were found and 'zero-warning' is set. Aborting.");
            return false;
        }
        return true;
    }

    /** A keyword or a rule the runtime does not execute stops the start. */
    private static boolean executable(ConfigLoader.Outcome outcome, Diagnostics diag) {
        Optional<RuntimeSupport.Unsupported> missing = RuntimeSupport.current().firstUnsupported(outcome.builder());
        if (missing.isPresent()) {
            diag.alert(missing.get().message());
            return false;
        }
        // post_sink_resolve(): checked at start only, "-c" accepts a target naming no ring
        java.util.List<String> rings = org.jhaproxy.runtime.sink.RingTargets.unresolved(outcome.config());
        if (!rings.isEmpty()) {
            rings.forEach(diag::alert);
            return false;
        }
        Optional<String> rule = RuntimeSupport.firstUnexecutableRule(outcome.config());
        if (rule.isPresent()) {
            diag.alert(rule.get());
            return false;
        }
        return true;
    }

    /**
     * The master of master-worker mode: its reload reads the configuration again as a new
     * haproxy master would, with a fresh set of messages (the version banner before the
     * first warning).
     */
    private Master.Settings masterSettings(String[] argv, Arguments args, ConfigLoader.Outcome outcome,
                                           Map<String, String> vars, Path dir) throws java.io.IOException {
        java.util.function.Supplier<Diagnostics> fresh = () -> new Diagnostics(err, ProcessHandle.current().pid(),
                Version.FULL, executablePath()).quiet(args.quiet).verbose(args.verbose).diagMode(args.diagMode);
        java.util.function.Predicate<Diagnostics> loads = d -> {
            Environment env = new Environment(vars, dir);
            ConfigLoader.Outcome o;
            try {
                o = ConfigLoader.standard(d, env).localPeer(args.localPeer).pidFile(args.pidFile).load(args.files);
            } catch (java.io.IOException e) {
                d.alert("Could not open configuration file : " + e.getMessage());
                return false;
            }
            boolean ok = o.exitCode() != 1 && warningsAllowed(o, args, d) && executable(o, d);
            d.context(null);
            return ok;
        };
        boolean noExit = false;
        for (org.jhaproxy.config.source.Line l : outcome.config().globalLines()) {
            noExit |= l.keyword().equals("master-worker") && l.arg(1).equals("no-exit-on-failure");
        }
        org.jhaproxy.config.model.GlobalBuilder g = outcome.builder().global();
        int maxReloads = g.isSet("mworker-max-reloads") ? Integer.parseInt(g.get("mworker-max-reloads").args().get(0).strip()) : -1;
        return new Master.Settings(argv, cwd, args.masterCli, args.systemd, ProcessStart.word(g, "pidfile"), maxReloads, noExit,
                Daemon.isChild() ? Daemon.Child.open() : null, fresh, loads);
    }

    /** haproxy's usage(): the version on stdout, the flags on stderr, exit 1. */
    private int usage() {
        out.print(VersionInfo.short_());
        out.flush();
        err.print(Usage.text(progname()));
        err.flush();
        return 1;
    }

    private static String progname() {
        String exe = executablePath();
        return Path.of(exe).getFileName().toString();
    }

    private static String executablePath() {
        String exe = System.getProperty("jhaproxy.exe");
        return exe != null ? exe : "jhaproxy";
    }

    /** A reason ended as a sentence: haproxy's own reasons ("'x' is not a number") have no period. */
    private static String sentence(String reason) {
        return reason.endsWith(".") ? reason : reason + ".";
    }
}
