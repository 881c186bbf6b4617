package org.jhaproxy.config.global;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * "cpu-map [auto:]<proc>[/<thread>] <cpu-set>..." (cfg_parse_global() with
 * parse_process_number() and parse_cpu_set() of cfgparse.c). Processes and threads are
 * numbered 1..64 on this build (LONGBITS), CPUs 0..1023 (CPU_SETSIZE).
 */
final class CpuMap {
    private static final int LONGBITS = 64;
    private static final int CPUSET_SIZE = 1024;

    private CpuMap() {
    }

    /** A parsed process/thread set, or the error text and whether it is an "out of range" one. */
    record ProcSet(long mask, boolean autoinc, String error) {
    }

    static int parse(ParseContext ctx, Line line, GlobalBuilder g) {
        if (line.arg(1).isEmpty() || line.arg(2).isEmpty()) {
            return GlobalInt.alert(ctx, line, String.format("%s expects a process number  ('all', 'odd', 'even', a number from 1 to %d or a range), "
                    + " followed by a list of CPU ranges with numbers from 0 to %d.", line.keyword(), LONGBITS, LONGBITS - 1));
        }
        String spec = line.arg(1);
        int slash = spec.indexOf('/');
        ProcSet proc = processNumber(slash >= 0 ? spec.substring(0, slash) : spec, LONGBITS, true);
        if (proc.error() != null) {
            return fail(ctx, line, proc.error());
        }
        long thread = 0;
        if (slash >= 0) {
            ProcSet t = processNumber(spec.substring(slash + 1), LONGBITS, false);
            if (t.error() != null) {
                return fail(ctx, line, t.error());
            }
            thread = t.mask();
        }
        int cpus = 0;
        java.util.BitSet set = new java.util.BitSet();
        for (int i = 2; i < line.count(); i++) {
            String arg = line.arg(i);
            if (!Character.isDigit(arg.charAt(0)) || arg.charAt(0) > '9') {
                return fail(ctx, line, String.format("'%s' is not a CPU range.", arg));
            }
            long low = leadingNumber(arg);
            long high = low;
            int dash = arg.indexOf('-');
            if (dash >= 0) {
                high = dash + 1 < arg.length() ? leadingNumber(arg.substring(dash + 1)) : CPUSET_SIZE - 1;
            }
            if (high < low) {
                long s = low;
                low = high;
                high = s;
            }
            if (high >= CPUSET_SIZE) {
                return fail(ctx, line, String.format("supports CPU numbers from 0 to %d.", CPUSET_SIZE - 1));
            }
            set.set((int) low, (int) high + 1);
        }
        cpus = set.cardinality();
        if (proc.autoinc() && Long.bitCount(proc.mask()) != cpus && Long.bitCount(thread) != cpus) {
            return GlobalInt.alert(ctx, line, String.format("%s : PROC/THREAD range and CPU sets must have the same size to be automatically bound",
                    line.keyword()));
        }
        if (thread != 0 && thread != 1 && proc.mask() != 1 && ctx.diag().diagMode()) {
            ctx.diag().diag(String.format("parsing [%s:%d] : cpu-map statement is considered invalid and thus ignored as it addresses "
                    + "multiple processes and threads at the same time. At least one of them should be 1 and only 1.", line.file(), line.lineNo()));
        }
        GlobalInt.record(line, g);
        return ErrCode.NONE;
    }

    private static int fail(ParseContext ctx, Line line, String msg) {
        // messages ending with a newline give HAProxy's empty line after the alert
        return GlobalInt.alert(ctx, line, String.format("%s : %s", line.keyword(), msg.endsWith("\n") ? msg + "\n" : msg));
    }

    /** parse_process_number(): all, odd, even, N, N-M, N- (up to max), with "auto:" if allowed. */
    static ProcSet processNumber(String arg, int max, boolean allowAuto) {
        boolean autoinc = false;
        if (allowAuto && arg.startsWith("auto:")) {
            arg = arg.substring(5);
            autoinc = true;
        }
        long mask;
        switch (arg) {
            case "all" -> mask = -1L;
            case "odd" -> mask = 0x5555555555555555L;
            case "even" -> mask = 0xAAAAAAAAAAAAAAAAL;
            default -> {
                int dash = -1;
                for (int i = 0; i < arg.length(); i++) {
                    char c = arg.charAt(i);
                    if (c == '-' && dash < 0) {
                        dash = i;
                    } else if (c < '0' || c > '9') {
                        return new ProcSet(0, autoinc, String.format("'%s' is not a valid number/range.", arg));
                    }
                }
                long low = leadingNumber(arg);
                long high = low;
                if (dash >= 0) {
                    high = dash + 1 < arg.length() ? leadingNumber(arg.substring(dash + 1)) : max;
                }
                if (high < low) {
                    long s = low;
                    low = high;
                    high = s;
                }
                if (low < 1 || low > max || high > max) {
                    return new ProcSet(0, autoinc, String.format("'%s' is not a valid number/range. It supports numbers from 1 to %d.\n", arg, max));
                }
                mask = 0;
                for (long i = low; i <= high; i++) {
                    mask |= 1L << (i - 1);
                }
            }
        }
        if (max < 64) {
            mask &= -1L >>> (64 - max);
        }
        return new ProcSet(mask, autoinc, null);
    }

    /** str2uic(): the leading digits as an unsigned int. */
    static long leadingNumber(String s) {
        long v = 0;
        for (int i = 0; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            v = (v * 10 + (s.charAt(i) - '0')) & 0xFFFFFFFFL;
        }
        return v;
    }
}
