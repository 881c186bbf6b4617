package org.jhaproxy.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * haproxy's command line (haproxy.c init()): flags may be grouped only where haproxy allows,
 * "-f" takes one file or directory each time, "--" ends the flags and every later word is a
 * configuration file.
 */
final class Arguments {
    final List<String> files = new ArrayList<>();
    boolean check;
    boolean quiet;
    boolean verbose;
    boolean version;
    boolean buildOptions;
    boolean foreground;
    boolean debug;
    boolean daemon;
    boolean diagMode;
    boolean zeroWarning;
    String dumpKeywords;
    String checkCondition;
    String pidFile;
    String error;

    static Arguments parse(String[] argv) {
        Arguments a = new Arguments();
        int i = 0;
        while (i < argv.length) {
            String arg = argv[i];
            if (!arg.startsWith("-") || arg.length() < 2) {
                a.error = "unexpected argument '" + arg + "'";
                return a;
            }
            switch (arg) {
                case "--" -> {
                    for (i++; i < argv.length; i++) {
                        a.files.add(argv[i]);
                    }
                    return a;
                }
                case "-c" -> a.check = true;
                case "-q" -> a.quiet = true;
                case "-V" -> a.verbose = true;
                case "-v" -> a.version = true;
                case "-vv" -> a.buildOptions = true;
                case "-db" -> a.foreground = true;
                case "-d" -> a.debug = true;
                case "-D" -> a.daemon = true;
                case "-dD" -> a.diagMode = true;
                case "-dW" -> a.zeroWarning = true;
                case "-f", "-cc", "-p" -> {
                    if (i + 1 >= argv.length) {
                        a.error = "option " + arg + " requires an argument";
                        return a;
                    }
                    String v = argv[++i];
                    switch (arg) {
                        case "-f" -> a.files.add(v);
                        case "-cc" -> a.checkCondition = v;
                        default -> a.pidFile = v;
                    }
                }
                default -> {
                    if (arg.startsWith("-dK")) {
                        a.dumpKeywords = arg.substring(3);
                    } else {
                        a.error = "unknown option '" + arg + "'";
                        return a;
                    }
                }
            }
            i++;
        }
        return a;
    }
}
