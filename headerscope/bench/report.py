"""`--report FILE.html`: results as one self-contained page, charts drawn as inline SVG.

Everything is an SXML tree rendered by `headerscope.sxml`, which escapes every string, so a
contender's name or a field value cannot become markup. Charts are plain SVG (bars, a
histogram) with a <title> per bar for the exact value; no script, no external resource.
"""

from __future__ import annotations

import math
import os
import platform
from collections.abc import Sequence
from pathlib import Path

from ..sxml import Node, render_document

_SVG = "http://www.w3.org/2000/svg"
_WIDTH = 720
_COLOURS = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b7791f", "#c53030", "#319795",
            "#718096")
CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #1a202c }
table { border-collapse: collapse; margin: 1em 0 }
th, td { padding: .25em .7em; border-bottom: 1px solid #e2e8f0; text-align: right }
th:first-child, td:first-child { text-align: left }
code, pre { font: 13px ui-monospace, monospace }
svg text { font: 12px system-ui, sans-serif; fill: #1a202c }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .1em 1em }
dl.meta dd { margin: 0 }
"""


def machine() -> list[tuple[str, str]]:
    """What a reader needs to compare numbers between runs: CPU, cores, kernel, Python."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return [("CPU", f"{model}, {os.cpu_count()} cores"),
            ("system", f"{platform.system()} {platform.release()}"),
            ("Python", f"{platform.python_implementation()} {platform.python_version()}")]


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> Node:
    return ("table",
            ("thead", ("tr", [("th", h) for h in headers])),
            ("tbody", [("tr", [("td", str(cell)) for cell in row]) for row in rows]))


def bar_chart(items: Sequence[tuple[str, float]], unit: str, *, label: str = "") -> Node:
    """Horizontal bars, one per (name, value), scaled to the largest; value printed beside."""
    items = [(n, v) for n, v in items if math.isfinite(v)]
    if not items:
        return ("p", "no data")
    bar_height, gap = 22, 8
    name_width = min(420, max(120, 7 * max(len(n) for n, _ in items) + 16))  # ~7 px a letter
    top = max(v for _, v in items) or 1.0
    span = _WIDTH - name_width - 110
    height = len(items) * (bar_height + gap) + gap
    bars: list[Node] = []
    for i, (name, value) in enumerate(items):
        y = gap + i * (bar_height + gap)
        width = max(1.0, span * value / top)
        text = f"{value:,.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}"
        bars.append(("g",
                     ("title", f"{name}: {text}"),
                     ("text", {"x": name_width - 8, "y": y + 15, "text-anchor": "end"}, name),
                     ("rect", {"x": name_width, "y": y, "width": round(width, 1),
                               "height": bar_height, "fill": _COLOURS[i % len(_COLOURS)]}),
                     ("text", {"x": round(name_width + width + 6, 1), "y": y + 15}, text)))
    return ("svg", {"xmlns": _SVG, "width": _WIDTH, "height": height, "role": "img",
                    "aria-label": label or unit, "viewBox": f"0 0 {_WIDTH} {height}"},
            bars)


def histogram(samples: Sequence[float], *, bins: int = 40, unit: str = "µs") -> Node:
    """The latency distribution: share of requests per bin, up to the 99th percentile (the
    slowest 1 % gather in the last bin, marked ≥)."""
    if not samples:
        return ("p", "no latency samples")
    ordered = sorted(samples)
    high = ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)))] or 1.0
    step = high / (bins - 1)
    counts = [0] * bins
    for value in ordered:
        counts[min(bins - 1, int(value / step))] += 1
    chart_height, left, bottom = 180, 50, 40
    plot = _WIDTH - left - 10
    width = plot / bins
    tallest = max(counts)
    shapes: list[Node] = []
    for i, count in enumerate(counts):
        h = chart_height * count / tallest
        low = i * step
        what = f"≥ {low:,.0f} {unit}" if i == bins - 1 else f"{low:,.0f}–{low + step:,.0f} {unit}"
        shapes.append(("rect", {"x": round(left + i * width, 1), "y": round(chart_height - h, 1),
                                "width": round(width - 1, 1), "height": round(h, 1),
                                "fill": _COLOURS[0]},
                       ("title", f"{what}: {100 * count / len(ordered):.1f} % of requests")))
    for fraction in (0, 0.25, 0.5, 0.75, 1):
        x = left + fraction * (plot - width)
        shapes.append(("text", {"x": round(x, 1), "y": chart_height + 16,
                                "text-anchor": "middle"}, f"{fraction * (bins - 1) * step:,.0f}"))
    shapes.append(("text", {"x": left + plot / 2, "y": chart_height + 34,
                            "text-anchor": "middle"}, f"latency ({unit})"))
    shapes.append(("text", {"x": left - 6, "y": 12, "text-anchor": "end"},
                   f"{100 * tallest / len(ordered):.0f} %"))
    total = chart_height + bottom
    return ("svg", {"xmlns": _SVG, "width": _WIDTH, "height": total, "role": "img",
                    "aria-label": "latency histogram", "viewBox": f"0 0 {_WIDTH} {total}"},
            ("line", {"x1": left, "y1": chart_height, "x2": left + plot, "y2": chart_height,
                      "stroke": "#4a5568"}),
            shapes)


def page(title: str, meta: Sequence[tuple[str, str]], sections: Sequence[tuple[str, Node]]) -> str:
    tree: Node = (
        "html", {"lang": "en"},
        ("head", ("meta", {"charset": "utf-8"}), ("title", title), ("style", CSS)),
        ("body",
         ("h1", title),
         ("dl", {"class": "meta"}, [[("dt", k), ("dd", v)] for k, v in meta]),
         [[("h2", heading), body] for heading, body in sections]))
    return render_document(tree)


def write(path: str, title: str, meta: Sequence[tuple[str, str]],
          sections: Sequence[tuple[str, Node]]) -> None:
    Path(path).write_text(page(title, meta, sections), encoding="utf-8")
