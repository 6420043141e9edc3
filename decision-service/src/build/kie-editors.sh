#!/bin/sh
# Puts the classic KIE DMN and BPMN editors (npm @kie-tools/kie-editors-standalone, one self-contained UMD file each)
# into the service's static resources, served at /console/assets/kie/{dmn,bpmn}/index.js. Run by Maven in
# process-resources with: $1 = target dir, $2 = output classes dir. The bundles are ~30 MB: fetched, never committed.
#
# Without npm (or when npm cannot fetch) the build goes on without the editors and the studio's editor page says the
# asset is absent; the spreadsheet view and the DRL editor need no asset. OUTLAY_REQUIRE_KIE_EDITORS=1 (CI) turns that
# into a failure. A tarball whose SHA-1 is not the pinned one always fails the build: nothing unverified is served.
set -eu
PACKAGE="@kie-tools/kie-editors-standalone@10.1.0"
SHA1="9b4afa635a519ac6abdb099f16aeee684dd5ad21"
TARBALL="kie-tools-kie-editors-standalone-10.1.0.tgz"
TARGET="$1"
OUT="$2/META-INF/resources/console/assets/kie"
WORK="$TARGET/kie-editors"

absent() {
  echo "[kie-editors] $1: the DMN editor page will say its asset is absent" >&2
  if [ "${OUTLAY_REQUIRE_KIE_EDITORS:-0}" = "1" ]; then exit 1; fi
  exit 0
}

if [ -f "$OUT/dmn/index.js" ] && [ -f "$OUT/bpmn/index.js" ] && [ -f "$WORK/$SHA1" ]; then exit 0; fi
command -v npm >/dev/null 2>&1 || absent "npm is not installed"
mkdir -p "$WORK"
if [ ! -f "$WORK/$TARBALL" ]; then
  (cd "$WORK" && npm pack "$PACKAGE" --silent >/dev/null 2>"$WORK/npm.log") || absent "npm pack $PACKAGE failed ($(tail -1 "$WORK/npm.log"))"
fi
GOT="$(sha1sum "$WORK/$TARBALL" | cut -d' ' -f1)"
if [ "$GOT" != "$SHA1" ]; then
  rm -f "$WORK/$TARBALL"
  echo "[kie-editors] $TARBALL has SHA-1 $GOT, expected $SHA1: refusing it" >&2
  exit 1
fi
rm -rf "$WORK/package"
tar -xzf "$WORK/$TARBALL" -C "$WORK" package/dist/dmn/index.js package/dist/bpmn/index.js
mkdir -p "$OUT/dmn" "$OUT/bpmn"
cp "$WORK/package/dist/dmn/index.js" "$OUT/dmn/index.js"
cp "$WORK/package/dist/bpmn/index.js" "$OUT/bpmn/index.js"
touch "$WORK/$SHA1"
echo "[kie-editors] $PACKAGE verified (sha1 $SHA1) into $OUT"
