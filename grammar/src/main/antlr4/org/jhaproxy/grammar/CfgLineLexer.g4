/*
 * The word layer of haproxy.cfg (configuration.txt section 2.2): one line, already cut at its
 * LF or NUL, split into the pieces HAProxy's line parser recognizes. A CR ends the line too,
 * except right after a blank outside quotes: parse_line() then skips it with the blanks. The tokenizer in
 * the parser module joins adjacent pieces into words, applies the escapes and expands variables.
 *
 *  - outside quotes: spaces separate words, '#' starts a comment, '$' is an ordinary character;
 *  - single quotes: everything literal up to the closing quote, backslash included;
 *  - double quotes: backslash escapes and environment variables ($NAME, ${NAME}, ${NAME-default},
 *    ${NAME[*]}) are interpreted, spaces and '#' are literal.
 */
lexer grammar CfgLineLexer;

@members {
    /** PARSE_OPT_SHARP: '#' starts a comment (config lines); haproxy -cc parses without it. */
    public boolean sharp = true;
}

WS          : [ \t\u000B\u000C] [ \t\u000B\u000C\r]* ;
EOL         : '\r' .* ;
COMMENT     : {sharp}? '#' .* ;
// without comments, '#' is an ordinary character
HASH        : '#' ;
SQ_STRING   : '\'' ~['\r]* '\'' ;
// an opening single quote never closed on this line ("unmatched quote")
SQ_OPEN     : '\'' ~['\r]* ;
DQ_OPEN     : '"' -> pushMode(DQ) ;
ESC_HEX     : '\\x' HEX HEX ;
// '\x' not followed by two hex digits ("truncated or invalid hexadecimal sequence")
ESC_BAD_HEX : '\\x' ;
ESC         : '\\' [ \\tnr'"] | {sharp}? '\\#' ;
// a backslash before any other character (or at the end of the line) stands for itself
BACKSLASH   : '\\' ;
TEXT        : ~[ \t\u000B\u000C\r#'"\\]+ ;

mode DQ;
DQ_CLOSE       : '"' -> popMode ;
DQ_ESC_HEX     : '\\x' HEX HEX ;
DQ_ESC_BAD_HEX : '\\x' ;
DQ_ESC         : '\\' [ \\tnr'"$] | {sharp}? '\\#' ;
DQ_BACKSLASH   : '\\' ;
VAR            : '$' VARNAME
               | '${' VARNAME ( '[*]' )? ( '-' ~'}'* )? '}'
               ;
// a '$' that does not start a well-formed variable reference; the tokenizer says why
BAD_VAR        : '$' ;
DQ_EOL         : '\r' .* ;
DQ_TEXT        : ~["\\$\r]+ ;

fragment HEX     : [0-9a-fA-F] ;
fragment VARNAME : ( [a-zA-Z_] | '.' ) [a-zA-Z0-9_]* ;
