package org.jhaproxy.runtime.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The stats socket's command registry: haproxy 2.6.12's keyword table (every command haproxy
 * knows, in its registration order, with its help line) and, attached to the entries jhaproxy
 * executes, their {@link CliCommand}. The table is haproxy's whole so that "help", the
 * suggestions for an unknown command and the lookup of a command give haproxy's bytes; an
 * entry without a command answers {@link #NOT_SUPPORTED}.
 *
 * <p>To add a command: write a {@link CliCommand} and list it in {@link StandardCommands}.
 */
public final class CliKeywords {
    /** The answer of a command haproxy has and jhaproxy does not execute yet. */
    public static final String NOT_SUPPORTED = "This command is not supported by jhaproxy yet.\n";

    /**
     * One keyword entry: its words, haproxy's access flags (ACCESS_EXPERT, ACCESS_MASTER_ONLY...
     * hide a command from a worker's help), its help line (null for unlisted commands) and the
     * command, null when jhaproxy does not execute it.
     */
    public record Entry(List<String> words, Set<String> flags, String usage, CliCommand command) {
        /** Listed in help and suggested for unknown commands on a worker's socket. */
        boolean visible() {
            return !flags.contains("ACCESS_EXPERT") && !flags.contains("ACCESS_EXPERIMENTAL")
                    && !flags.contains("ACCESS_MASTER_ONLY");
        }
    }

    private final List<Entry> entries;

    private CliKeywords(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** haproxy's table with every command jhaproxy executes attached. */
    public static CliKeywords standard() {
        CliKeywords k = new CliKeywords(haproxyTable());
        for (CliCommand c : StandardCommands.all()) {
            k = k.with(c);
        }
        return k;
    }

    /** This registry with {@code command} attached to haproxy's entry of the same keywords. */
    public CliKeywords with(CliCommand command) {
        List<Entry> out = new ArrayList<>(entries);
        for (int i = 0; i < out.size(); i++) {
            Entry e = out.get(i);
            if (e.words().equals(command.keywords())) {
                out.set(i, new Entry(e.words(), e.flags(), e.usage(), command));
                return new CliKeywords(out);
            }
        }
        throw new IllegalArgumentException("haproxy 2.6 has no CLI command '" + String.join(" ", command.keywords()) + "'");
    }

    public List<Entry> entries() {
        return entries;
    }

    /** cli_find_kw(): the first entry, in table order, whose every keyword is the same word of the line. */
    public Entry find(List<String> args) {
        for (Entry e : entries) {
            List<String> w = e.words();
            if (w.size() <= args.size() && args.subList(0, w.size()).equals(w)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The master CLI's "help" (with "help" as first word) or its answer to an unknown command:
     * the commands a master runs (ACCESS_MASTER and ACCESS_MASTER_ONLY in haproxy's table), by
     * the same matching as a worker's socket. {@code helpAtUserLevel}: a session lowered to
     * "user" lists only the commands that read.
     */
    public static String masterUsage(List<String> line, boolean helpAtUserLevel) {
        List<Entry> master = new ArrayList<>();
        for (Entry e : haproxyTable()) {
            boolean onlyMaster = e.flags().contains("ACCESS_MASTER_ONLY");
            if (!onlyMaster && !e.flags().contains("ACCESS_MASTER")) {
                continue;
            }
            if (helpAtUserLevel && (onlyMaster && !e.words().equals(List.of("show", "proc"))
                    || e.words().equals(List.of("operator")) || e.words().equals(List.of("user")))) {
                continue;
            }
            master.add(new Entry(e.words(), Set.of(), e.usage(), null));
        }
        return CliUsage.of(new CliKeywords(master), line);
    }

    private static List<Entry> haproxyTable() {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = CliKeywords.class.getResourceAsStream("haproxy-commands.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Set<String> flags = f[1].equals("-") ? Set.of() : Set.of(f[1].split("\\|"));
                out.add(new Entry(List.of(f[0].split(" ")), flags, f[2].isEmpty() ? null : f[2], null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
