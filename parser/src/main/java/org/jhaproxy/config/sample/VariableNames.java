package org.jhaproxy.config.sample;

/**
 * Variable names as vars_hash_name() accepts them (vars.c): a scope prefix (proc., sess., txn.,
 * req., res., check.) followed by letters, digits, '_' and '.'.
 */
public final class VariableNames {
    private VariableNames() {
    }

    /**
     * The reason {@code name} is refused, or null. {@code text} is what HAProxy prints from the
     * bad character on: the name itself, or the rest of the action word for set-var(...).
     */
    public static String problem(String name, String text) {
        if (name.isEmpty()) {
            return "Empty variable name cannot be accepted";
        }
        String rest = null;
        for (String scope : new String[] {"proc.", "sess.", "txn.", "req.", "res.", "check."}) {
            if (name.length() > scope.length() && name.startsWith(scope)) {
                rest = name.substring(scope.length());
                break;
            }
        }
        if (rest == null) {
            return "invalid variable name '" + name + "'. A variable name must be start by its scope. "
                    + "The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check'";
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '_' && c != '.') {
                return "invalid syntax at char '" + text.substring(name.length() - rest.length() + i) + "'";
            }
        }
        return null;
    }
}
