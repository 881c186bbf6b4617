package org.jhaproxy.runtime.sample;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** String converters of configuration.txt section 7.3.1, as sample.c computes them. */
final class TextConverters {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TextConverters() {
    }

    /** field(index, delimiters[, count]): fields cut at any delimiter character; negative counts from the end. */
    static SampleConverter field(int index, String delims, int count) {
        return (in, c) -> {
            String s = (String) in.value();
            String r = field(s, index, delims, count);
            return r == null ? null : Sample.str(r);
        };
    }

    static String field(String s, int index, String delims, int count) {
        if (index == 0) {
            return null;
        }
        int field;
        int start;
        int end;
        if (index < 0) {
            field = -1;
            start = end = s.length();
            while (start > 0) {
                if (delims.indexOf(s.charAt(start - 1)) >= 0) {
                    if (field == index) {
                        if (count == 1) {
                            return s.substring(start, end);
                        } else if (count > 1) {
                            count--;
                        }
                    } else {
                        end = start - 1;
                        field--;
                    }
                }
                start--;
            }
        } else {
            field = 1;
            start = end = 0;
            while (end < s.length()) {
                if (delims.indexOf(s.charAt(end)) >= 0) {
                    if (field == index) {
                        if (count == 1) {
                            return s.substring(start, end);
                        } else if (count > 1) {
                            count--;
                        }
                    } else {
                        start = end + 1;
                        field++;
                    }
                }
                end++;
            }
        }
        // not found: no sample; found as the last field: up to the end
        return field != index ? null : s.substring(start, end);
    }

    /** word(index, separators[, count]): words are runs of non-separators; empty when absent. */
    static SampleConverter word(int index, String seps, int count) {
        return (in, c) -> {
            String r = word((String) in.value(), index, seps, count);
            return r == null ? null : Sample.str(r);
        };
    }

    static String word(String s, int index, String seps, int count) {
        if (index == 0) {
            return null;
        }
        int word = 0;
        boolean inword = false;
        int start;
        int end;
        if (index < 0) {
            start = end = s.length();
            while (start > 0) {
                boolean sep = seps.indexOf(s.charAt(start - 1)) >= 0;
                if (!inword) {
                    if (!sep) {
                        if (word != index) {
                            word--;
                            end = start;
                        }
                        inword = true;
                    }
                } else if (sep) {
                    if (word == index) {
                        if (count == 1) {
                            return s.substring(start, end);
                        } else if (count > 1) {
                            count--;
                        }
                    }
                    inword = false;
                }
                start--;
            }
        } else {
            start = end = 0;
            while (end < s.length()) {
                boolean sep = seps.indexOf(s.charAt(end)) >= 0;
                if (!inword) {
                    if (!sep) {
                        if (word != index) {
                            word++;
                            start = end;
                        }
                        inword = true;
                    }
                } else if (sep) {
                    if (word == index) {
                        if (count == 1) {
                            return s.substring(start, end);
                        } else if (count > 1) {
                            count--;
                        }
                    }
                    inword = false;
                }
                end++;
            }
        }
        return word != index ? "" : s.substring(start, end);
    }

    /** regsub(regex, subst[, flags]): "\N" in subst is group N; flag "i" ignores case, "g" replaces all. */
    static SampleConverter regsub(String regex, String subst, String flags) {
        Pattern p = Pattern.compile(regex, flags.indexOf('i') >= 0 ? Pattern.CASE_INSENSITIVE : 0);
        String replacement = javaReplacement(subst);
        boolean global = flags.indexOf('g') >= 0;
        return (in, c) -> {
            Matcher m = p.matcher((String) in.value());
            return Sample.str(global ? m.replaceAll(replacement) : m.replaceFirst(replacement));
        };
    }

    /** haproxy's back-references "\1" become Java's "$1"; everything else is literal. */
    static String javaReplacement(String subst) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < subst.length(); i++) {
            char ch = subst.charAt(i);
            if (ch == '\\' && i + 1 < subst.length() && Character.isDigit(subst.charAt(i + 1))) {
                sb.append('$').append(subst.charAt(++i));
            } else if (ch == '\\' || ch == '$') {
                sb.append('\\').append(ch);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** concat([start],[var],[end]). */
    static SampleConverter concat(String start, String var, String end) {
        VarRef ref = var.isEmpty() ? null : VarRef.parse(var);
        return (in, c) -> {
            StringBuilder sb = new StringBuilder((String) in.value()).append(start);
            if (ref != null) {
                Sample v = ref.get(c);
                String t = v == null ? null : v.asString();
                if (t != null) {
                    sb.append(t);
                }
            }
            return Sample.str(sb.append(end).toString());
        };
    }

    /** tolower() in the C locale: only A-Z change, other bytes stay as they are. */
    static String asciiLower(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] += 'a' - 'A';
            }
        }
        return new String(out);
    }

    /** toupper() in the C locale: only a-z change. */
    static String asciiUpper(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'a' && out[i] <= 'z') {
                out[i] -= 'a' - 'A';
            }
        }
        return new String(out);
    }

    static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[b[i] & 0xf];
        }
        return new String(out);
    }

    /** bytes(offset[, length]): a slice of the binary input; no sample past its end. */
    static SampleConverter bytes(int offset, int length) {
        return (in, c) -> {
            byte[] b = (byte[]) in.value();
            if (offset >= b.length) {
                return null;
            }
            int end = length < 0 || offset + length > b.length ? b.length : offset + length;
            return Sample.bin(java.util.Arrays.copyOfRange(b, offset, end));
        };
    }

    static SampleConverter trim(String chars, boolean left, boolean right) {
        return (in, c) -> {
            String s = (String) in.value();
            int from = 0;
            int to = s.length();
            while (left && from < to && chars.indexOf(s.charAt(from)) >= 0) {
                from++;
            }
            while (right && to > from && chars.indexOf(s.charAt(to - 1)) >= 0) {
                to--;
            }
            return Sample.str(s.substring(from, to));
        };
    }
}
