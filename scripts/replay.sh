#!/usr/bin/env bash
# Offline replay: runs the AppTrack pipeline on a capture file outside Karaf, with the
# distribution's configuration (karaf-assembly/src/main/resources/etc, or --etc DIR), and prints
# the logs (sd-syslog by default) to standard output (or to --output FILE), then a summary to
# standard error, with or without --output.
#
#   scripts/replay.sh [options] FILE.pcap|FILE.pcapng      (scripts/replay.sh --help lists the options)
#
# Builds replay-tool/target/apptrack-replay.jar on first use (or when APPTRACK_REBUILD=1).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/replay-tool/target/apptrack-replay.jar"
if [ ! -f "$JAR" ] || [ "${APPTRACK_REBUILD:-0}" = 1 ]; then
  (cd "$ROOT" && mvn -B -q install -DskipTests -pl replay-tool -am) >&2
fi
exec java ${JAVA_OPTS:-} -Dapptrack.etc="$ROOT/karaf-assembly/src/main/resources/etc" -jar "$JAR" "$@"
