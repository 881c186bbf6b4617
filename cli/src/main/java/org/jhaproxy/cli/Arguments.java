package org.jhaproxy.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * haproxy's command line as init_args() reads it: a flag is recognized by its first letters
 * ("-cx" is "-c", "-vfoo" is "-v"), -v/-vv act at once (in command-line order), flags with a
 * value take the next word whatever it is, "--" makes every later word a configuration file,
 * and anything else (a word without '-', an unknown flag) ends in the usage text, exit 1.
 */
final class Arguments {
    /** What the command line asks for once it is read. */
    enum Action {
        RUN, VERSION, BUILD_OPTIONS, USAGE,
        /** a flag that takes a value ends the line: haproxy fails to copy argv, before anything else */
        BAD_ARGV
    }

    Action action = Action.RUN;
    final List<String> files = new ArrayList<>();
    boolean check;
    boolean quiet;
    boolean verbose;
    boolean foreground;
    boolean debug;
    boolean daemon;
    boolean diagMode;
    boolean zeroWarning;
    boolean masterWorker;
    /** -Ws: master-worker mode in the foreground, telling systemd its state (sd_notify) */
    boolean systemd;
    /** -S: the master CLI's sockets, each "address[,option,value...]" */
    final List<String> masterCli = new ArrayList<>();
    String dumpKeywords;
    /** -cc was given (its value may still be missing: null) */
    boolean checkConditionMode;
    String checkCondition;
    String pidFile;
    String changeDir;
    String localPeer;
    /** -sf (soft, SIGUSR1) or -st (terminate, SIGTERM): the old processes told to stop once we listen */
    final List<Long> oldPids = new ArrayList<>();
    boolean terminateOldPids;
    /** -x: the old process's stats socket to take the listening sockets from ("_getsocks") */
    String oldUnixSocket;
    /** warnings haproxy prints while reading its arguments */
    final List<String> warnings = new ArrayList<>();
    /** an alert haproxy prints before its usage text */
    String usageAlert;

    static Arguments parse(String[] argv) {
        Arguments a = new Arguments();
        if (!copyableArgv(argv)) {
            a.action = Action.BAD_ARGV;
            return a;
        }
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (!arg.startsWith("-")) {
                return a.usage();
            }
            String flag = arg.substring(1);
            char f0 = flag.isEmpty() ? '\0' : flag.charAt(0);
            char f1 = flag.length() > 1 ? flag.charAt(1) : '\0';
            if (f0 == 'v') {
                a.action = f1 == 'v' ? Action.BUILD_OPTIONS : Action.VERSION;
                return a;
            } else if (f0 == 'd' && "epSGRVrL".indexOf(f1) >= 0 && f1 != '\0') {
                // poller/splice/getaddrinfo/reuseport/ssl-verify/resolution tuning: no effect on checks
                continue;
            } else if (f0 == 'V') {
                a.verbose = true;
            } else if (f0 == 'd' && f1 == 'b') {
                a.foreground = true;
            } else if (f0 == 'd' && f1 == 'D') {
                a.diagMode = true;
            } else if (f0 == 'd' && f1 == 'W') {
                a.zeroWarning = true;
            } else if (f0 == 'd' && f1 == 'M') {
                continue; // memory debugging options of the C allocator
            } else if (f0 == 'd' && f1 == 'K') {
                a.dumpKeywords = flag.substring(2);
            } else if (f0 == 'd') {
                a.debug = true;
            } else if (f0 == 'c' && f1 == 'c') {
                a.checkConditionMode = true;
                a.checkCondition = i + 1 < argv.length ? argv[++i] : null;
            } else if (f0 == 'c') {
                a.check = true;
            } else if (f0 == 'D') {
                a.daemon = true;
            } else if (f0 == 'W' && f1 == 's') {
                a.masterWorker = true;
                a.systemd = true;
                a.foreground = true;
            } else if (f0 == 'W') {
                a.masterWorker = true;
            } else if (f0 == 'q') {
                a.quiet = true;
            } else if (f0 == 'x' || f0 == 'S') {
                if (i + 1 >= argv.length) {
                    a.usageAlert = f0 == 'x' ? "Unix socket path expected with the -x flag"
                            : "Socket and optional bind parameters expected with the -S flag";
                    return a.usage();
                }
                i++;
                if (f0 == 'x') {
                    if (a.oldUnixSocket != null) {
                        a.warnings.add("-x option already set, overwriting the value");
                    }
                    a.oldUnixSocket = argv[i];
                } else {
                    a.masterCli.add(argv[i]);
                }
            } else if (f0 == 's' && (f1 == 'f' || f1 == 't')) {
                // pids of old processes to finish/terminate: positive numbers up to the next flag
                a.terminateOldPids = f1 == 't';
                while (i + 1 < argv.length && !argv[i + 1].startsWith("-")) {
                    i++;
                    long pid = parsePid(argv[i]);
                    if (pid <= 0) {
                        return a.usage();
                    }
                    a.oldPids.add(pid);
                }
            } else if (f0 == '-' && f1 == '\0') {
                for (i++; i < argv.length; i++) {
                    a.files.add(argv[i]);
                }
                return a;
            } else {
                if (i + 1 >= argv.length) {
                    return a.usage();
                }
                String v = argv[++i];
                switch (f0) {
                    case 'C' -> a.changeDir = v;
                    case 'n', 'm', 'N' -> {
                        // maxconn, memory and per-proxy maxconn limits: no effect on checks
                    }
                    case 'L' -> a.localPeer = v;
                    case 'f' -> a.files.add(v);
                    case 'p' -> a.pidFile = v;
                    default -> {
                        return a.usage();
                    }
                }
            }
        }
        return a;
    }

    /**
     * haproxy first copies its arguments for the master process (copy_argv): -C -n -m -N -L -f -p
     * -S must be followed by their value there, else it stops with "failed to copy argv.".
     */
    static boolean copyableArgv(String[] argv) {
        int i = 0;
        while (i < argv.length) {
            String arg = argv[i];
            if (!arg.startsWith("-")) {
                i++;
                continue;
            }
            String flag = arg.substring(1);
            if (flag.equals("-")) {
                return true;
            }
            char f0 = flag.isEmpty() ? '\0' : flag.charAt(0);
            char f1 = flag.length() > 1 ? flag.charAt(1) : '\0';
            if (f0 == 's' && (f1 == 'f' || f1 == 't')) {
                i++;
                while (i < argv.length && !argv[i].startsWith("-")) {
                    i++;
                }
            } else if (f0 == 'x') {
                i += 2;
            } else if ("CnmNLfpS".indexOf(f0) >= 0 && f0 != '\0') {
                if (i + 1 >= argv.length) {
                    return false;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return true;
    }

    private Arguments usage() {
        action = Action.USAGE;
        return this;
    }

    private static long parsePid(String s) {
        String t = s.strip();
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
