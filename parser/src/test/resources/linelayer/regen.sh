#!/bin/sh
# Regenerates the .out files from haproxy 2.6 itself: `sh regen.sh` in this directory.
# Each .out is "exit=N" then haproxy's stderr, without the two version/path NOTICE lines,
# with the pid written (P).
cd "$(dirname "$0")"
set --
while IFS= read -r l; do
    case "$l" in '#'*|'') continue ;; esac
    set -- "$@" "$l"
done < env.txt
for f in *.cfg; do
    out=$(env -i PATH="$PATH" "$@" haproxy -c -f "$f" 2>&1 >/dev/null; echo "exit=$?")
    code=$(printf '%s\n' "$out" | tail -n 1)
    { printf '%s\n' "$code"; printf '%s\n' "$out" | sed '$d' | grep -v 'NOTICE.*: haproxy version is\|NOTICE.*: path to executable is' | sed 's/^\(\[[A-Z]*\] *\)([0-9]*)/\1(P)/'; } > "${f%.cfg}.out"
done
