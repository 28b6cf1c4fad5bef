"""Write the NATO map's interactive page and its report, or a screenshot of the page.

Run: python examples/nato_indo_pacific/page.py [OUTPUT_FOLDER] [--screenshot]

Writes nato_indo_pacific.html (the map beside the article, every quote
marked), nato_indo_pacific_report.html and, when Chromium is installed,
nato_indo_pacific_report.pdf. With --screenshot it writes only
nato_indo_pacific_page.png, the page with one node chosen (`./dev diagram`
runs it with `docs`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import argmap
from argmap.page import find_chromium, html_to_pdf, html_to_png, to_html, to_report

MAP = Path(__file__).resolve().parent / "map.yaml"
NAME = "nato_indo_pacific"
SHOWN = "trump-risk"
"""The node chosen in the screenshot."""


def main(output: Path, *, screenshot: bool = False) -> int:
    m = argmap.load(MAP)
    output.mkdir(parents=True, exist_ok=True)
    written = []
    if screenshot:
        png = output / f"{NAME}_page.png"
        png.write_bytes(html_to_png(to_html(m), size=(1500, 860), fragment=f"node={SHOWN}"))
        written.append(png)
    else:
        page, report = output / f"{NAME}.html", output / f"{NAME}_report.html"
        page.write_text(to_html(m), encoding="utf-8")
        text = to_report(m)
        report.write_text(text, encoding="utf-8")
        written += [page, report]
        if find_chromium() is not None:
            pdf = output / f"{NAME}_report.pdf"
            pdf.write_bytes(html_to_pdf(text))
            written.append(pdf)
        else:
            print("no Chromium: the PDF report is not written (apt-get install chromium)")
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--screenshot"]
    sys.exit(
        main(
            Path(args[0]) if args else Path("out") / NAME,
            screenshot="--screenshot" in sys.argv[1:],
        )
    )
