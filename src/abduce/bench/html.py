"""HTML and SVG building blocks for reports: escaped text, tables, ARC grids and step plots."""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

PALETTE = ("#000000", "#0074d9", "#ff4136", "#2ecc40", "#ffdc00",
           "#aaaaaa", "#f012be", "#ff851b", "#7fdbff", "#870c25")  # fmt: skip


class Html(str):
    """Markup that is safe as it is: `esc` and `table` pass it through unescaped."""


def esc(value: object) -> Html:
    """Text made safe for HTML (quotes too, so also for attributes); markup is kept."""
    return value if isinstance(value, Html) else Html(html.escape(str(value)))


def join(parts: Iterable[str]) -> Html:
    """Pieces of markup, concatenated."""
    return Html("".join(parts))


def table(head: Sequence[object], rows: Iterable[Sequence[object]]) -> Html:
    """A table; every cell is escaped unless it is `Html`. A one-cell row is a sub-heading."""
    header = join(f"<th>{esc(cell)}</th>" for cell in head)
    body = join(
        f'<tr class="sub"><th colspan="{len(head)}">{esc(row[0])}</th></tr>'
        if len(row) == 1
        else "<tr>" + join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return Html(f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>")


def grid_svg(grid: list[list[int]], title: str, *, mark: str = "", max_px: int = 180) -> Html:
    """A titled ARC grid (a valid one: see `check_grid`): one path per colour over runs of
    equal cells, and thin lines between the cells."""
    rows, cols = len(grid), max(len(row) for row in grid)
    cell = max(4, min(18, max_px // max(rows, cols)))
    runs: dict[str, list[str]] = defaultdict(list)
    for y, row in enumerate(grid):
        x = 0
        for color, run in groupby(row):
            width = len(list(run))
            runs[PALETTE[color]].append(f"M{x} {y}h{width}v1h-{width}z")
            x += width
    cells = join(f'<path fill="{color}" d="{"".join(d)}"/>' for color, d in runs.items())
    lines = "".join(f"M0 {y}H{cols}" for y in range(1, rows))
    lines += "".join(f"M{x} 0V{rows}" for x in range(1, cols))
    svg = (
        f'<svg class="grid" viewBox="0 0 {cols} {rows}" width="{cols * cell}" '
        f'height="{rows * cell}" shape-rendering="crispEdges" role="img" '
        f'aria-label="{esc(title)}">{cells}<path d="{lines}" stroke="#555" stroke-width="1" '
        'vector-effect="non-scaling-stroke" fill="none"/></svg>'
    )
    caption = f"{esc(title)}{mark} <small>{rows}×{cols}</small>"
    return Html(f"<figure><figcaption>{caption}</figcaption>{svg}</figure>")


@dataclass(frozen=True)
class Series:
    """One step curve of a plot: y jumps to each point's y at its x."""

    label: str
    points: list[tuple[float, float]]
    color: str
    dashed: bool = False


def nice_ticks(top: float, count: int = 5, *, whole: bool = False) -> list[float]:
    """Round tick values from 0 up to at least `top`, about `count` steps; `whole` numbers only
    if asked.

    >>> nice_ticks(7)
    [0, 2, 4, 6, 8]
    >>> nice_ticks(0.3), nice_ticks(2, whole=True)
    ([0, 0.1, 0.2, 0.3], [0, 1, 2])
    """
    raw = max(top, 1 if whole else 1e-9) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(factor * power for factor in (1, 2, 5, 10) if factor * power >= raw * 0.999)
    step = max(step, 1) if whole else step
    steps = max(1, math.ceil(top / step - 1e-9))
    return [round(i * step, 12) if i else 0 for i in range(steps + 1)]


def step_plot(
    series: Sequence[Series], *, x_label: str, y_label: str, width: int = 520, height: int = 300
) -> Html:
    """An SVG step plot of counts, with axes, ticks, grid lines, axis labels and a legend."""
    left, right, top, bottom = 52, 16, 14, 42
    points = [point for curve in series for point in curve.points]
    x_ticks = nice_ticks(max((x for x, _ in points), default=1) or 1)
    y_ticks = nice_ticks(max((y for _, y in points), default=1) or 1, whole=True)
    plot_w, plot_h = width - left - right, height - top - bottom

    def sx(x: float) -> float:
        return left + plot_w * x / x_ticks[-1]

    def sy(y: float) -> float:
        return top + plot_h * (1 - y / y_ticks[-1])

    parts = [
        f'<line x1="{sx(x):.1f}" x2="{sx(x):.1f}" y1="{top}" y2="{top + plot_h}" class="tick"/>'
        f'<text x="{sx(x):.1f}" y="{top + plot_h + 16}" text-anchor="middle">{x:g}</text>'
        for x in x_ticks
    ]
    parts += [
        f'<line x1="{left}" x2="{left + plot_w}" y1="{sy(y):.1f}" y2="{sy(y):.1f}" class="tick"/>'
        f'<text x="{left - 6}" y="{sy(y) + 4:.1f}" text-anchor="end">{y:g}</text>'
        for y in y_ticks
    ]
    parts.append(
        f'<path d="M{left} {top}V{top + plot_h}H{left + plot_w}" class="axis"/>'
        f'<text x="{left + plot_w / 2}" y="{height - 6}" text-anchor="middle">{esc(x_label)}</text>'
        f'<text transform="translate(14 {top + plot_h / 2}) rotate(-90)" '
        f'text-anchor="middle">{esc(y_label)}</text>'
    )
    for curve in series:
        d = f"M{sx(0):.1f} {sy(0):.1f}" + "".join(
            f"H{sx(x):.1f}V{sy(y):.1f}" for x, y in sorted(curve.points)
        )
        dash = ' stroke-dasharray="5 4"' if curve.dashed else ""
        parts.append(f'<path d="{d}H{sx(x_ticks[-1]):.1f}" stroke="{curve.color}"{dash}/>')
    svg = f'<svg class="plot" viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
    legend = join(
        f'<span><i class="{"dashed" if curve.dashed else "solid"}" '
        f'style="border-color:{curve.color}"></i>{esc(curve.label)}</span>'
        for curve in series
    )
    return Html(f'{svg}{"".join(parts)}</svg><p class="legend">{legend}</p>')


def page(title: str, body: str, style: str = "") -> str:
    """A whole HTML document; its policy forbids scripts and every network request."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="icon" href="data:,"><title>{esc(title)} · abduce report</title>'
        f"<style>{CSS}{style}</style></head><body>{body}</body></html>\n"
    )


CSS = """
:root { --ok: #1a7f37; --bad: #cf222e; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 28px 32px 64px; color: #1f2328;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; }
h1 { font-size: 24px; margin: 0 0 10px; word-break: break-all; }
h2 { font-size: 18px; margin: 36px 0 12px; padding-bottom: 6px;
  border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 8px; }
h4 { font-size: 13px; margin: 16px 0 6px; color: var(--muted); text-transform: uppercase;
  letter-spacing: .04em; }
a { color: #0969da; text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre { font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted, small { color: var(--muted); }
.ok { color: var(--ok); } .bad { color: var(--bad); }
.facts { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; }
.facts dt { font-size: 12px; color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 4px 0; }
th, td { padding: 5px 12px; border-bottom: 1px solid var(--line); text-align: right;
  white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
td:first-child { white-space: normal; overflow-wrap: anywhere; min-width: 120px; }
thead th { background: var(--soft); font-weight: 600; font-size: 13px; }
tr.sub th { text-align: left; font-weight: 500; font-size: 12px; color: var(--muted);
  padding-top: 10px; border-bottom: none; }
ul.flips, ul.ids { padding-left: 20px; }
ul.ids { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; }
li.lost::marker, ul.lost a { color: var(--bad); }
li.gained::marker, ul.gained a { color: var(--ok); }
.plots { display: flex; flex-wrap: wrap; gap: 20px 40px; }
figure { margin: 0; }
figcaption { font-size: 13px; color: var(--muted); margin-bottom: 4px; }
svg.plot { font-size: 11px; fill: var(--muted); }
svg.plot path { fill: none; stroke-width: 2; }
svg.plot .axis { stroke: var(--muted); stroke-width: 1; }
svg.plot .tick { stroke: #eaeef2; }
.legend { display: flex; gap: 18px; margin: 2px 0 0 52px; font-size: 12px; color: var(--muted); }
.legend i { display: inline-block; width: 18px; margin: 0 6px 3px 0; border-top: 2px solid; }
.legend i.dashed { border-top-style: dashed; }
nav.index { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 14px; }
nav.index a { padding: 1px 7px; border-radius: 4px; color: #fff; font: 12px/1.6 ui-monospace,
  SFMono-Regular, Menlo, Consolas, monospace; background: var(--bad); }
nav.index a.solved { background: var(--ok); }
nav.index a.unknown { background: var(--muted); }
section.task { border: 1px solid var(--line); border-left: 5px solid var(--bad);
  border-radius: 6px; margin: 12px 0; }
section.task.solved { border-left-color: var(--ok); }
section.task.unknown { border-left-color: var(--muted); }
section.task > details > summary { display: flex; gap: 12px; align-items: baseline;
  padding: 9px 14px; cursor: pointer; }
section.task > details > summary b { font: 600 14px ui-monospace, SFMono-Regular, monospace; }
.mark { font-weight: 700; color: var(--bad); }
.solved .mark { color: var(--ok); } .unknown .mark { color: var(--muted); }
.body { padding: 0 16px 16px; }
.note { color: var(--muted); font-size: 13px; }
.examples { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
.pair { display: flex; flex-wrap: wrap; gap: 10px; padding: 8px 10px; background: var(--soft);
  border-radius: 6px; }
.pair figcaption { font-size: 12px; white-space: nowrap; }
svg.grid { display: block; outline: 1px solid #555; }
.hypothesis { margin: 0; font-size: 15px; }
.code { border-radius: 6px; }
.code pre { margin: 0; padding: 10px 14px; overflow-x: auto; }
ul.verdicts { display: flex; flex-wrap: wrap; gap: 2px 22px; list-style: none; padding: 0;
  margin: 0; }
ul.verdicts code { color: var(--bad); margin-left: 8px; white-space: pre-wrap; }
details.trace { margin-top: 16px; }
details.trace > summary { cursor: pointer; color: var(--muted); font-size: 13px; }
ul.tree, ul.tree ul { padding-left: 18px; margin: 4px 0; }
ul.tree details summary { cursor: pointer; color: var(--muted); font-size: 12px; }
ul.tree pre { background: var(--soft); padding: 8px 12px; border-radius: 6px; margin: 4px 0; }
"""
