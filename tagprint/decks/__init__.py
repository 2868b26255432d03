"""Slide decks (16:9, 960 × 540 pt) and the handouts made from them.

A deck layout lists slides; each becomes a page built from a slide template (title, content, figure or
references), tagged as one Sect with its own heading. Handouts place the real slide content, scaled
down and still tagged, beside or above the speaker notes or ruled lines for writing.
"""
