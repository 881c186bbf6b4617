package org.jhaproxy.runtime.stick;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.model.PeersTable;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.sample.Units;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.sample.NotSupported;

/**
 * The stick-tables of a configuration, one per proxy declaring "stick-table", named after it,
 * and one per "table" line of a peers section, named "peers/table".
 * The configuration check validated each line already; building a table only refuses the store
 * options jhaproxy does not execute. "show table" lists them last declared first, as haproxy's
 * stktables_list.
 */
public final class StickTables {
    private final List<StickTable> all = new ArrayList<>();
    private NotSupported refused;

    /** The tables of these proxies; a store option not executed is kept to refuse the start ({@link #check}). */
    public static StickTables of(List<ProxyConfig> proxies) {
        return of(proxies, List.of(), List.of());
    }

    /**
     * The tables of the proxies and of the peers sections ("table" lines, named "peers/table"),
     * ordered as haproxy's stktables_list: each declaration is pushed in front, so the last
     * line declared (files in their order) comes first.
     */
    public static StickTables of(List<ProxyConfig> proxies, List<PeersTable> peersTables, List<String> files) {
        List<Declared> declared = new ArrayList<>();
        for (ProxyConfig pc : proxies) {
            Line l = pc.last("stick-table");
            if (l != null) {
                declared.add(new Declared(pc.name(), l, 1));
            }
        }
        for (PeersTable pt : peersTables) {
            declared.add(new Declared(pt.name(), pt.line(), 2));
        }
        declared.sort(Comparator.comparingInt((Declared d) -> files.indexOf(d.line.file())).thenComparingInt(d -> d.line.lineNo()));
        StickTables t = new StickTables();
        for (Declared d : declared) {
            try {
                t.all.add(parse(d.name, d.line, d.firstOption));
            } catch (NotSupported e) {
                if (t.refused == null) {
                    t.refused = e;
                }
            }
        }
        Collections.reverse(t.all);
        return t;
    }

    /** A table's line, its name, and where its options start ("stick-table type..." / "table t1 type..."). */
    private record Declared(String name, Line line, int firstOption) {
    }

    /** Refuses the start when a table uses an option jhaproxy does not execute. */
    public void check() throws NotSupported {
        if (refused != null) {
            throw refused;
        }
    }

    /** A table of that name (stktable_find_by_name()), or null. */
    public StickTable find(String name) {
        for (StickTable t : all) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Every table, in "show table" order. */
    public List<StickTable> all() {
        return List.copyOf(all);
    }

    private static StickTable parse(String name, Line l, int firstOption) throws NotSupported {
        KeyType type = null;
        int keySize = 0;
        long size = 0;
        long expire = 0;
        boolean nopurge = false;
        Map<DataType, Long> stored = new EnumMap<>(DataType.class);
        List<String> a = l.args();
        for (int i = firstOption; i < a.size(); i++) {
            switch (a.get(i)) {
                case "size" -> size = Units.parseSize(a.get(++i));
                case "expire" -> expire = Units.parseTime(a.get(++i));
                case "nopurge" -> nopurge = true;
                case "peers" -> i++; // the local peer only: nothing to synchronise with (see the peers section)
                case "type" -> {
                    type = KeyType.of(a.get(++i));
                    keySize = type.defaultSize();
                    if ((type == KeyType.STRING || type == KeyType.BINARY) && i + 2 < a.size() && a.get(i + 1).equals("len")) {
                        keySize = Integer.parseInt(a.get(i + 2)) + (type == KeyType.STRING ? 1 : 0);
                        i += 2;
                    }
                }
                case "store" -> store(a.get(++i), stored, l);
                default -> throw new NotSupported("parsing [" + l.where() + "] : stick-table option '" + a.get(i)
                        + "' is not supported by jhaproxy yet.");
            }
        }
        return new StickTable(name, type, keySize, (int) size, expire, nopurge, stored);
    }

    /** "store a,b(period),...": each data type once (a repeated one was warned about and ignored). */
    private static void store(String list, Map<DataType, Long> stored, Line l) throws NotSupported {
        for (String item : list.split(",(?![^(]*\\))")) {
            int paren = item.indexOf('(');
            String kw = paren < 0 ? item : item.substring(0, paren);
            DataType t = DataType.of(kw);
            if (t == null || !StickKeywords.STORED.contains(t)) {
                throw new NotSupported("parsing [" + l.where() + "] : stick-table store option '" + kw
                        + "' is not supported by jhaproxy yet.");
            }
            if (stored.containsKey(t)) {
                continue;
            }
            long period = 0;
            if (t.isRate()) {
                period = Units.parseTime(item.substring(paren + 1, item.indexOf(')', paren)));
            }
            stored.put(t, period);
        }
    }
}
