#!/usr/bin/env bash
# Regenerates assets/fonts/*-Charts.ttf: DejaVu Sans cut down to the characters chart texts use
# (Latin with the Nordic and other European letters, punctuation, arrows, minus and comparison
# signs). resvg shapes every text of a chart with its font, and the full DejaVu's tables for
# hundreds of scripts make that cost about 20 ms per chart; the cut-down font costs a fraction.
# Any character outside the cut is still drawn: render-png.ts gives resvg the full fonts after
# these, and resvg falls back to them glyph by glyph.
# Needs fontTools (Debian: apt-get install python3-fonttools). Run from the repository root.
set -euo pipefail
unicodes="U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+2190-2193,U+20AC,U+2212,U+2264-2265"
for face in DejaVuSans DejaVuSans-Bold; do
  python3 -m fontTools.subset "assets/fonts/${face}.ttf" \
    --unicodes="${unicodes}" --layout-features='*' --name-IDs='*' --name-languages='*' \
    --output-file="assets/fonts/${face}-Charts.ttf"
done
