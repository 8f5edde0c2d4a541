#!/usr/bin/env bash
# Run every test of AppTrack for ONOS: the test of scripts/run.sh, unit tests of each bundle, then the
# integration tests that boot the standalone Karaf distribution (Pax Exam) against a real rsyslog
# started by the tests.
#
#   scripts/test.sh            install the test dependencies (Debian packages, needs root) and run all tests
#   scripts/test.sh -o ...     extra arguments go to Maven (e.g. -o for offline)
#
# The Debian packages (rsyslog, rsyslog-gnutls, openssl, tshark, ...) come from
# scripts/install-test-deps.sh, which is a no-op when they are already installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Once the dependencies are installed, a test that finds one missing fails instead of skipping
# (test-support: org.apptrack.testsupport.prereq.Prerequisites): Pax Exam would report the skip as a pass.
if [ "$(id -u)" = 0 ]; then
  bash scripts/install-test-deps.sh
  export APPTRACK_TEST_DEPS_INSTALLED=1
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo bash scripts/install-test-deps.sh
  export APPTRACK_TEST_DEPS_INSTALLED=1
else
  echo "test.sh: not root: skipping scripts/install-test-deps.sh (run it as root once)" >&2
fi

if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
fi

# scripts/run.sh's keep-or-replace logic, on a stand-in distribution (about 10 s, no Maven).
bash scripts/lib/run-sh-test.sh

exec mvn -B -ntp verify "$@"
