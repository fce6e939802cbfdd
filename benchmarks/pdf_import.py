"""How fast a PDF file imports: pages per second, for PDFs made here with reportlab.

Usage::

    .venv/bin/python benchmarks/pdf_import.py [--pages 50 500]

Each page has a running header, a page number, a heading, three paragraphs
and a short list, like a training manual. Prints, per size, the time of the
whole import of the file (conversion to Markdown, then the Markdown family)
and pages per second.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

PARAGRAPH = ("Check the equipment before each use and report any damage to the supervisor "
             "on duty, who records it in the log book and takes the item out of service.")


def make_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, height - 40, "Workshop Safety Manual")
        pdf.drawString(width / 2, 30, str(number))
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(72, height - 90, f"Section {number}: Daily Checks")
        y = height - 120
        pdf.setFont("Helvetica", 11)
        for _ in range(3):
            for start in range(0, len(PARAGRAPH), 75):
                pdf.drawString(72, y, PARAGRAPH[start:start + 75])
                y -= 16
            y -= 8
        for item in ("Gloves on", "Guards in place", "Area clear"):
            pdf.drawString(72, y, "\u2022 " + item)
            y -= 16
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def main() -> None:
    from build_course.importer.importing import import_source

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[50, 500])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for pages in args.pages:
            path = Path(tmp) / f"manual-{pages}.pdf"
            path.write_bytes(make_pdf(pages))
            start = time.perf_counter()
            part = import_source(path).part
            took = time.perf_counter() - start
            sections = sum(len(lesson.sections) for lesson in part.lessons)
            print(f"{pages} pages ({path.stat().st_size / 1e6:.1f} MB): {took:.1f} s, "
                  f"{pages / took:.1f} pages/s; {len(part.lessons)} lessons, {sections} sections")


if __name__ == "__main__":
    main()
