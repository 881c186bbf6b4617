package org.jhaproxy.runtime.check;

import java.util.concurrent.ScheduledExecutorService;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.server.AdminChange;
import org.jhaproxy.runtime.server.ChangeRequest;
import org.jhaproxy.runtime.server.Server;

/**
 * What an agent's reply line says, applied to its server (tcpcheck_agent_expect_reply(), see
 * "agent-check" in the manual). The line is words separated by spaces, tabs or commas, in any
 * order, the last of a kind winning: a health ("up", "down", "stopped", "fail"), an
 * administrative state ("ready", "drain", "maint"), a weight ("75%"), "maxconn:N", and after
 * a '#' a free description. The administrative state applies first, then the weight and the
 * maxconn, then the health, which sets the agent's health at once (up: full, else none).
 * The result is the check's status and the info haproxy shows: "via agent : down (broken
 * disk)", "agent reports an error : foo", "agent warns : ...".
 */
final class AgentAnswer {
    private AgentAnswer() {
    }

    static CheckOutcome apply(String line, Server s, Events events, ScheduledExecutorService warmupLoop) {
        String health = null;
        String admin = null;
        String weight = null;
        String maxconn = null;
        String error = null;
        String description = "";
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (c == '#') {
                i++;
                while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    i++;
                }
                description = line.substring(i);
                break;
            }
            int end = i + 1;
            while (end < n && " \t\n,".indexOf(line.charAt(end)) < 0) {
                end++;
            }
            String word = line.substring(i, end);
            i = end + 1;
            String w = word.toLowerCase(java.util.Locale.ROOT);
            switch (w) {
                case "up", "down", "stopped", "fail" -> health = word;
                case "ready", "drain", "maint" -> admin = w;
                default -> {
                    if (Character.isDigit(word.charAt(0)) && word.indexOf('%') >= 0) {
                        weight = word;
                    } else if (w.startsWith("maxconn:")) {
                        maxconn = word.substring("maxconn:".length());
                    } else if (error == null) {
                        error = word;
                    }
                }
            }
        }
        if (admin != null) {
            switch (admin) {
                case "drain" -> AdminChange.drain(s, events, warmupLoop);
                case "maint" -> AdminChange.maint(s, events);
                default -> AdminChange.ready(s, events, warmupLoop);
            }
        }
        String warning = null;
        if (weight != null) {
            warning = ChangeRequest.weight(s, weight, events);
        }
        if (maxconn != null) {
            String msg = ChangeRequest.maxconn(s, maxconn);
            if (warning == null || warning.isEmpty()) {
                warning = msg;
            }
        }
        if (health != null) {
            boolean up = health.equalsIgnoreCase("up");
            s.agent().health(up ? s.agent().rise() + s.agent().fall() - 1 : 0);
            // a down report keeps its own words; an up one, or one without words, tells what went wrong
            String msg = description;
            if (msg.isEmpty() || up) {
                if (error != null) {
                    msg = error;
                } else if (warning != null && !warning.isEmpty()) {
                    msg = warning;
                }
            }
            String info = "via agent : " + health + (msg.isEmpty() ? "" : " (" + msg + ")");
            return new CheckOutcome(up ? CheckStatus.L7OKD : CheckStatus.L7STS, 0, info);
        }
        if (error != null) {
            return new CheckOutcome(CheckStatus.CHECKED, 0, "agent reports an error : " + error);
        }
        if (warning != null && !warning.isEmpty()) {
            return new CheckOutcome(CheckStatus.CHECKED, 0, "agent warns : " + warning);
        }
        return new CheckOutcome(CheckStatus.CHECKED, 0, "");
    }
}
