#!/bin/sh
# Writes zcbench's version, the git commit a build is made from (dirty when the work tree had changes,
# untracked files included), to $1 as properties; the launcher runs it too, to tell a stale jar.
# Usage: stamp-version.sh OUT_FILE WORK_TREE
set -eu
out=$1
tree=$2
mkdir -p "$(dirname "$out")"
if full=$(git -C "$tree" rev-parse HEAD 2>/dev/null); then
  if [ -n "$(git -C "$tree" status --porcelain 2>/dev/null)" ]; then dirty=true; else dirty=false; fi
  printf 'git.commit.id.abbrev=%s\ngit.commit.id.full=%s\ngit.dirty=%s\n' \
    "$(printf %s "$full" | cut -c1-12)" "$full" "$dirty" > "$out"
else
  printf '# built outside a git work tree\n' > "$out"
fi
