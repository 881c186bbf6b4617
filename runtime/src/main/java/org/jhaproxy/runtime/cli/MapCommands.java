package org.jhaproxy.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.runtime.acl.PatternElement;
import org.jhaproxy.runtime.acl.PatternReference;
import org.jhaproxy.runtime.acl.PatternReferences;
import org.jhaproxy.runtime.sample.NotSupported;

/**
 * The map and ACL commands (management.txt section 9.3, map.c): show, get, add, del, set,
 * clear, prepare and commit, on the pattern references the running rules read, so a change is
 * seen by the next request. haproxy 2.6 checks no level for them: a "user" socket may change
 * a map. A reference is named "#id" or by its file, as "show map" lists them.
 */
final class MapCommands {
    private static final String UNKNOWN_MAP = "Unknown map identifier. Please use #<id> or <file>.\n";
    private static final String UNKNOWN_ACL = "Unknown ACL identifier. Please use #<id> or <file>.\n";
    private static final String MALFORMED = "Malformed identifier. Please use #<id> or <file>.\n";

    private MapCommands() {
    }

    static List<CliCommand> all() {
        List<CliCommand> out = new ArrayList<>();
        for (String what : List.of("acl", "map")) {
            out.add(CliCommand.of("show " + what, MapCommands::show));
            out.add(CliCommand.of("get " + what, MapLookup::get));
            out.add(CliCommand.of("add " + what, MapCommands::add));
            out.add(CliCommand.of("del " + what, MapCommands::del));
            out.add(CliCommand.of("clear " + what, MapCommands::clear));
            out.add(CliCommand.of("prepare " + what, MapCommands::prepare));
            out.add(CliCommand.of("commit " + what, MapCommands::commit));
        }
        out.add(CliCommand.of("set map", MapCommands::set));
        return out;
    }

    static boolean isMap(CliRequest r) {
        return r.arg(1).equals("map");
    }

    static String unknown(CliRequest r) {
        return isMap(r) ? UNKNOWN_MAP : UNKNOWN_ACL;
    }

    static PatternReferences refs(CliRequest r) {
        return r.engine().proxies().patterns();
    }

    /** The reference named by {@code name} if it is used as the kind the command names. */
    private static PatternReference ofKind(CliRequest r, String name) {
        PatternReference ref = refs(r).lookup(name);
        if (ref == null || !(isMap(r) ? ref.isMap() : ref.isAcl())) {
            return null;
        }
        return ref;
    }

    /** str2uic(): the leading digits as an unsigned 32-bit number. */
    static int version(String text) {
        int v = 0;
        for (int i = 0; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }

    private static String show(CliRequest r) {
        if (r.arg(2).isEmpty()) {
            StringBuilder b = new StringBuilder("# id (file) description\n");
            for (PatternReference ref : refs(r).all()) {
                if (isMap(r) ? ref.isMap() : ref.isAcl()) {
                    b.append(ref.uniqueId()).append(" (").append(ref.reference() == null ? "" : ref.reference())
                            .append(") ").append(ref.display()).append(". curr_ver=")
                            .append(Integer.toUnsignedString(ref.currGen())).append(" next_ver=")
                            .append(Integer.toUnsignedString(ref.nextGen())).append(" entry_cnt=")
                            .append(Long.toUnsignedString(ref.entryCount())).append('\n');
                }
            }
            return b.toString();
        }
        int a = 2;
        String gen = null;
        if (r.arg(2).startsWith("@")) {
            gen = r.arg(2).substring(1);
            a++;
        }
        PatternReference ref = ofKind(r, r.arg(a));
        if (ref == null) {
            return unknown(r);
        }
        StringBuilder b = new StringBuilder();
        for (PatternElement e : ref.elements(gen != null ? version(gen) : ref.currGen())) {
            b.append(e.address()).append(' ').append(e.pattern());
            if (e.sample() != null) {
                b.append(' ').append(e.sample());
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String add(CliRequest r) {
        boolean map = isMap(r);
        int a = 2;
        String gen = null;
        if (r.arg(2).startsWith("@")) {
            gen = r.arg(2).substring(1);
            a++;
        }
        String payload = r.payload();
        if (map) {
            if ((payload == null && (r.arg(a).isEmpty() || r.arg(a + 1).isEmpty() || r.arg(a + 2).isEmpty()))
                    || (payload != null && r.arg(a).isEmpty())) {
                return "'add map' expects three parameters (map identifier, key and value)"
                        + " or one parameter (map identifier) and a payload\n";
            }
        } else if (r.arg(a).isEmpty() || r.arg(a + 1).isEmpty()) {
            return "'add acl' expects two parameters: ACL identifier and pattern.\n";
        }
        PatternReference ref = refs(r).lookup(r.arg(a));
        if (ref == null) {
            return unknown(r);
        }
        int genId = gen != null ? version(gen) : ref.currGen();
        if (gen != null && genId - ref.nextGen() > 0) {
            return "Version number in the future, please use 'prepare " + r.arg(1) + "' before.\n";
        }
        if (!map && ref.hasSamples()) {
            return "This ACL is shared with a map containing samples. "
                    + "You must use the command 'add map' to add values.\n";
        }
        try {
            if (payload == null) {
                ref.add(genId, r.arg(a + 1), map ? r.arg(a + 2) : null);
                return "";
            }
            // one "key value" pair per line: the key up to the first blank, the value the rest
            for (String line : payload.split("\n", -1)) {
                if (line.isEmpty()) {
                    break;
                }
                int sp = 0;
                while (sp < line.length() && line.charAt(sp) != ' ' && line.charAt(sp) != '\t') {
                    sp++;
                }
                if (sp == line.length() && map) {
                    return "Missing value for key '" + line + "'.\n";
                }
                String value = sp == line.length() ? "" : line.substring(sp + 1).replaceFirst("^[ \t]+", "");
                ref.add(genId, line.substring(0, sp), map ? value : null);
            }
            return "";
        } catch (NotSupported e) {
            return e.getMessage() + ".\n";
        }
    }

    /** "#0x..." names one entry by the address "show map" printed; null when the word is a key. */
    private static Long entryId(String word) {
        if (!word.startsWith("#0x")) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(word.substring(3), 16);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static String del(CliRequest r) {
        if (r.arg(2).isEmpty() || r.arg(3).isEmpty()) {
            return "This command expects two parameters: " + (isMap(r) ? "map" : "ACL") + " identifier and key.\n";
        }
        PatternReference ref = ofKind(r, r.arg(2));
        if (ref == null) {
            return UNKNOWN_MAP;
        }
        Long id = entryId(r.arg(3));
        if (id != null && id == -1L) {
            return MALFORMED;
        }
        boolean done = id != null ? ref.delete(id) : ref.delete(r.arg(3));
        return done ? "" : "Key not found.\n";
    }

    private static String set(CliRequest r) {
        if (r.arg(2).isEmpty() || r.arg(3).isEmpty() || r.arg(4).isEmpty()) {
            return "'set map' expects three parameters: map identifier, key and value.\n";
        }
        PatternReference ref = refs(r).lookup(r.arg(2));
        if (ref == null) {
            return UNKNOWN_MAP;
        }
        Long id = entryId(r.arg(3));
        if (id != null && id == -1L) {
            return MALFORMED;
        }
        String err = ref.set(r.arg(3), id, r.arg(4));
        return err == null ? "" : err + ".\n";
    }

    private static String clear(CliRequest r) {
        int a = 2;
        String gen = null;
        if (r.arg(2).startsWith("@")) {
            gen = r.arg(2).substring(1);
            a++;
        }
        if (r.arg(a).isEmpty()) {
            return "Missing " + (isMap(r) ? "map" : "ACL") + " identifier.\n";
        }
        PatternReference ref = ofKind(r, r.arg(a));
        if (ref == null) {
            return unknown(r);
        }
        ref.clear(gen != null ? version(gen) : ref.currGen());
        return "";
    }

    private static String prepare(CliRequest r) {
        PatternReference ref = ofKind(r, r.arg(2));
        if (ref == null) {
            return unknown(r);
        }
        return "New version created: " + Integer.toUnsignedString(ref.newGen()) + "\n";
    }

    private static String commit(CliRequest r) {
        if (!r.arg(2).startsWith("@")) {
            return "Missing version number.\n";
        }
        if (r.arg(3).isEmpty()) {
            return "Missing " + (isMap(r) ? "map" : "ACL") + " identifier.\n";
        }
        PatternReference ref = ofKind(r, r.arg(3));
        if (ref == null) {
            return unknown(r);
        }
        return ref.commit(version(r.arg(2).substring(1))) ? "" : "Version number out of range.\n";
    }
}
