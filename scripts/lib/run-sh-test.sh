#!/usr/bin/env bash
# Tests scripts/run.sh's keep-or-replace logic on a small stand-in distribution (a copy of run.sh
# in a temporary tree, --no-build --no-start): the unpacked copy and what was changed in it are kept
# while the archive holds the same files, even rebuilt with new timestamps; a changed archive or
# --fresh gives a fresh copy, with the old etc/ set aside when it differs; a running Karaf is never
# replaced. Run by scripts/test.sh; needs only bash, tar and a JDK (java, jar).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
T="$(mktemp -d)"
SLEEPER=""
cleanup() {
  [ -z "$SLEEPER" ] || kill "$SLEEPER" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT

mkdir -p "$T/tree/scripts/lib" "$T/tree/karaf-assembly/target"
cp "$ROOT/scripts/run.sh" "$T/tree/scripts/"
cp "$ROOT/scripts/lib/DistributionFingerprint.java" "$T/tree/scripts/lib/"
NAME=apptrack-karaf-9.9
HOME_DIR="$T/tree/target/run/$NAME"
FAILURES=0

# Builds the stand-in archive: a bundle jar whose class holds $1, every file stamped with time $2.
archive() {
  local src="$T/src"
  rm -rf "$src"
  mkdir -p "$src/$NAME/bin" "$src/$NAME/etc" "$src/$NAME/system/org/example" "$src/classes"
  printf '#!/bin/sh\necho karaf\n' > "$src/$NAME/bin/karaf"
  echo "limit = 1" > "$src/$NAME/etc/org.example.cfg"
  echo "$1" > "$src/classes/Example.class"
  touch -d "$2" "$src/classes/Example.class"
  (cd "$src/classes" && jar cf "$src/$NAME/system/org/example/example.jar" Example.class)
  find "$src/$NAME" -exec touch -d "$2" {} +
  tar -czf "$T/tree/karaf-assembly/target/$NAME.tar.gz" -C "$src" "$NAME"
}

run() { # runs the copy of run.sh; its output in $OUT, its exit status in $RC
  set +e
  OUT="$(bash "$T/tree/scripts/run.sh" --no-build --no-start "$@" 2>&1)"
  RC=$?
  set -e
}

check() { # DESCRIPTION COMMAND...: counts a failure when the command fails
  local what="$1"
  shift
  if "$@"; then
    echo "  ok    $what"
  else
    echo "  FAIL  $what"
    echo "$OUT" | sed 's/^/        | /'
    FAILURES=$((FAILURES + 1))
  fi
}
says() { grep -qF -- "$1" <<< "$OUT"; }
saved_etcs() { find "$T/tree/target/run" -maxdepth 1 -name "$NAME.etc.previous-*" | wc -l; }

echo "run.sh keep/fresh test in $T"
archive v1 "2020-01-01 00:00"
run
check "first run unpacks" says "Unpacking $NAME.tar.gz"
check "the copy is there" test -f "$HOME_DIR/etc/org.example.cfg"

echo "limit = 2" > "$HOME_DIR/etc/org.example.cfg"
mkdir -p "$HOME_DIR/data" && echo cached > "$HOME_DIR/data/bundle-cache"
run
check "same archive: kept" says "Keeping target/run/$NAME"
check "same archive: configuration change kept" grep -q "limit = 2" "$HOME_DIR/etc/org.example.cfg"
check "same archive: data/ kept" test -f "$HOME_DIR/data/bundle-cache"

archive v1 "2021-06-01 12:00"
run
check "rebuilt with new timestamps only: kept" says "Keeping target/run/$NAME"
check "rebuilt with new timestamps only: configuration change kept" grep -q "limit = 2" "$HOME_DIR/etc/org.example.cfg"
check "rebuilt with new timestamps only: data/ kept" test -f "$HOME_DIR/data/bundle-cache"

archive v2 "2021-06-01 12:00"
run
check "bundle changed: replaced" says "replaces target/run/$NAME (the distribution changed since it was unpacked)"
check "bundle changed: data/ (stale bundles) gone" test ! -e "$HOME_DIR/data/bundle-cache"
check "bundle changed: etc/ is the new one" grep -q "limit = 1" "$HOME_DIR/etc/org.example.cfg"
check "bundle changed: old etc/ set aside once" test "$(saved_etcs)" = 1
SAVED="$(find "$T/tree/target/run" -maxdepth 1 -name "$NAME.etc.previous-*")"
check "bundle changed: old etc/ keeps the change" grep -q "limit = 2" "$SAVED/org.example.cfg"
check "bundle changed: says where the old etc/ went" says "kept in target/run/$(basename "$SAVED")/"
check "bundle changed: lists what differed" says "changed:                org.example.cfg"

# what Karaf's FileInstall does to a file it writes back: not a change of the operator's
printf 'limit = 1  \n\nfelix.fileinstall.filename = file:%s/etc/org.example.cfg\n' "$HOME_DIR" \
  > "$HOME_DIR/etc/org.example.cfg"
run --fresh
check "--fresh: replaced" says "replaces target/run/$NAME (--fresh)"
check "--fresh with etc/ unchanged but for FileInstall's line: nothing set aside" says "The old etc/ had no changes of its own."
check "--fresh with etc/ unchanged: no second copy" test "$(saved_etcs)" = 1

# A Karaf running from the copy: a process whose command line names it as karaf.home.
bash -c "exec -a 'java -Dkaraf.home=$HOME_DIR org.apache.karaf.main.Main' sleep 60" &
SLEEPER=$!
echo "$SLEEPER" > "$HOME_DIR/karaf.pid"
sleep 0.2
echo "cached" > "$HOME_DIR/data-marker"
run --fresh
check "running: a fresh copy is refused" test "$RC" = 1
check "running: says so, with the pid" says "Karaf runs from target/run/$NAME (pid $SLEEPER)"
check "running: the copy is untouched" test -f "$HOME_DIR/data-marker"
kill "$SLEEPER" && wait "$SLEEPER" 2>/dev/null || true
SLEEPER=""

run --bogus
check "unknown argument: exit status 2" test "$RC" = 2

if [ "$FAILURES" -gt 0 ]; then
  echo "run.sh keep/fresh test: $FAILURES failure(s)" >&2
  exit 1
fi
echo "run.sh keep/fresh test: all passed"
