#!/usr/bin/python3
"""Makes every composite glyph of a TrueType font reference simple glyphs only.

PDFsharp 6.5's font subsetter follows composite glyphs one level deep, so letters built from a composite
(Vietnamese ế = e + a composite circumflex-acute) lose their marks in the PDF. Flattening the references
(offsets added, outlines untouched) makes the subset complete. Run with Debian's python3-fonttools:
    /usr/bin/python3 flatten-composites.py /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf DejaVuSans.ttf
"""
import sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import GlyphComponent

source, target = sys.argv[1], sys.argv[2]
font = TTFont(source)
glyf = font["glyf"]


def flattened(component):
    inner = glyf[component.glyphName]
    if not inner.isComposite():
        return [component]
    if hasattr(component, "transform"):
        raise SystemExit(f"{component.glyphName}: scaled composite references are not handled")
    result = []
    for sub in inner.components:
        for leaf in flattened(sub):
            copy = GlyphComponent()
            copy.glyphName, copy.flags = leaf.glyphName, leaf.flags & ~0x0200  # USE_MY_METRICS belongs to the outer glyph
            copy.x, copy.y = leaf.x + component.x, leaf.y + component.y
            if hasattr(leaf, "transform"):
                copy.transform = leaf.transform
            result.append(copy)
    return result


changed = 0
for name in font.getGlyphOrder():
    glyph = glyf[name]
    if glyph.isComposite() and any(glyf[c.glyphName].isComposite() for c in glyph.components):
        glyph.components = [leaf for c in glyph.components for leaf in flattened(c)]
        if hasattr(glyph, "program"):
            del glyph.program  # hinting instructions addressed the old components
        changed += 1
font.save(target)
print(f"{target}: {changed} composite glyphs flattened")
