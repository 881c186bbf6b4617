package org.jhaproxy.config.acl;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.jhaproxy.grammar.AclCondition;

/**
 * Turns the words of a condition into the tokens of the AclCondition grammar, as
 * parse_acl_cond() reads them: leading '!' are negations (an empty remainder is allowed),
 * "or" (any case) and "||" separate suites, and everything between '{' and the next '}' is
 * the raw text of an anonymous ACL. Each token remembers the index of its word.
 */
final class AclWordTokens {
    private AclWordTokens() {
    }

    static ListTokenSource of(List<String> words, int start) {
        List<Token> tokens = new ArrayList<>();
        int i = start;
        String first = i < words.size() ? words.get(i) : "";
        tokens.add(token(first.equals("if") ? AclCondition.IF : AclCondition.UNLESS, first, i));
        i++;
        for (; i < words.size() && !words.get(i).isEmpty(); i++) {
            String w = words.get(i);
            int p = 0;
            while (p < w.length() && w.charAt(p) == '!') {
                tokens.add(token(AclCondition.NOT, "!", i));
                p++;
            }
            String word = w.substring(p);
            if (word.isEmpty()) {
                continue;
            }
            if (word.equalsIgnoreCase("or") || word.equals("||")) {
                tokens.add(token(AclCondition.OR, word, i));
            } else if (word.equals("{")) {
                tokens.add(token(AclCondition.LBRACE, word, i));
                i++;
                while (i < words.size() && !words.get(i).isEmpty() && !words.get(i).equals("}")) {
                    tokens.add(token(AclCondition.WORD, words.get(i), i));
                    i++;
                }
                if (i < words.size() && words.get(i).equals("}")) {
                    tokens.add(token(AclCondition.RBRACE, "}", i));
                } else {
                    break;
                }
            } else {
                tokens.add(token(AclCondition.WORD, word, i));
            }
        }
        CommonToken eof = token(Token.EOF, "<EOF>", i);
        tokens.add(eof);
        return new ListTokenSource(tokens);
    }

    private static CommonToken token(int type, String text, int wordIndex) {
        CommonToken t = new CommonToken(type, text);
        t.setLine(1);
        t.setCharPositionInLine(wordIndex);
        return t;
    }
}
