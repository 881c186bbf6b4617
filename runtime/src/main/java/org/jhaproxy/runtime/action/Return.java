package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jhaproxy.runtime.logformat.CompiledLogFormat;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * "http-request return" (configuration.txt 4.2): a response built as http_reply_to_htx() does:
 * the "hdr" headers (those with a value), content-length, then content-type if there is a body.
 * A reply without any log-format part is built once at start-up.
 */
final class Return implements HttpAction {
    private final String statusLine;
    private final List<String> hdrNames;
    private final List<CompiledLogFormat> hdrValues;
    private final String contentType;
    private final CompiledLogFormat body;
    private final Reply constant;

    private Return(String statusLine, List<String> hdrNames, List<CompiledLogFormat> hdrValues, String contentType,
                   CompiledLogFormat body) {
        this.statusLine = statusLine;
        this.hdrNames = hdrNames;
        this.hdrValues = hdrValues;
        this.contentType = contentType;
        this.body = body;
        boolean dynamic = !body.isConstant() || hdrValues.stream().anyMatch(f -> !f.isConstant());
        this.constant = dynamic ? null : Reply.local(build(null), false);
    }

    static Return compile(List<String> w, CompileScope scope) throws NotSupported {
        int status = 200;
        String ctype = null;
        CompiledLogFormat body = CompiledLogFormat.compile("", scope);
        List<String> names = new ArrayList<>();
        List<CompiledLogFormat> values = new ArrayList<>();
        for (int i = 1; i < w.size(); i++) {
            String k = w.get(i);
            switch (k) {
                case "status" -> status = Integer.parseInt(w.get(++i));
                case "content-type" -> ctype = w.get(++i);
                case "string" -> body = CompiledLogFormat.compile(w.get(++i).replace("%", "%%"), scope);
                case "lf-string" -> body = CompiledLogFormat.compile(w.get(++i), scope);
                case "file" -> body = CompiledLogFormat.compile(read(w.get(++i), scope).replace("%", "%%"), scope);
                case "lf-file" -> body = CompiledLogFormat.compile(read(w.get(++i), scope), scope);
                case "hdr" -> {
                    names.add(w.get(++i).toLowerCase(Locale.ROOT));
                    values.add(CompiledLogFormat.compile(w.get(++i), scope));
                }
                default -> throw new NotSupported("return option '" + k + "' is not supported by jhaproxy yet.");
            }
        }
        return new Return("HTTP/1.1 " + status + " " + HttpReasons.of(status) + "\r\n", names, values, ctype, body);
    }

    private static String read(String file, CompileScope scope) throws NotSupported {
        try {
            return new String(Files.readAllBytes(scope.file(file)), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new NotSupported("failed to read file '" + file + "'.");
        }
    }

    @Override
    public Reply apply(SampleContext c, HttpMessage msg) {
        Interception.count(c, msg);
        if (constant != null && c.requestComplete()) {
            return constant;
        }
        return Reply.local(build(c), !c.requestComplete());
    }

    private String build(SampleContext c) {
        StringBuilder sb = new StringBuilder(statusLine);
        for (int i = 0; i < hdrNames.size(); i++) {
            String v = hdrValues.get(i).eval(c);
            if (!v.isEmpty()) {
                sb.append(hdrNames.get(i)).append(": ").append(v).append("\r\n");
            }
        }
        String b = body.eval(c);
        byte[] bytes = b.getBytes(StandardCharsets.ISO_8859_1);
        sb.append("content-length: ").append(bytes.length).append("\r\n");
        if (!b.isEmpty() && contentType != null) {
            sb.append("content-type: ").append(contentType).append("\r\n");
        }
        return sb.append("\r\n").append(b).toString();
    }
}
