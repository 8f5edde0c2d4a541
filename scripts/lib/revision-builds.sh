# Builds of a git revision, or of the working tree, for the before/after scripts
# (scripts/compare-replays.sh, scripts/bench-compare.sh). Source it with ROOT (the repository) and
# WORK (a temporary directory, removed by the caller) set; then call revision_cleanup on exit.
#
#   revision_build REV DEST [benchmarks]
#       REV empty: the working tree as it is, built in place; otherwise a revision, built in a
#       temporary git worktree with its own target directories and kept in
#       target/revision-builds/SHA/ for the next run (REBUILD=1 builds it again).
#       DEST receives apptrack-replay.jar, etc/ (the revision's karaf-assembly/src/main/resources/etc)
#       and, with "benchmarks", benchmarks.jar.
#   revision_describe REV    one line: what REV (empty: the working tree) is
#
# Maven options come from MVN_ARGS (e.g. MVN_ARGS="-o -Dmaven.repo.local=DIR").

REVISION_BUILDS="$ROOT/target/revision-builds"
REVISION_WORKTREES=()

revision_describe() {
  if [ -z "$1" ]; then
    local changed=""
    git -C "$ROOT" diff --quiet HEAD -- . || changed=", with uncommitted changes"
    echo "the working tree (at $(git -C "$ROOT" log -1 --format='%h %s' HEAD)$changed)"
  else
    echo "$1 = $(git -C "$ROOT" log -1 --format='%h %s' "$1")"
  fi
}

# _revision_package DIR [benchmarks]: the replay tool (and the benchmarks) in DIR's own target/
_revision_package() {
  local modules=replay-tool skip=-Dmaven.test.skip=true
  if [ "${2:-}" = benchmarks ]; then
    # the benchmarks use the rsyslog harness of it-tests' test jar, so tests are compiled
    modules=replay-tool,benchmarks skip=-DskipTests
  fi
  (cd "$1" && mvn -B ${MVN_ARGS:-} package -pl "$modules" -am "$skip") > "$WORK/mvn.log" 2>&1 \
    || { tail -40 "$WORK/mvn.log" >&2; return 1; }
}

_revision_collect() {
  local from="$1" to="$2" with="${3:-}"
  mkdir -p "$to"
  cp "$from/replay-tool/target/apptrack-replay.jar" "$to/"
  rm -rf "$to/etc" && cp -r "$from/karaf-assembly/src/main/resources/etc" "$to/etc"
  [ "$with" != benchmarks ] || cp "$from/benchmarks/target/benchmarks.jar" "$to/"
}

revision_build() {
  local rev="$1" dest="$2" with="${3:-}"
  if [ -z "$rev" ]; then
    _revision_package "$ROOT" "$with" || { echo "building the working tree failed" >&2; return 1; }
    _revision_collect "$ROOT" "$dest" "$with"
    return
  fi
  local sha
  sha="$(git -C "$ROOT" rev-parse --verify --quiet "$rev^{commit}")" || { echo "not a revision: $rev" >&2; return 1; }
  local kept="$REVISION_BUILDS/$sha"
  if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$kept/apptrack-replay.jar" ] \
      || { [ "$with" = benchmarks ] && [ ! -f "$kept/benchmarks.jar" ]; }; then
    local tree="$WORK/worktree-$sha"
    git -C "$ROOT" worktree add --detach --quiet "$tree" "$sha"
    REVISION_WORKTREES+=("$tree")
    _revision_package "$tree" "$with" || { echo "building $rev failed" >&2; return 1; }
    rm -rf "$kept"
    _revision_collect "$tree" "$kept" "$with"
    git -C "$ROOT" worktree remove --force "$tree"
  else
    echo "   (built before: $kept)"
  fi
  mkdir -p "$dest" && cp -r "$kept/." "$dest/"
}

revision_cleanup() {
  local t
  for t in "${REVISION_WORKTREES[@]}"; do git -C "$ROOT" worktree remove --force "$t" 2>/dev/null || true; done
  git -C "$ROOT" worktree prune 2>/dev/null || true
}
