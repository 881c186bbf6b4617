/*
 * The pieces of a log-format string (configuration.txt section 8.2.4) as parse_logformat_string()
 * reads them. The parser module's LogFormatParser knows the variables, hands "%[" expressions to
 * the sample expression parser (which finds where they end) and words the errors:
 *
 *  - default mode: literal text, "%%", "%{flags}" (or an unterminated "%{"), "%[", "%name",
 *    a '%' before a digit or a blank (an error), another '%' (text, or an error at the end);
 *  - FLAGGED: what follows "%{flags}": '[' or a name that may start with a digit;
 *  - EXPR_END: the character after a "%[" expression: ']', another printable one, or any other.
 */
lexer grammar LogFormatLexer;

TEXT        : ~'%'+ ;
PERCENT_ESC : '%%' ;
FLAGS       : '%{' ~'}'* '}' ;
FLAGS_OPEN  : '%{' ;
EXPR_OPEN   : '%[' ;
VARIABLE    : '%' [a-zA-Z] [a-zA-Z0-9]* ;
// a digit or a blank cannot start a variable name
BAD_NAME    : '%' [0-9 \t] ;
// before anything else '%' is literal text; the parser classifies letters and digits of other
// scripts with the JDK's Unicode tables, which the generated lexer's may not match
PERCENT     : '%' ;

mode FLAGGED;
FLAGGED_EXPR  : '[' ;
FLAGGED_NAME  : [a-zA-Z0-9]+ ;
FLAGGED_OTHER : . ;

mode EXPR_END;
EXPR_CLOSE     : ']' ;
EXPR_PRINTABLE : [\u0020-\u007e] ;
EXPR_OTHER     : . ;
