package org.jhaproxy.config.acl;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.grammar.AclCondition.AnonymousAclContext;
import org.jhaproxy.grammar.AclCondition.ConditionContext;
import org.jhaproxy.grammar.AclCondition.NamedAclContext;
import org.jhaproxy.grammar.AclCondition.SuiteContext;
import org.jhaproxy.grammar.AclCondition.TermContext;

/**
 * Builds a rule's condition from its words (HAProxy's build_acl_cond() / parse_acl_cond()):
 * the AclCondition grammar gives the structure, then each ACL is looked up in the section's
 * known ACLs, then among the predefined ones, and anonymous ACLs are parsed in place. Errors
 * come out in word order with HAProxy's text, for the caller to put in its own sentence.
 */
public final class AclConditionParser {
    private final AclExprParser exprs;

    public AclConditionParser(AclExprParser exprs) {
        this.exprs = exprs;
    }

    public AclExprParser exprs() {
        return exprs;
    }

    /** {@code words.get(start)} must be "if" or "unless"; the condition runs to the first empty word. */
    public AclCondition parse(List<String> words, int start, KnownAcls known, Position at) throws ExprError {
        String first = start < words.size() ? words.get(start) : "";
        if (!first.equals("if") && !first.equals("unless")) {
            throw new ExprError("conditions must start with either 'if' or 'unless'");
        }
        org.jhaproxy.grammar.AclCondition parser =
                new org.jhaproxy.grammar.AclCondition(new CommonTokenStream(AclWordTokens.of(words, start)));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        ConditionContext tree;
        try {
            tree = parser.condition();
        } catch (ParseCancellationException e) {
            // the token source only emits sequences the grammar accepts; keep HAProxy's wording anyway
            throw new ExprError("missing closing '}' in condition");
        }
        List<List<AclTerm>> suites = new ArrayList<>();
        for (SuiteContext s : tree.suite()) {
            List<AclTerm> terms = new ArrayList<>();
            for (TermContext t : s.term()) {
                boolean neg = (t.NOT().size() & 1) == 1;
                Acl acl;
                if (t.operand() instanceof NamedAclContext named) {
                    acl = lookup(named.WORD().getText(), known, at);
                } else {
                    AnonymousAclContext anon = (AnonymousAclContext) t.operand();
                    if (anon.RBRACE() == null) {
                        throw new ExprError("missing closing '}' in condition");
                    }
                    List<String> args = new ArrayList<>();
                    args.add("");
                    for (TerminalNode w : anon.WORD()) {
                        args.add(w.getText());
                    }
                    acl = parseAcl(args, null, at);
                }
                terms.add(new AclTerm(neg, acl));
            }
            if (!terms.isEmpty()) {
                suites.add(terms);
            }
        }
        return new AclCondition(first.equals("unless"), suites, at);
    }

    private Acl lookup(String name, KnownAcls known, Position at) throws ExprError {
        Acl acl = known.find(name);
        if (acl != null) {
            return acl;
        }
        List<String> def = PredefinedAcls.expression(name);
        if (def == null) {
            throw new ExprError("no such ACL : '" + name + "'");
        }
        AclExpr e = exprs.parse(def, 0);
        known.add(name, e, at);
        return known.find(name);
    }

    /**
     * parse_acl(): args.get(0) is the ACL name ("" for an anonymous ACL), then its expression.
     * A named ACL is added to {@code known} (merged with earlier lines of the same name).
     */
    public Acl parseAcl(List<String> args, KnownAcls known, Position at) throws ExprError {
        String name = args.isEmpty() ? "" : args.get(0);
        if (!name.isEmpty()) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '.' && c != ':' && c != '_' && c != '-') {
                    throw new ExprError("invalid character in ACL name : '" + c + "'");
                }
            }
        }
        AclExpr e = exprs.parse(args, 1);
        if (known == null || name.isEmpty()) {
            return new Acl(name, List.of(e), at);
        }
        known.add(name, e, at);
        return known.find(name);
    }

    static int wordIndex(Token t) {
        return t.getCharPositionInLine();
    }
}
