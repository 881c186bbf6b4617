#!/usr/bin/env bash
# Records the golden output of each check case from the real haproxy (run where haproxy 2.6 is
# installed): exit=N, then the output with the pid and the banner NOTICE lines taken out.
set -eu
cd "$(dirname "$0")/src/test/resources/check"
for cfg in "${@:-*.cfg}"; do
    for c in $cfg; do
        tmp=$(mktemp -d)
        cp "$c" "$tmp/"
        set +e
        out=$(cd "$tmp" && env -i PATH="$PATH" haproxy -c -f "$c" 2>&1)
        code=$?
        set -e
        { echo "exit=$code"
          [ -z "$out" ] || printf '%s\n' "$out" | grep -v -E '^\[NOTICE\] +\([0-9]+\) : (haproxy version is|path to executable is) ' \
            | sed -E 's/^\[(ALERT|WARNING|NOTICE)\] +\([0-9]+\) : /[\1] /' | sed "s#$tmp#CFGDIR#g"
        } > "${c%.cfg}.out"
        rm -rf "$tmp"
    done
done
