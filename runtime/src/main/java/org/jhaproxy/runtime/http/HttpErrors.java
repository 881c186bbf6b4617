package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HAProxy 2.6's built-in error responses (http_err_msgs), byte for byte. The H1 layer sends a
 * parsing error's message (400, 408) as these raw bytes, header names in their original case
 * ("Content-length") and with "Connection: close"; errors of the HTTP layer go out as an
 * {@link HttpReply} instead.
 */
public final class HttpErrors {
    private static final Map<Integer, byte[]> BUILT_IN = Map.ofEntries(
            entry(200, "OK", false, "<html><body><h1>200 OK</h1>\nService ready.\n</body></html>\n"),
            entry(400, "Bad request", true, "<html><body><h1>400 Bad request</h1>\nYour browser sent an invalid request.\n</body></html>\n"),
            entry(401, "Unauthorized", false, "<html><body><h1>401 Unauthorized</h1>\nYou need a valid user and password to access this content.\n</body></html>\n"),
            entry(403, "Forbidden", false, "<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n"),
            entry(404, "Not Found", false, "<html><body><h1>404 Not Found</h1>\nThe resource could not be found.\n</body></html>\n"),
            entry(405, "Method Not Allowed", false, "<html><body><h1>405 Method Not Allowed</h1>\nA request was made of a resource using a request method not supported by that resource\n</body></html>\n"),
            entry(407, "Unauthorized", false, "<html><body><h1>407 Unauthorized</h1>\nYou need a valid user and password to access this content.\n</body></html>\n"),
            entry(408, "Request Time-out", true, "<html><body><h1>408 Request Time-out</h1>\nYour browser didn't send a complete request in time.\n</body></html>\n"),
            entry(410, "Gone", false, "<html><body><h1>410 Gone</h1>\nThe resource is no longer available and will not be available again.\n</body></html>\n"),
            entry(413, "Payload Too Large", false, "<html><body><h1>413 Payload Too Large</h1>\nThe request entity exceeds the maximum allowed.\n</body></html>\n"),
            entry(421, "Misdirected Request", false, "<html><body><h1>421 Misdirected Request</h1>\nRequest sent to a non-authoritative server.\n</body></html>\n"),
            entry(422, "Unprocessable Content", false, "<html><body><h1>422 Unprocessable Content</h1>\nThe server cannot process the contained instructions.\n</body></html>\n"),
            entry(425, "Too Early", false, "<html><body><h1>425 Too Early</h1>\nYour browser sent early data.\n</body></html>\n"),
            entry(429, "Too Many Requests", false, "<html><body><h1>429 Too Many Requests</h1>\nYou have sent too many requests in a given amount of time.\n</body></html>\n"),
            entry(500, "Internal Server Error", false, "<html><body><h1>500 Internal Server Error</h1>\nAn internal server error occurred.\n</body></html>\n"),
            entry(501, "Not Implemented", false, "<html><body><h1>501 Not Implemented</h1>\n.The server does not support the functionality required to fulfill the request.\n</body></html>\n"),
            entry(502, "Bad Gateway", false, "<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>\n"),
            entry(503, "Service Unavailable", false, "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n"),
            entry(504, "Gateway Time-out", false, "<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n"));

    private HttpErrors() {
    }

    private static Map.Entry<Integer, byte[]> entry(int code, String reason, boolean close, String body) {
        StringBuilder sb = new StringBuilder();
        sb.append("HTTP/1.1 ").append(code).append(' ').append(reason).append("\r\n");
        sb.append("Content-length: ").append(body.length()).append("\r\n");
        sb.append("Cache-Control: no-cache\r\n");
        if (close) {
            sb.append("Connection: close\r\n");
        }
        sb.append("Content-Type: text/html\r\n\r\n").append(body);
        return Map.entry(code, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    static java.util.Set<Integer> codes() {
        return BUILT_IN.keySet();
    }

    /** The built-in message of a status, as haproxy's http_err_msgs holds it. */
    static byte[] message(int status) {
        return BUILT_IN.get(status);
    }

    /** The built-in response for a status, as a new buffer the caller writes (and so releases). */
    public static ByteBuf response(int status) {
        byte[] b = BUILT_IN.get(status);
        if (b == null) {
            b = BUILT_IN.get(500);
        }
        return Unpooled.wrappedBuffer(b);
    }
}
