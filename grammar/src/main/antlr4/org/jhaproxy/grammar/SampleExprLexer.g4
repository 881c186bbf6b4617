/*
 * The pieces of a sample expression (configuration.txt section 7.3): a fetch keyword, its
 * argument list, then converters after commas, as sample_parse_expr() and make_arg_list() read
 * them. The parser module's SampleExprParser and ArgListParser decide where each piece starts and
 * in which mode it is read (an expression may continue in the next word, an inline one in a
 * log-format string stops where it cannot go on), check the argument types and word the errors:
 *
 *  - default mode: keywords (ASCII letters, digits and ".-_+:"), runs of commas, '(';
 *  - ARGS: one argument list after its '(': commas and ')' end an argument outside quotes,
 *    quotes group (and are removed), a backslash escapes \\, space, quotes, r, n and t outside
 *    single quotes and otherwise stands for itself.
 */
lexer grammar SampleExprLexer;

KEYWORD : [a-zA-Z0-9._+:-]+ ;
COMMAS  : ','+ ;
LPAREN  : '(' ;
// anything else ends the expression (inline form) or is an error
OTHER   : . ;

mode ARGS;
ARG_DQ_OPEN   : '"' -> pushMode(ARG_DQUOTED) ;
ARG_SQ_OPEN   : '\'' -> pushMode(ARG_SQUOTED) ;
ARG_ESC       : ESCAPE ;
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

fragment ESCAPE : '\\' [\\ "'rnt] ;
