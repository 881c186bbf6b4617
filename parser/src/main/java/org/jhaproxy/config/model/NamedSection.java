package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named section of one of the small kinds (userlist, resolvers, mailers, cache, ring,
 * http-errors, program, log-forward, fcgi-app) as parsed: where it was declared, its entries
 * by name (users, groups, nameservers, mailers, errorfiles...), its settings by keyword, and
 * how many listeners (bind lines) it opens.
 */
public final class NamedSection {
    /** One named entry of the section ("user bob", "nameserver dns1"...). */
    public record Entry(String kind, String name, List<String> args, Position at) {
    }

    private final String kind;
    private final String name;
    private final Position at;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, GlobalBuilder.Setting> settings = new LinkedHashMap<>();
    private final List<Entry> lines = new ArrayList<>();
    private final List<LogTarget> logTargets = new ArrayList<>();
    private final List<LogForwardConfig.Receiver> receivers = new ArrayList<>();
    private int listeners;

    public NamedSection(String kind, String name, Position at) {
        this.kind = kind;
        this.name = name;
        this.at = at;
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public Position at() {
        return at;
    }

    /** Named entries, keyed "kind name" ("user bob", "group admins"). */
    public Map<String, Entry> entries() {
        return entries;
    }

    public Entry entry(String entryKind, String entryName) {
        return entries.get(entryKind + " " + entryName);
    }

    public void addEntry(Entry e) {
        entries.put(e.kind() + " " + e.name(), e);
        lines.add(e);
    }

    /** The "bind" and "dgram-bind" lines of a log-forward section with their parsed addresses. */
    public List<LogForwardConfig.Receiver> receivers() {
        return receivers;
    }

    /** The named entries and unnamed lines, in the order of the file. */
    public List<Entry> lines() {
        return lines;
    }

    /** The "log" targets of a log-forward section, as parse_logsrv() left them. */
    public List<LogTarget> logTargets() {
        return logTargets;
    }

    public Map<String, GlobalBuilder.Setting> settings() {
        return settings;
    }

    public void set(String keyword, Position where, List<String> args) {
        settings.put(keyword, new GlobalBuilder.Setting(where, List.copyOf(args)));
    }

    public int listeners() {
        return listeners;
    }

    public void addListener() {
        listeners++;
    }
}
