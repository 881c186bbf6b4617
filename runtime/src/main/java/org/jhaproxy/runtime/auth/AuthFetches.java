package org.jhaproxy.runtime.auth;

import java.util.List;
import java.util.Map;
import org.jhaproxy.config.model.UserlistConfig;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.Fetches;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;

/**
 * The authentication fetches of configuration.txt 7.3.6, all read from the request's
 * Authorization header ({@link Credentials}): http_auth(userlist) and http_auth_group(userlist)
 * check the Basic credentials against a userlist, the others give what the header says.
 */
public final class AuthFetches {
    private AuthFetches() {
    }

    public static void register(Map<String, Fetches.Factory> m) {
        m.put("http_auth_type", (a, s) -> c -> {
            Credentials cr = Credentials.of(c.request());
            return cr == null ? null : Sample.str(cr.scheme().text());
        });
        m.put("http_auth_user", (a, s) -> c -> {
            Credentials cr = basic(Credentials.of(c.request()));
            return cr == null ? null : Sample.str(cr.user());
        });
        m.put("http_auth_pass", (a, s) -> c -> {
            Credentials cr = basic(Credentials.of(c.request()));
            return cr == null ? null : Sample.str(cr.pass());
        });
        // a boolean: whether the Basic credentials are those of a user of the list
        m.put("http_auth", (a, s) -> {
            Userlist ul = userlist(a, s);
            return c -> {
                Credentials cr = basic(Credentials.of(c.request()));
                return cr == null ? null : Sample.bool(ul.checkUser(cr.user(), cr.pass()));
            };
        });
        // the user's name when the credentials are right; its ACL form matches the user's groups
        m.put("http_auth_group", (a, s) -> {
            Userlist ul = userlist(a, s);
            return c -> {
                Credentials cr = basic(Credentials.of(c.request()));
                return cr == null || !ul.checkUser(cr.user(), cr.pass()) ? null : Sample.str(cr.user());
            };
        });
    }

    private static Credentials basic(Credentials c) {
        return c != null && c.scheme() == Credentials.Scheme.BASIC ? c : null;
    }

    /** The userlist a fetch names (the parser has checked that it exists). */
    public static Userlist userlist(List<SampleArg> args, CompileScope scope) throws NotSupported {
        String name = args.isEmpty() ? "" : args.get(0).text();
        UserlistConfig c = scope.proxies().config().userlist(name);
        if (c == null) {
            throw new NotSupported("no such userlist '" + name + "'.");
        }
        return Userlist.of(c);
    }
}
