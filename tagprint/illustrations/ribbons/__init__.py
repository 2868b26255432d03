"""The ribbon engine: ribbons that twist round one another, passing properly over and under (woven like a
plait), shared by the arrows and the double helix.

A thin edge in the background colour separates the ribbon in front, and a ribbon turns paler where it
passes behind. `draw_ribbons` draws each ribbon as a few stretches, cut between its crossings
(`plan_ribbons`), each one outline of Bézier curves fitted to the sampled edges and filled with a shading
along the ribbon, sorted so the one in front comes later at every crossing: a few hundred path operators,
where a stack of depth-sorted slices took thousands of small shapes.
"""

from .model import WHITE, Piece, Ribbon, Segment, mix
from .paint import draw_ribbons
from .plan import plan_ribbons

__all__ = ["WHITE", "Piece", "Ribbon", "Segment", "draw_ribbons", "mix", "plan_ribbons"]
