"""Fonts: where each family's files are, which characters they have, and how text is shaped.

Families are found by their name tables in the project's `fonts/` folder, in installed font wheels
(`fontpkg_*` packages, like Atkinson Hyperlegible) and in the system's font folders; a theme may also name
the files of a family per style. A variable font is instanced (fontTools' instancer) at the weight a style
uses, since PDF has no variable fonts. Every run of text is shaped by HarfBuzz (kerning, ligatures, marks,
Arabic joining, the style's OpenType features); the shaped advances are what lines are broken with and what
the pen draws.

The first family of a stack sets the text; a character it lacks falls back to the family the theme names
for its script, then to the next family that has it. A character no family has is an input error (never a
.notdef box in the PDF).

The rooms, each importing only those above it:

- `discovery`: font files and the faces they hold, the face that serves a style, did-you-mean;
- `families`: the families resolved in this process (and `FAMILIES`, by name);
- `instances`: font programs kept on disk (variable instances, the finish stage's subsets);
- `metrics`: a face's metrics and the font descriptor's entries made from them;
- `shaping`: HarfBuzz's glyphs for a run;
- `faces`: a loaded face (program, widths, metrics, HarfBuzz font), by family and style or by name;
- `stacks`: fallback order, the face each character is set in, a word's width.
"""

from .discovery import (BITMAP_ONLY, FONT_SUFFIXES, NO_EMBEDDING, STYLE_KEYS, STYLES, SYSTEM_DIRS, Entry,
                        FontMissing, Source, available_families, did_you_mean_family, entries_in, fs_type, pick,
                        search_dirs, wheel_dirs)
from .families import FAMILIES, resolve, resolved, source
from .instances import cache_folder, instance_cache, kept_on_disk
from .metrics import Metrics
from .shaping import Glyph
from .faces import Face, by_name, face, load_source
from .stacks import FontStack, script_of, segments_for, theme_stack

__all__ = ["BITMAP_ONLY", "FAMILIES", "FONT_SUFFIXES", "NO_EMBEDDING", "STYLES", "STYLE_KEYS", "SYSTEM_DIRS",
           "Entry", "Face", "FontMissing", "FontStack", "Glyph", "Metrics", "Source", "available_families",
           "by_name", "cache_folder", "did_you_mean_family", "entries_in", "face", "fs_type", "instance_cache",
           "kept_on_disk", "load_source", "pick", "resolve", "resolved", "script_of", "search_dirs",
           "segments_for", "source", "theme_stack", "wheel_dirs"]
