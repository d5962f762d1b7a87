"""The HTML report: renders, parses as HTML with lxml, draws what it was given, escapes names."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from headerscope.bench import report

SVG = "{http://www.w3.org/2000/svg}"


def _parse(text: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(text)


def test_a_page_with_every_chart_parses_and_shows_its_values(tmp_path: Path) -> None:
    sections = [
        ("CPU", report.bar_chart([("headerscope", 60.5), ("<script>alert(1)</script>", 190.0)],
                                 "µs")),
        ("Latency", report.histogram([100.0] * 50 + [250.0] * 49 + [9000.0])),
        ("Table", report.table(("contender", "µs"), [("a & b", 1), ("c", 2)])),
    ]
    path = tmp_path / "r.html"
    report.write(str(path), "bench <1>", [("CPU", "x86 & co")], sections)
    text = path.read_text()
    assert text.startswith("<!DOCTYPE html>")
    root = _parse(text)
    assert root.findtext(".//title") == "bench <1>"
    assert [h.text for h in root.iter("h2")] == ["CPU", "Latency", "Table"]
    assert "<script>" not in text  # a contender's name is text, never markup
    assert not list(root.iter("script"))
    bars = root.xpath("//svg[1]//rect")
    assert len(bars) == 2
    assert float(bars[0].get("width")) < float(bars[1].get("width"))  # 60.5 < 190
    titles = [t.text for t in root.xpath("//svg[1]//title")]
    assert titles == ["headerscope: 60.5 µs", "<script>alert(1)</script>: 190 µs"]
    assert [c.text for c in root.xpath("//table//td")] == ["a & b", "1", "c", "2"]


def test_the_histogram_puts_the_slowest_percent_in_the_last_bin() -> None:
    from headerscope.sxml import render

    root = _parse("<html><body>" + render(report.histogram(
        [float(v) for v in range(1, 101)], bins=10)) + "</body></html>")
    rects = root.xpath("//svg/rect")
    assert len(rects) == 10
    shares = [r.findtext("title") for r in rects]
    assert shares[-1].startswith("≥")
    total = sum(float(s.rsplit(": ", 1)[1].split(" %")[0]) for s in shares)
    assert total == pytest.approx(100, abs=0.5)


@pytest.mark.parametrize("empty", [report.bar_chart([], "µs"), report.histogram([])])
def test_no_data_is_said_not_drawn(empty: object) -> None:
    assert isinstance(empty, tuple) and empty[0] == "p"


def test_machine_names_the_cpu_and_python() -> None:
    keys = [k for k, _ in report.machine()]
    assert keys == ["CPU", "system", "Python"]
