package org.jhaproxy.runtime.sample;

/** A variable named "scope.name" (configuration.txt "set-var"), resolved once at start-up. */
public record VarRef(Vars.Scope scope, String name) {
    public static VarRef parse(String full) {
        int dot = full.indexOf('.');
        return new VarRef(Vars.Scope.of(full.substring(0, dot)), full.substring(dot + 1));
    }

    public Sample get(SampleContext c) {
        Vars v = c.vars(scope, false);
        return v == null ? null : v.get(name);
    }

    public void set(SampleContext c, Sample value) {
        Vars v = c.vars(scope, true);
        if (v != null) {
            v.set(name, value);
        }
    }

    public void unset(SampleContext c) {
        Vars v = c.vars(scope, false);
        if (v != null) {
            v.unset(name);
        }
    }
}
