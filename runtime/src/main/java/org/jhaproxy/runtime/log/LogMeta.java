package org.jhaproxy.runtime.log;

/**
 * What a log header is built from (haproxy's LOG_META_* fields): the "&lt;prio&gt;" of a received
 * message, its timestamp, hostname, tag, pid, message id and structured data, each as received
 * ("" when absent). Process logs fill only the hostname, tag, pid and structured data.
 */
public record LogMeta(String prio, String time, String host, String tag, String pid, String msgId, String structuredData) {
    /** The metadata of a log line jhaproxy makes itself (__send_log()). */
    public static LogMeta local(String host, String tag, long pid, String structuredData) {
        return new LogMeta("", "", host == null ? "" : host, tag, Long.toString(pid), "", structuredData);
    }
}
