#!/usr/bin/env bash
# Build the standalone AppTrack distribution (Apache Karaf 4.4 + ONOS 2.7 API + AppTrack features),
# unpack it into target/run/ and start Karaf in the foreground.
#
#   scripts/run.sh              build, unpack a fresh copy, start (Ctrl-D or "shutdown" to stop)
#   scripts/run.sh --no-build   reuse karaf-assembly/target/apptrack-karaf-*.tar.gz
#
# Needs Java 17 and Maven 3.8+ (Debian 12: openjdk-17-jdk-headless, maven). Nothing else.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/target/run"
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

command -v java >/dev/null || { echo "run.sh: java not found (install openjdk-17-jdk-headless)" >&2; exit 1; }
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
fi

if [ "$BUILD" = 1 ]; then
  command -v mvn >/dev/null || { echo "run.sh: mvn not found (install maven)" >&2; exit 1; }
  echo ">>> Building the distribution (mvn install, tests skipped) ..."
  (cd "$ROOT" && mvn -B -q install -DskipTests -pl karaf-assembly -am)
fi

shopt -s nullglob
TARBALLS=("$ROOT"/karaf-assembly/target/apptrack-karaf-*.tar.gz)
shopt -u nullglob
[ "${#TARBALLS[@]}" -ge 1 ] || { echo "run.sh: no karaf-assembly/target/apptrack-karaf-*.tar.gz; run without --no-build" >&2; exit 1; }
TARBALL="${TARBALLS[0]}"
NAME="$(basename "$TARBALL" .tar.gz)"
KARAF_HOME="$RUN_DIR/$NAME"

# A fresh copy every run: Karaf's bundle cache (data/) would otherwise keep old SNAPSHOT bundles.
echo ">>> Unpacking $(basename "$TARBALL") into $RUN_DIR"
rm -rf "$KARAF_HOME"
mkdir -p "$RUN_DIR"
tar -xzf "$TARBALL" -C "$RUN_DIR"

cat <<INFO

=====================================================================================
 AppTrack standalone: $KARAF_HOME
 Security log (stream "local", etc/org.apptrack.syslog.stream-local.cfg, sd-syslog):
     $KARAF_HOME/data/log/apptrack-security.log
 Karaf log:
     $KARAF_HOME/data/log/karaf.log
 From another terminal, once Karaf is up (~10 s), write test messages and read them:
     $KARAF_HOME/bin/client apptrack:log-test
     echo 'apptrack:log-test' | $KARAF_HOME/bin/client -b
     tail -f $KARAF_HOME/data/log/apptrack-security.log
 (bin/client logs in over SSH port 8101 as karaf/karaf, see etc/users.properties; run
  "bin/client CMD" from a terminal, and use "echo CMD | bin/client -b" from scripts)
 Stop with "shutdown -f" or Ctrl-D at the karaf@root()> prompt.
=====================================================================================

INFO

cd "$KARAF_HOME"
exec bin/karaf
