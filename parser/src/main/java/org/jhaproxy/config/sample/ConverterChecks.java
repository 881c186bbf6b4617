package org.jhaproxy.config.sample;

import java.util.List;
import java.util.Set;

/**
 * The argument checks some converters run while the expression is parsed (their val_args in
 * sample.c / ssl_sample.c): json's input type, sha2's bit count, field/word's index and
 * separators, and the variable names of concat, strcmp and secure_memcmp.
 */
final class ConverterChecks {
    private static final Set<String> JSON_TYPES = Set.of("", "ascii", "utf8", "utf8s", "utf8p", "utf8ps");
    private static final Set<Long> SHA2_BITS = Set.of(224L, 256L, 384L, 512L);

    private ConverterChecks() {
    }

    /** The reason the arguments are refused, or null. */
    static String problem(String conv, List<SampleArg> args) {
        switch (conv) {
            case "json" -> {
                if (!args.isEmpty() && !JSON_TYPES.contains(args.get(0).text())) {
                    return "Unexpected input code type. Allowed value are 'ascii', 'utf8', 'utf8s', 'utf8p' and 'utf8ps'";
                }
            }
            case "sha2" -> {
                if (!args.isEmpty()) {
                    Long bits = integer(args.get(0).text());
                    if (bits != null && !SHA2_BITS.contains(bits)) {
                        return "Unsupported number of bits: '" + bits + "'";
                    }
                }
            }
            case "field", "word" -> {
                if (!args.isEmpty() && Long.valueOf(0).equals(integer(args.get(0).text()))) {
                    return "Unexpected value 0 for index";
                }
                if (args.size() > 1 && args.get(1).text().isEmpty()) {
                    return "Empty separators list";
                }
            }
            case "concat" -> {
                if (args.size() > 1 && !args.get(1).text().isEmpty() && badVariable(args.get(1).text())) {
                    return "failed to register variable name '" + args.get(1).text() + "'";
                }
            }
            case "strcmp", "secure_memcmp" -> {
                if (!args.isEmpty()) {
                    String name = args.get(0).text();
                    if (name.isEmpty()) {
                        return "missing variable name";
                    }
                    if (badVariable(name)) {
                        return "failed to register variable name '" + name + "'";
                    }
                }
            }
            default -> {
            }
        }
        return null;
    }

    private static boolean badVariable(String name) {
        return VariableNames.problem(name, name) != null;
    }

    private static Long integer(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
