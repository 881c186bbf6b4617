package org.jhaproxy.config.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments a fetch or converter takes: their types in order, of which the first
 * {@code mandatory} are required (HAProxy's arg_mask). Read from the -dK dump form
 * "name(integer,string[,integer])".
 */
public record ArgSignature(List<ArgType> types, int mandatory) {
    public static final ArgSignature NONE = new ArgSignature(List.of(), 0);

    public ArgSignature {
        types = List.copyOf(types);
    }

    public boolean acceptsArgs() {
        return !types.isEmpty();
    }

    /** Parses the inside of the parentheses of a -dK dump line, e.g. "string[,integer]". */
    static ArgSignature parseDump(String inside) {
        List<ArgType> types = new ArrayList<>();
        int mandatory = -1;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i <= inside.length(); i++) {
            char c = i < inside.length() ? inside.charAt(i) : ',';
            if (c == '[') {
                if (cur.length() > 0) {
                    types.add(ArgType.fromDisplayName(cur.toString()));
                    cur.setLength(0);
                }
                mandatory = types.size();
            } else if (c == ',' || c == ']') {
                if (cur.length() > 0) {
                    types.add(ArgType.fromDisplayName(cur.toString()));
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        return new ArgSignature(types, mandatory < 0 ? types.size() : mandatory);
    }
}
