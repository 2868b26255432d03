"""Pieces among the ribbons (rungs, arrowheads): which hang from a ribbon, where the ribbon's edge must
set them off, and the stretch each is drawn beside."""

from __future__ import annotations

from typing import Sequence

from .model import Piece, Ribbon, Segment

Hung = list[list[tuple[Piece, int]]]  # per ribbon, the pieces hung from it and the point each hangs at


def hang_pieces(pieces: Sequence[Piece], count: int) -> tuple[Hung, list[Piece]]:
    """The pieces hung from each of `count` ribbons (with the point), and the free ones (in depth order
    among the ribbons)."""
    hung: Hung = [[] for _ in range(count)]
    free: list[Piece] = []
    for piece in pieces:
        if piece.host is None:
            free.append(piece)
        else:
            hung[piece.host[0]].append((piece, piece.host[1]))
    return hung, free


def beside_all(ribbons: Sequence[Ribbon], hung: Hung, halo: float) -> dict[int, tuple[int, int]]:
    """Where each piece hung behind a ribbon lies beside it (there the ribbon's edge sets it off), by the
    piece's id: the runs of points from `points_beside`."""
    return {id(piece): points_beside(ribbons[ri], piece, halo) for ri, hangs in enumerate(hung)
            for piece, k in hangs if piece.z < ribbons[ri].depth[k]}


def points_beside(r: Ribbon, piece: Piece, halo: float) -> tuple[int, int]:
    """The points of ribbon r, around the one `piece` hangs from, close enough for its edge to touch the
    piece's shape (a step more either side)."""
    if piece.host is None:
        raise ValueError("only a piece that hangs from a ribbon has points beside it")
    k = piece.host[1]
    shape = piece.shape or (r.points[k],)
    lines = [(x0, y0, x1 - x0, y1 - y0, ((x1 - x0) ** 2 + (y1 - y0) ** 2) or 1.0)
             for (x0, y0), (x1, y1) in (list(zip(shape, shape[1:])) or [(shape[0], shape[0])])]
    pts, widths, grow = r.points, r.width, halo + piece.thick

    def close(i: int) -> bool:
        (x, y), reach = pts[i], widths[i] / 2 + grow
        for x0, y0, dx, dy, length in lines:
            t = min(1.0, max(0.0, ((x - x0) * dx + (y - y0) * dy) / length))
            if (x0 + dx * t - x) ** 2 + (y0 + dy * t - y) ** 2 < reach * reach:
                return True
        return False
    lo = hi = k
    while lo > 0 and close(lo - 1):
        lo -= 1
    while hi < len(pts) - 1 and close(hi + 1):
        hi += 1
    return lo - 1, hi + 1


def reach_side(pts: Sequence[tuple[float, float]], k: int, piece: Piece) -> int:
    """Which side of the ribbon through `pts` the piece hung at point k reaches out to: left 0, right 1,
    or 2 where it gives no shape beyond that point."""
    (ax, ay), (bx, by) = pts[max(0, k - 1)], pts[min(len(pts) - 1, k + 1)]
    (px, py), (qx, qy) = pts[k], (piece.shape or (pts[k],))[-1]
    return 2 if (qx, qy) == (px, py) else 0 if (bx - ax) * (qy - py) - (by - ay) * (qx - px) > 0 else 1


def hang_among(ribbons: Sequence[Ribbon], stretches: Sequence[Segment], hung: Hung,
               beside: dict[int, tuple[int, int]], owner: Sequence[Sequence[int]], place: Sequence[int]) -> None:
    """Gives each hung piece its stretch. A piece hung behind a ribbon goes just before the first-drawn
    stretch of it beside the piece (all of them lay the edge there, on the side the piece reaches out to);
    one hung in front, just after the stretch it hangs from."""
    for ri, hangs in enumerate(hung):
        for piece, k in hangs:
            if id(piece) not in beside:
                stretches[owner[ri][k]].over.append(piece)
                continue
            lo, hi = beside[id(piece)]
            near = sorted({owner[ri][j] for j in range(max(0, lo), min(len(owner[ri]), hi + 1))} | {owner[ri][k]},
                          key=lambda j: place[j])
            stretches[near[0]].under.append(piece)
            side = reach_side(ribbons[ri].points, k, piece)
            for j in near:
                stretches[j].halo.append((lo, hi, side))
