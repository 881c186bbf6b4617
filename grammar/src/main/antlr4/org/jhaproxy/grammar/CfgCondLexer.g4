/*
 * The pieces of a conditional block's expression (".if", ".elif": configuration.txt section 2.4),
 * as cfgcond.c reads them. The parser module's CondParser is a recursive descent that decides where
 * each piece starts and in which mode it is read, keeps HAProxy's positions and builds its messages:
 *
 *  - default mode, between terms: blanks, "||", "&&", '!', parentheses, and numbers in C's
 *    strtol() base 0 syntax (0x.. hexadecimal, 0.. octal, optional sign; other C spaces than
 *    blanks may precede them since strtol() skips those too);
 *  - PREDICATE: a predicate's name, everything up to a space or '(';
 *  - ARGS: a predicate's argument list as make_arg_list() reads string arguments: commas and ')'
 *    end an argument outside quotes, quotes group (and are removed), a backslash escapes
 *    \\, space, quotes, r, n and t outside single quotes and otherwise stands for itself.
 */
lexer grammar CfgCondLexer;

BLANKS  : [ \t]+ ;
OR      : '||' ;
AND     : '&&' ;
NOT     : '!' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
NUMBER  : ( [\n\u000B\f\r] [ \t\n\u000B\f\r]* )? [+-]? ( '0' [xX] HEX+ | '0' [0-7]* | [1-9] [0-9]* ) ;
// anything else: the parser says what it expected
OTHER   : . ;

mode PREDICATE;
NAME    : ~[ (]+ ;
NAME_END : . ;

mode ARGS;
ARG_DQ_OPEN   : '"' -> pushMode(ARG_DQUOTED) ;
ARG_SQ_OPEN   : '\'' -> pushMode(ARG_SQUOTED) ;
ARG_ESC       : ESCAPE ;
// a backslash before another character stands for itself; at the end of the text it is an error
ARG_BACKSLASH : '\\' ;
ARG_COMMA     : ',' ;
ARG_CLOSE     : ')' ;
ARG_TEXT      : ~["'\\,)]+ ;

mode ARG_DQUOTED;
ARG_DQ_CLOSE     : '"' -> popMode ;
ARG_DQ_ESC       : ESCAPE ;
ARG_DQ_BACKSLASH : '\\' ;
ARG_DQ_TEXT      : ~["\\]+ ;

mode ARG_SQUOTED;
ARG_SQ_CLOSE : '\'' -> popMode ;
ARG_SQ_TEXT  : ~[']+ ;

fragment HEX    : [0-9a-fA-F] ;
fragment ESCAPE : '\\' [\\ "'rnt] ;
