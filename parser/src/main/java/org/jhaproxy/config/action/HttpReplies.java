package org.jhaproxy.config.action;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jhaproxy.config.sample.ExprError;

/**
 * The reply of "http-request return/deny/tarpit" (configuration.txt "http-request return";
 * http_htx.c http_parse_http_reply()): status, content-type, one payload source (errorfile(s),
 * file, string, lf-file, lf-string) and hdr lines, checked as HAProxy checks them.
 */
final class HttpReplies {
    private HttpReplies() {
    }

    /** The status codes HAProxy has default error pages for (http_err_codes). */
    private static final Set<Integer> ERROR_CODES = Set.of(200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 425, 429,
            500, 501, 502, 503, 504);

    /** deny/tarpit: "deny_status N" alone keeps the legacy form, else a full reply. */
    static int denyOrTarpit(ActionContext ac, int cur) throws ExprError {
        if (ac.endsAt(cur)) {
            return cur;
        }
        List<String> args = new ArrayList<>(ac.args());
        if (ac.arg(cur).equals("deny_status")) {
            if (ac.endsAt(cur + 2)) {
                parse(ac, List.of("status", ac.arg(cur + 1), "default-errorfiles"), 0, 403);
                return cur + 2;
            }
            args.set(cur, "status");
        }
        return parse(ac, args, cur, 403);
    }

    static int returnAction(ActionContext ac, int cur) throws ExprError {
        return parse(ac, ac.args(), cur, 200);
    }

    private static String arg(List<String> args, int i) {
        return i < args.size() ? args.get(i) : "";
    }

    private static int parse(ActionContext ac, List<String> args, int cur, int status) throws ExprError {
        String type = null; // the payload argument seen
        String ctype = null;
        String payload = null;
        while (!arg(args, cur).isEmpty()) {
            String w = arg(args, cur);
            switch (w) {
                case "status" -> {
                    cur++;
                    if (arg(args, cur).isEmpty()) {
                        throw new ExprError("'" + w + "' expects <status_code> as argument");
                    }
                    status = HttpActions.atoi(arg(args, cur));
                    if (status < 200 || status > 599) {
                        throw new ExprError("Unexpected status code '" + status + "'");
                    }
                    cur++;
                }
                case "content-type" -> {
                    cur++;
                    if (arg(args, cur).isEmpty()) {
                        throw new ExprError("'" + w + "' expects <ctype> as argument");
                    }
                    ctype = arg(args, cur);
                    cur++;
                }
                case "default-errorfiles" -> {
                    if (type != null) {
                        throw new ExprError("unexpected '" + w + "' argument, '" + type + "' already defined");
                    }
                    type = w;
                    cur++;
                }
                case "errorfiles", "errorfile", "file", "string", "lf-file", "lf-string" -> {
                    if (type != null) {
                        throw new ExprError("unexpected '" + w + "' argument, '" + type + "' already defined");
                    }
                    type = w;
                    cur++;
                    String value = arg(args, cur);
                    if (value.isEmpty()) {
                        String what = switch (w) {
                            case "errorfiles" -> "<name>";
                            case "errorfile", "lf-string" -> "<fmt>";
                            case "string" -> "<str>";
                            default -> "<file>";
                        };
                        throw new ExprError("'" + w + "' expects " + what + " as argument");
                    }
                    if (w.equals("errorfile") || w.equals("file") || w.equals("lf-file")) {
                        Path p = ac.ctx().env().resolve(value);
                        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                            throw new ExprError("error opening file '" + value + "'");
                        }
                    }
                    payload = value;
                    cur++;
                }
                case "hdr" -> {
                    cur++;
                    if (arg(args, cur).isEmpty() || arg(args, cur + 1).isEmpty()) {
                        throw new ExprError("'" + w + "' expects <name> and <value> as arguments");
                    }
                    ActionArgs.logFormat(ac, arg(args, cur + 1));
                    cur += 2;
                }
                default -> {
                    return finish(ac, type, ctype, payload, status, cur);
                }
            }
        }
        return finish(ac, type, ctype, payload, status, cur);
    }

    private static int finish(ActionContext ac, String type, String ctype, String payload, int status, int cur) throws ExprError {
        if (type == null || type.equals("default-errorfiles") || type.equals("errorfiles")) {
            if (type != null && !ERROR_CODES.contains(status)) {
                throw new ExprError("status code '" + status + "' not handled by default with '" + type + "' argument.");
            }
        } else if (type.equals("string") || type.equals("file")) {
            boolean empty = type.equals("string") && payload.isEmpty();
            if ((status == 204 || status == 304) && !empty) {
                throw new ExprError("No body expected for " + status + " responses");
            }
            if (ctype == null && !empty) {
                throw new ExprError("a content type must be defined when non-empty payload is configured");
            }
        } else if (type.equals("lf-string") || type.equals("lf-file")) {
            if (status == 204 || status == 304) {
                throw new ExprError("No body expected for " + status + " responses");
            }
            if (ctype == null) {
                throw new ExprError("a content type must be defined with a log-format payload");
            }
            if (type.equals("lf-string")) {
                ActionArgs.logFormat(ac, payload);
            }
        }
        return cur;
    }
}
