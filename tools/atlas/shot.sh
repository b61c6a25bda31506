#!/bin/sh
# Renders SVG previews of the given views to PNG with Debian's Chromium (for iterating on drawings).
set -e
cd "$(dirname "$0")/../.."
npx tsx tools/atlas/preview.ts "$@"
cd .cache/atlas-preview
for id in "$@"; do
  w=$(grep -o 'width="[0-9.]*"' "$id.svg" | head -1 | tr -dc '0-9.')
  h=$(grep -o 'height="[0-9.]*"' "$id.svg" | head -1 | tr -dc '0-9.')
  timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$id.png" --window-size="${w%.*},${h%.*}" "$id.html" >/dev/null 2>&1
done
