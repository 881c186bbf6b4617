/*
 * The expressions of the conditional blocks .if/.elif (configuration.txt section 2.4): terms are
 * predicates (defined(), feature(), streq(), strneq(), version_atleast(), version_before(), ...),
 * parenthesized sub-expressions, numbers or words, optionally negated with '!', joined with
 * '&&' (binds tighter) and '||'.
 */
grammar CfgCond;

condition : expr EOF ;
expr      : andExpr ( OR andExpr )* ;
andExpr   : term ( AND term )* ;
term      : NOT* primary ;
primary   : LPAREN expr RPAREN                          # group
          | NAME LPAREN ( arg ( COMMA arg )* )? RPAREN   # predicate
          | ( NAME | NUMBER )                            # word
          ;
arg       : ( NAME | NUMBER | ARGTEXT | STRING )* ;

OR      : '||' ;
AND     : '&&' ;
NOT     : '!' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
COMMA   : ',' ;
NUMBER  : [0-9]+ ;
NAME    : [a-zA-Z_] [a-zA-Z0-9_]* ;
STRING  : '"' ( '\\' . | ~["\\] )* '"' | '\'' ~'\''* '\'' ;
WS      : [ \t]+ -> skip ;
ARGTEXT : ~[ \t(),!&|"']+ ;
