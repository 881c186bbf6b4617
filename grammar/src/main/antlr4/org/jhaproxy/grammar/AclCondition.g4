/*
 * The condition of a rule (configuration.txt section 7.2, "Using ACLs to form conditions"):
 * 'if' or 'unless', then ACL names, each optionally negated with '!', ANDed together, with
 * suites separated by 'or' / '||', and anonymous ACLs written between '{' and '}'.
 * The words come from the line layer (HAProxy's args[]): the parser is fed by a token source
 * that maps each word to a token (org.jhaproxy.config.acl.AclWordTokens), so quoting and
 * escaping never need to be handled here. A '{' without its '}' is accepted by the grammar and
 * reported by the caller at the place HAProxy reports it.
 */
parser grammar AclCondition;

tokens { IF, UNLESS, OR, NOT, LBRACE, RBRACE, WORD }

condition : polarity suite ( OR suite )* EOF ;
polarity  : IF | UNLESS ;
suite     : term* NOT* ;
term      : NOT* operand ;
operand   : WORD                          # namedAcl
          | LBRACE WORD* RBRACE?          # anonymousAcl
          ;
