"""Benchmark: build time (CPU) of the summary (HTML and PDF) for the largest session.

Run from the repository root:

    PYTHONPATH=. python bench/bench_render.py [--runs N]

The floor is a minimal two-page reportlab document (a title and some paragraphs per page,
the same embedded DejaVu font), built in the same run (each PDF right after a floor build),
so the ratio does not depend on the machine. Expected (issue 8): PDF time per page within 2x
of the floor's time per page; HTML under 20 ms. CPU time, so other processes do not count.

Two sessions are measured on the longest shipped grid: "full" has every answer filled with
realistic texts (two parents and a peer worker); "max" has every free-text field at its
length limit (2000 characters), the worst case a session can hold.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "render")]

from render_samples import NOW, grid_paths, largest, load, session_with_text  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate  # noqa: E402

from sdm_aid.render.html import render_html  # noqa: E402
from sdm_aid.render.pdf import STYLES, register_fonts, render_pdf  # noqa: E402
from sdm_aid.render.summary import build_summary  # noqa: E402

REALISTIC = "We hebben het thuis besproken. Op dinsdag en donderdag lukt het niet door school en sport."


def minimal_two_pages() -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title="Floor", lang="nl-NL")
    story = []
    for page in (1, 2):
        story.append(Paragraph(f"Pagina {page}", STYLES["title"]))
        story += [Paragraph("Een korte alinea met gewone tekst, Zoë en Łukasz. " * 4, STYLES["normal"])] * 5
        if page == 1:
            story.append(PageBreak())
    document.build(story)
    return buffer.getvalue()


def median_ms(function: Callable[[], object], runs: int) -> float:
    """Median CPU time of one call, in ms. CPU time (not wall time) because the machine's
    cores are shared: other processes must not count against us or against the floor."""
    function()  # warm-up: templates compiled, fonts loaded
    times = []
    for _ in range(runs):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def paired_ratio(
    function: Callable[[], object], floor: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Median time and median ratio to the floor, with each run timed right after a floor run,
    so a change in machine load affects both sides alike."""
    function()
    floor()
    times, ratios = [], []
    for _ in range(runs):
        start = time.process_time()
        floor()
        middle = time.process_time()
        function()
        end = time.process_time()
        times.append(end - middle)
        ratios.append((end - middle) / max(middle - start, 1e-9))
    return statistics.median(times) * 1000, statistics.median(ratios)


def pages(data: bytes) -> int:
    return data.count(b"/Type /Page\n") or data.count(b"/Type /Page")


def characters(data: bytes) -> int:
    """Printed characters (no whitespace): how much text the pages carry."""
    from pypdf import PdfReader

    text = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return sum(1 for char in text if not char.isspace())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per measurement (median)")
    args = parser.parse_args()
    register_fonts()

    path = max(grid_paths(), key=lambda p: p.stat().st_size)
    grid, raw = load(path)
    sessions = {
        "full": session_with_text(grid, raw, REALISTIC),
        "max": largest(grid, raw),
    }
    floor = median_ms(minimal_two_pages, args.runs)
    floor_pdf = minimal_two_pages()
    floor_pages, floor_chars = pages(floor_pdf), characters(floor_pdf)
    shape = f"{len(grid.options)} options x {len(grid.questions)} questions"
    print(f"grid: {path.name} ({shape}), runs: {args.runs}, load {os.getloadavg()[0]:.1f}")
    print(
        "x floor: the whole PDF against the 2-page floor, built alternately; per page: time per page\n"
        "against the floor's time per page (target <= 2x); per 1000 chars: time per 1000 printed\n"
        "characters against the floor's (how much of the per-page gap is denser pages)."
    )
    header = ("measurement", "median ms", "x floor", "pages", "per page", "per 1000 ch")
    print(f"{header[0]:<34}{header[1]:>11}{header[2]:>9}{header[3]:>7}{header[4]:>10}{header[5]:>13}")
    floor_name = "floor: minimal 2-page reportlab"
    print(f"{floor_name:<34}{floor:>11.1f}{1.0:>9.1f}{floor_pages:>7}{1.0:>10.1f}{1.0:>13.1f}")
    for name, session in sessions.items():
        for copy in ("family", "clinician"):
            summary = build_summary(session, grid, copy=copy, generated_at=NOW)
            build = median_ms(
                lambda s=session, c=copy: build_summary(s, grid, copy=c, generated_at=NOW), args.runs
            )
            html = median_ms(lambda s=summary: render_html(s), max(args.runs, 50))
            pdf, ratio = paired_ratio(lambda s=summary: render_pdf(s), minimal_two_pages, args.runs)
            data = render_pdf(summary)
            count, chars = pages(data), characters(data)
            per_page = ratio * floor_pages / count
            per_chars = ratio * floor_chars / chars
            print(f"{f'{name}/{copy}: build model':<34}{build:>11.2f}")
            print(f"{f'{name}/{copy}: HTML':<34}{html:>11.2f}{'':>9}{'':>7}  (target < 20 ms)")
            label = f"{name}/{copy}: PDF"
            print(f"{label:<34}{pdf:>11.1f}{ratio:>9.1f}{count:>7}{per_page:>10.1f}{per_chars:>13.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
