#!/usr/bin/env bash
# Build the standalone AppTrack distribution (Apache Karaf 4.4 + ONOS 2.7 API + AppTrack features),
# unpack it into target/run/ and start Karaf in the foreground.
#
#   scripts/run.sh              build, unpack (or keep the unpacked copy), start (Ctrl-D or "shutdown" to stop)
#   scripts/run.sh --no-build   reuse karaf-assembly/target/apptrack-karaf-*.tar.gz
#   scripts/run.sh --fresh      replace the unpacked copy with a fresh one even if the archive is the same
#   scripts/run.sh --no-start   build and unpack (or keep) only; then start it in the background with
#                               target/run/apptrack-karaf-VERSION/bin/start (bin/status, bin/client, bin/stop)
#
# The unpacked copy target/run/apptrack-karaf-VERSION/ is kept from run to run, with everything
# changed in it at runtime (config:edit, etc/*.cfg, data/), as long as the archive holds the same
# files (timestamps aside). When the archive changed, or with --fresh, a fresh copy replaces it:
# data/ (bundle cache, logs) starts empty, and the old etc/, if it differs from the new one, is
# moved to target/run/apptrack-karaf-VERSION.etc.previous-TIMESTAMP/ (the output lists what differed).
#
# Needs Java 17 and Maven 3.8+ (Debian 12: openjdk-17-jdk-headless, maven). Nothing else.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/target/run"
BUILD=1
FRESH=0
START=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --fresh) FRESH=1 ;;
    --no-start) START=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
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
SHOWN="${KARAF_HOME#"$ROOT"/}"
# What the unpacked copy was made from: the archive's sha256, and a fingerprint of its files that
# ignores timestamps (every build stamps new ones into the archive and the SNAPSHOT bundles' jars).
STAMP="$RUN_DIR/$NAME.unpacked-from"

# The pid of a Karaf that runs from $KARAF_HOME (started with bin/start or by another run.sh).
running_pid() {
  local pid
  [ -f "$KARAF_HOME/karaf.pid" ] || return 1
  pid="$(cat "$KARAF_HOME/karaf.pid" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "karaf.home=$KARAF_HOME" || return 1
  echo "$pid"
}

stamp_value() { # KEY: the value recorded in $STAMP, empty if none
  [ -f "$STAMP" ] && sed -n "s/^$1 //p" "$STAMP" || true
}

# Lists, relative to etc/, what differs between the old etc/ ($1) and the new copy's ($2). Not
# counted as changes: whitespace, the line FileInstall adds when it writes a configuration back,
# and what Karaf writes at its first start (SSH host key, Jetty files, the shutdown command).
etc_differences() {
  local old="$1" new="$2" line rest dir
  { diff -rq -b -B -I '^felix\.fileinstall\.filename = ' -I '^karaf\.shutdown\.command = ' \
      -I '^# Generated command shutdown$' -I '^#$' -x host.key -x host.key.pub -x jetty.xml -x jetty-web.xml \
      "$old" "$new" 2>/dev/null || true; } |
  while IFS= read -r line; do
    case "$line" in
      "Files $old/"*) rest="${line#"Files $old/"}"; echo "      changed:                ${rest%% and "$new"/*}" ;;
      "Only in $old"*) rest="${line#"Only in $old"}"; dir="${rest%%: *}"; dir="${dir#/}"
                       echo "      only in the old copy:   ${dir:+$dir/}${rest#*: }" ;;
      "Only in $new"*) rest="${line#"Only in $new"}"; dir="${rest%%: *}"; dir="${dir#/}"
                       echo "      new in this build:      ${dir:+$dir/}${rest#*: }" ;;
      *) echo "      $line" ;;
    esac
  done
}

SHA="$(sha256sum "$TARBALL" | cut -d' ' -f1)"
mkdir -p "$RUN_DIR"
KEEP=0
FINGERPRINT=""
if [ -d "$KARAF_HOME" ] && [ "$FRESH" = 0 ] && [ "$SHA" = "$(stamp_value archive-sha256)" ]; then
  KEEP=1
else
  STAGE="$(mktemp -d "$RUN_DIR/.unpack.XXXXXX")"
  trap 'rm -rf "$STAGE"' EXIT
  tar -xzf "$TARBALL" -C "$STAGE"
  [ -d "$STAGE/$NAME" ] || { echo "run.sh: $(basename "$TARBALL") has no top-level folder $NAME/" >&2; exit 1; }
  FINGERPRINT="$(java "$ROOT/scripts/lib/DistributionFingerprint.java" "$STAGE/$NAME")"
  if [ -d "$KARAF_HOME" ] && [ "$FRESH" = 0 ] && [ "$FINGERPRINT" = "$(stamp_value content)" ]; then
    KEEP=1 # rebuilt, but the same files: the new timestamps do not matter
  fi
fi

PID="$(running_pid || true)"
if [ "$KEEP" = 1 ]; then
  echo ">>> Keeping $SHOWN: unpacked from the same distribution, with the changes made in it since"
  echo "    (configuration in etc/, data/); scripts/run.sh --fresh replaces it with a fresh copy."
  if [ -n "${STAGE:-}" ]; then
    printf 'archive-sha256 %s\ncontent %s\n' "$SHA" "$FINGERPRINT" > "$STAMP"
  fi
else
  if [ -d "$KARAF_HOME" ]; then
    if [ -n "$PID" ]; then
      echo "run.sh: Karaf runs from $SHOWN (pid $PID); stop it ($SHOWN/bin/stop) before it is replaced" >&2
      exit 1
    fi
    if [ "$FRESH" = 1 ]; then
      REASON="--fresh"
    elif [ -z "$(stamp_value content)" ]; then
      REASON="no record of the distribution it was unpacked from"
    else
      REASON="the distribution changed since it was unpacked"
    fi
    echo ">>> A fresh copy of $(basename "$TARBALL") replaces $SHOWN ($REASON):"
    echo "    its data/ (bundle cache, logs) starts empty."
    if [ -d "$KARAF_HOME/etc" ]; then
      DIFFERENCES="$(etc_differences "$KARAF_HOME/etc" "$STAGE/$NAME/etc")"
      if [ -n "$DIFFERENCES" ]; then
        SAVED="$RUN_DIR/$NAME.etc.previous-$(date +%Y%m%d-%H%M%S)"
        if [ -e "$SAVED" ]; then SAVED="$SAVED-$$"; fi # a second replacement within the same second
        mv "$KARAF_HOME/etc" "$SAVED"
        echo "    The old etc/ differed from the new one; it is kept in ${SAVED#"$ROOT"/}/"
        echo "    (copy back what you need):"
        printf '%s\n' "$DIFFERENCES" | sed -n '1,20p'
        COUNT="$(printf '%s\n' "$DIFFERENCES" | wc -l)"
        [ "$COUNT" -le 20 ] || echo "      ... and $((COUNT - 20)) more"
      else
        echo "    The old etc/ had no changes of its own."
      fi
    fi
    rm -rf "$KARAF_HOME"
  else
    echo ">>> Unpacking $(basename "$TARBALL") into ${RUN_DIR#"$ROOT"/}/"
  fi
  mv "$STAGE/$NAME" "$KARAF_HOME"
  printf 'archive-sha256 %s\ncontent %s\n' "$SHA" "$FINGERPRINT" > "$STAMP"
fi
if [ -n "${STAGE:-}" ]; then
  rm -rf "$STAGE"
  trap - EXIT
fi

if [ -n "$PID" ]; then
  echo "run.sh: Karaf already runs from $SHOWN (pid $PID): use $SHOWN/bin/client, stop it with $SHOWN/bin/stop" >&2
  [ "$START" = 0 ] && exit 0 || exit 1
fi

if [ "$START" = 0 ]; then
  cat <<INFO
>>> Ready in $KARAF_HOME
    Start in the foreground: $KARAF_HOME/bin/karaf
    or in the background:    $KARAF_HOME/bin/start   (then bin/status, bin/client, bin/stop)
INFO
  exit 0
fi

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
 Configuration changes (config:edit, etc/*.cfg) stay for the next scripts/run.sh while the
 distribution is the same. In the background instead: scripts/run.sh --no-start, then bin/start.
=====================================================================================

INFO

cd "$KARAF_HOME"
exec bin/karaf
