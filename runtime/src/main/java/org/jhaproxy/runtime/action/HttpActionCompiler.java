package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.runtime.logformat.CompiledLogFormat;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.RequestUri;
import org.jhaproxy.runtime.sample.SampleCompiler;
import org.jhaproxy.runtime.sample.VarRef;
import org.jhaproxy.runtime.stick.CounterAction;
import org.jhaproxy.runtime.stick.TrackAction;

/**
 * Compiles the words of an http-request / http-response rule (from its action keyword up to its
 * condition) into an {@link HttpAction}, once, at start-up. The actions listed in
 * {@link #REQUEST} and {@link #RESPONSE} are the ones executed; RuntimeSupport refuses others.
 */
public final class HttpActionCompiler {
    /** http-request actions executed. */
    public static final List<String> REQUEST = List.of("set-header", "add-header", "del-header", "replace-header",
            "replace-value", "set-path", "set-query", "set-uri", "set-method", "replace-path", "replace-uri", "deny", "allow",
            "redirect", "return", "set-var", "unset-var", "set-var-fmt", "capture", "use-service", "tarpit",
            "track-sc0", "track-sc1", "track-sc2", "sc-inc-gpc0", "sc-inc-gpc1", "sc-set-gpt0", "auth",
            "set-src", "set-src-port", "set-dst", "set-dst-port", "cache-use", "wait-for-body");
    /** http-response actions executed. */
    public static final List<String> RESPONSE = List.of("set-header", "add-header", "del-header", "replace-header",
            "replace-value", "set-status", "deny", "allow", "set-var", "unset-var", "set-var-fmt", "capture",
            "track-sc0", "track-sc1", "track-sc2", "sc-inc-gpc0", "sc-inc-gpc1", "sc-set-gpt0", "cache-store");

    private HttpActionCompiler() {
    }

    /** The action name as RuntimeSupport lists it: "set-var(txn.x)" is "set-var". */
    public static String actionName(String word) {
        int paren = word.indexOf('(');
        return paren < 0 ? word : word.substring(0, paren);
    }

    public static HttpAction compile(List<String> w, boolean response, CompileScope scope) throws NotSupported {
        String action = actionName(w.get(0));
        if (!(response ? RESPONSE : REQUEST).contains(action)) {
            throw new NotSupported("'" + (response ? "http-response " : "http-request ") + action
                    + "' is not supported by jhaproxy yet.");
        }
        return switch (action) {
            case "set-header" -> HeaderActions.set(w.get(1), fmt(w, 2, scope));
            case "add-header" -> HeaderActions.add(w.get(1), fmt(w, 2, scope));
            case "del-header" -> {
                if (w.size() > 2) {
                    throw new NotSupported("'del-header' with '-m' is not supported by jhaproxy yet.");
                }
                yield HeaderActions.del(w.get(1));
            }
            case "replace-header" -> HeaderActions.replace(w.get(1), w.get(2), fmt(w, 3, scope), false);
            case "replace-value" -> HeaderActions.replace(w.get(1), w.get(2), fmt(w, 3, scope), true);
            case "set-path" -> uri(fmt(w, 1, scope), UriPart.PATH);
            case "set-query" -> uri(fmt(w, 1, scope), UriPart.QUERY);
            case "set-uri" -> uri(fmt(w, 1, scope), UriPart.URI);
            case "replace-path" -> replacePath(w.get(1), fmt(w, 2, scope));
            case "replace-uri" -> replaceUri(w.get(1), fmt(w, 2, scope));
            case "set-method" -> {
                CompiledLogFormat m = fmt(w, 1, scope);
                yield (c, msg) -> {
                    ((HttpRequest) msg).setMethod(HttpMethod.valueOf(m.eval(c)));
                    return null;
                };
            }
            case "set-status" -> setStatus(w);
            case "deny" -> deny(w, response);
            case "tarpit" -> tarpit(w);
            case "wait-for-body" -> WaitForBody.parse(w);
            case "allow" -> (c, msg) -> Reply.ALLOW;
            case "capture" -> CaptureAction.compile(w, response, scope);
            case "redirect" -> Redirect.compile(w, true, scope);
            case "return" -> Return.compile(w, scope);
            case "auth" -> AuthChallenge.compile(w, scope);
            case "use-service" -> useService(w);
            case "cache-use" -> org.jhaproxy.runtime.cache.CacheRules.use(w, scope);
            case "cache-store" -> org.jhaproxy.runtime.cache.CacheRules.store(w, scope);
            case "track-sc0", "track-sc1", "track-sc2" -> {
                TrackAction t = TrackAction.compile(w, scope,
                        response ? TrackAction.Level.HTTP_RESPONSE : TrackAction.Level.HTTP_REQUEST);
                yield (c, msg) -> {
                    t.apply(c, msg instanceof HttpResponse r ? r.status().code() : 0);
                    return null;
                };
            }
            case "sc-inc-gpc0", "sc-inc-gpc1", "sc-set-gpt0" -> {
                CounterAction a = CounterAction.compile(w, scope);
                yield (c, msg) -> {
                    a.apply(c);
                    return null;
                };
            }
            case "set-var" -> setVar(w, scope);
            case "set-src", "set-src-port", "set-dst", "set-dst-port" -> AddressActions.http(w, scope);
            case "set-var-fmt" -> {
                VarRef ref = VarRef.parse(varName(w.get(0)));
                CompiledLogFormat f = fmt(w, 1, scope);
                yield (c, msg) -> {
                    ref.set(c, org.jhaproxy.runtime.sample.Sample.str(f.eval(c)));
                    return null;
                };
            }
            case "unset-var" -> {
                VarRef ref = VarRef.parse(varName(w.get(0)));
                yield (c, msg) -> {
                    ref.unset(c);
                    return null;
                };
            }
            default -> throw new NotSupported("'" + action + "' is not supported by jhaproxy yet.");
        };
    }

    /** use-service NAME: the services jhaproxy has (prometheus-exporter); it ends the rules. */
    private static HttpAction useService(List<String> w) throws NotSupported {
        String name = w.size() > 1 ? w.get(1) : "";
        if (!name.equals(org.jhaproxy.runtime.promex.PromexService.NAME)) {
            throw new NotSupported("'http-request use-service " + name + "' is not supported by jhaproxy yet.");
        }
        Reply r = Reply.service(org.jhaproxy.runtime.promex.PromexService.INSTANCE);
        return (c, msg) -> r;
    }

    private static CompiledLogFormat fmt(List<String> w, int i, CompileScope scope) throws NotSupported {
        return CompiledLogFormat.compile(i < w.size() ? w.get(i) : "", scope);
    }

    /** "set-var(txn.name[,cond...])": the name, the conditions being refused for now. */
    private static String varName(String word) throws NotSupported {
        String inner = word.substring(word.indexOf('(') + 1, word.lastIndexOf(')'));
        if (inner.indexOf(',') >= 0) {
            throw new NotSupported("set-var conditions are not supported by jhaproxy yet.");
        }
        return inner.strip();
    }

    private static HttpAction setVar(List<String> w, CompileScope scope) throws NotSupported {
        VarRef ref = VarRef.parse(varName(w.get(0)));
        CompiledSample expr;
        try {
            SampleExprParser p = new SampleExprParser(SampleRegistry.standard(), Path::of);
            expr = SampleCompiler.compile(p.parse(w, 1).expr(), scope);
        } catch (ExprError e) {
            throw new NotSupported("set-var expression: " + e.getMessage());
        }
        return (c, msg) -> {
            org.jhaproxy.runtime.sample.Sample v = expr.eval(c);
            if (v != null) {
                ref.set(c, v);
            }
            return null;
        };
    }

    /** deny [deny_status N]: the error page of that status (403 for a request, 502 for a response). */
    private static HttpAction deny(List<String> w, boolean response) throws NotSupported {
        int status = response ? 502 : 403;
        for (int i = 1; i < w.size(); i++) {
            if (w.get(i).equals("deny_status") && i + 1 < w.size()) {
                status = Integer.parseInt(w.get(++i));
            } else {
                throw new NotSupported("deny option '" + w.get(i) + "' is not supported by jhaproxy yet.");
            }
        }
        Reply builtIn = ErrorReplies.of(status);
        int s = status;
        if (response) {
            return (c, msg) -> ErrorReplies.of(s, c, builtIn);
        }
        return (c, msg) -> {
            // a denied request counts as an error of what the stream tracks (http_err_cnt/rate)
            org.jhaproxy.runtime.stick.Tracking.httpError(c);
            return ErrorReplies.of(s, c, builtIn);
        };
    }

    /**
     * tarpit [deny_status N]: the stream holds the request, then answers with the error reply of
     * that status (500 by default), chosen when the hold ends (http_process_tarpit()).
     */
    private static HttpAction tarpit(List<String> w) throws NotSupported {
        int status = 500;
        if (w.size() == 3 && w.get(1).equals("deny_status")) {
            status = Integer.parseInt(w.get(2));
        } else if (w.size() != 1) {
            throw new NotSupported("tarpit option '" + w.get(1) + "' is not supported by jhaproxy yet.");
        }
        Reply r = new Reply(Reply.Kind.TARPIT, ErrorReplies.of(status).bytes(), false, false);
        return (c, msg) -> r;
    }

    private static HttpAction setStatus(List<String> w) {
        int code = Integer.parseInt(w.get(1));
        String reason = w.size() > 3 && w.get(2).equals("reason") ? w.get(3) : HttpReasons.of(code);
        HttpResponseStatus status = new HttpResponseStatus(code, reason);
        return (c, msg) -> {
            ((HttpResponse) msg).setStatus(status);
            return null;
        };
    }

    private enum UriPart {
        PATH, QUERY, URI
    }

    private static HttpAction uri(CompiledLogFormat f, UriPart part) {
        return (c, msg) -> {
            HttpRequest r = (HttpRequest) msg;
            String v = f.eval(c);
            String uri = r.uri();
            String path = RequestUri.path(uri);
            String query = RequestUri.query(uri);
            int pathStart = RequestUri.pathStart(uri);
            String before = pathStart < 0 ? uri : uri.substring(0, pathStart);
            String updated = switch (part) {
                case URI -> v;
                case PATH -> before + v + (query == null ? "" : "?" + query);
                case QUERY -> before + (path == null ? "" : path) + "?" + v;
            };
            r.setUri(updated);
            return null;
        };
    }

    /**
     * replace-uri regex fmt: where the regex matches the URI as received (absolute form
     * included), the whole URI becomes the format, its \N replaced by the regex's groups.
     */
    private static HttpAction replaceUri(String regex, CompiledLogFormat f) {
        Pattern p = Pattern.compile(regex);
        return (c, msg) -> {
            HttpRequest r = (HttpRequest) msg;
            java.util.regex.Matcher m = p.matcher(r.uri());
            if (!r.uri().isEmpty() && m.find()) {
                r.setUri(HeaderActions.expand(f.eval(c), m));
            }
            return null;
        };
    }

    /** replace-path regex fmt: the whole path becomes the format where the regex matches. */
    private static HttpAction replacePath(String regex, CompiledLogFormat f) {
        Pattern p = Pattern.compile(regex);
        return (c, msg) -> {
            HttpRequest r = (HttpRequest) msg;
            String uri = r.uri();
            String path = RequestUri.path(uri);
            if (path == null) {
                return null;
            }
            String query = RequestUri.query(uri);
            java.util.regex.Matcher m = p.matcher(path);
            if (m.find()) {
                String prefix = uri.substring(0, uri.length() - path.length() - (query == null ? 0 : query.length() + 1));
                r.setUri(prefix + HeaderActions.expand(f.eval(c), m) + (query == null ? "" : "?" + query));
            }
            return null;
        };
    }
}
