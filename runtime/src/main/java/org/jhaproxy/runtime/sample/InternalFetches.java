package org.jhaproxy.runtime.sample;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.config.sample.SampleType;

/**
 * The fetches of configuration.txt 7.3.2 about the process and the clock, and the constants
 * bin() and meth(): what sample.c answers without looking at a stream.
 */
final class InternalFetches {
    private InternalFetches() {
    }

    static void register(Map<String, Fetches.Factory> m) {
        m.put("date", InternalFetches::date);
        // the microseconds of the current second (date.tv_usec)
        m.put("date_us", (a, s) -> c -> Sample.sint(Instant.now().getNano() / 1000));
        m.put("hostname", (a, s) -> {
            String h = org.jhaproxy.runtime.process.ProcessFacts.hostname();
            Sample v = Sample.str(h == null ? "" : h);
            return c -> v;
        });
        // one process since 2.5: nbproc and proc are always 1
        m.put("nbproc", (a, s) -> c -> Sample.sint(1));
        m.put("proc", (a, s) -> c -> Sample.sint(1));
        m.put("thread", (a, s) -> c -> Sample.sint(threadNumber()));
        m.put("stopping", (a, s) -> c -> Sample.bool(org.jhaproxy.runtime.process.Stopping.now()));
        m.put("last_rule_file", (a, s) -> c -> c.lastRule() == null ? null : Sample.str(c.lastRule().file()));
        m.put("last_rule_line", (a, s) -> c -> c.lastRule() == null ? null : Sample.sint(c.lastRule().line()));
        m.put("bin", (a, s) -> {
            Sample v = Sample.bin(HexFormat.of().parseHex(a.get(0).text()));
            return c -> v;
        });
        m.put("meth", (a, s) -> {
            Sample v = new Sample(SampleType.METH, a.get(0).text());
            return c -> v;
        });
    }

    /**
     * date([offset],[unit]): the current date in seconds since the epoch, or in "ms" / "us"
     * (the seconds scaled, plus the fraction), then the offset added in that unit.
     */
    private static Fetch date(List<SampleArg> a, CompileScope s) {
        long offset = a.isEmpty() || a.get(0).text().isEmpty() ? 0 : org.jhaproxy.config.global.CNumber.atol(a.get(0).text());
        String unit = a.size() > 1 ? a.get(1).text() : "";
        return switch (unit) {
            case "ms" -> c -> Sample.sint(System.currentTimeMillis() + offset);
            case "us" -> c -> {
                Instant now = Instant.now();
                return Sample.sint(now.getEpochSecond() * 1_000_000 + now.getNano() / 1000 + offset);
            };
            default -> c -> Sample.sint(System.currentTimeMillis() / 1000 + offset);
        };
    }

    /**
     * The calling thread's number, from 0 to nbthread - 1: event-loop threads are named
     * "jhaproxy-P-N" with N counted from 1 (Transport); any other thread is 0.
     */
    private static long threadNumber() {
        String n = Thread.currentThread().getName();
        int dash = n.lastIndexOf('-');
        if (!n.startsWith("jhaproxy-") || dash < 0) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(n.substring(dash + 1)) - 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
