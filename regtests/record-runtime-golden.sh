#!/usr/bin/env bash
# Records the golden transcript (NNN-name.expect) of each runtime case from the real haproxy (run
# where haproxy 2.6 is installed): RuntimeCaseIT with -Dregtests.record=true plays each case through
# haproxy and writes what the clients and servers received. Check each new golden by eye.
#   regtests/record-runtime-golden.sh            every case
#   regtests/record-runtime-golden.sh 012        the cases whose file name contains 012
# Recording twice must give the same files (git diff stays empty): a case is deterministic.
set -eu
cd "$(dirname "$0")/.."
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || { echo "haproxy is not installed" >&2; exit 1; }
[ -f cli/target/jhaproxy.jar ] || mvn -B -q -o package -DskipTests
mvn -B -q -o verify -pl regtests -am -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=RuntimeCaseIT -Dregtests.record=true -Dregtests.case="${1:-}" 2>&1 \
    | grep -v -E 'Assumption failed: recording goldens|^\[ERROR\] *$' || true
git status --short -- regtests/src/test/resources/runtime
