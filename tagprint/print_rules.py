"""The printer's rules, in one place: what the print profile makes and what the print preflight checks
measure against the same numbers."""

SMALL_TEXT_PT = 12.0       # points: below this, text must print in one ink
DARK_TEXT_L = 40.0         # CIELAB lightness below which text counts as dark (black-ish): a rich black if in
                           # several process inks
DEFAULT_INK_LIMIT = 3.0    # total area coverage, 0..4 (300 %: coated offset)
PRINT_MIN_TEXT_PT = 9.0    # points: the smallest body text, notes and table notes in print
MIN_PPI = 300              # continuous-tone images at their placed size
MIN_PPI_BITMAP = 1200      # 1-bit images
