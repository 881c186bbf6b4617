package org.jhaproxy.config.addr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts database as glibc's "files" NSS module reads it (/etc/hosts): one address then the
 * canonical name and aliases per line, '#' starts a comment, names compare case-insensitively,
 * entries are returned in file order. Read once; HAProxy resolves at startup only.
 */
public final class HostsFile {
    /** One (name, address) pair of the file. */
    public record Entry(String name, AddressFamily family, byte[] address) {
    }

    private final List<Entry> entries;

    private HostsFile(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static HostsFile empty() {
        return new HostsFile(List.of());
    }

    /** Reads the file; a missing or unreadable file is an empty database, as for libc. */
    public static HostsFile read(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    public static HostsFile parse(String text) {
        List<Entry> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            int hash = raw.indexOf('#');
            String line = hash >= 0 ? raw.substring(0, hash) : raw;
            String[] words = line.trim().split("[ \t\r]+");
            if (words.length < 2 || words[0].isEmpty()) {
                continue;
            }
            AddressFamily fam = AddressFamily.INET;
            byte[] addr = IpLiteral.parseIpv4(words[0]);
            if (addr == null) {
                addr = IpLiteral.parseIpv6(words[0]);
                fam = AddressFamily.INET6;
            }
            if (addr == null) {
                continue;
            }
            for (int i = 1; i < words.length; i++) {
                out.add(new Entry(words[i].toLowerCase(Locale.ROOT), fam, addr));
            }
        }
        return new HostsFile(out);
    }

    /** The entries for {@code name}, of {@code family} (UNSPEC: both), in file order. */
    public List<Entry> lookup(String name, AddressFamily family) {
        String key = name.toLowerCase(Locale.ROOT);
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.name().equals(key) && (family == AddressFamily.UNSPEC || family == e.family())) {
                out.add(e);
            }
        }
        return out;
    }
}
