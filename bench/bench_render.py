"""Benchmark: build time (CPU) of the summary (HTML and PDF) for the largest session.

Run from the repository root:

    PYTHONPATH=. python bench/bench_render.py [--runs N]

The floor is a minimal two-page reportlab document (a title and some paragraphs per page,
the same embedded DejaVu font), built in the same run, so the ratio does not depend on the
machine. Expected (issue 5): PDF within 5x of that floor, HTML under 20 ms.

Two sessions are measured on the longest shipped grid: "full" has every answer filled with
realistic texts (two parents and a peer worker); "max" has every free-text field at its
length limit (2000 characters), the worst case a session can hold.
"""

from __future__ import annotations

import argparse
import io
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
    shape = f"{len(grid.options)} options x {len(grid.questions)} questions"
    print(f"grid: {path.name} ({shape}), runs: {args.runs}")
    print(f"{'measurement':<34}{'median ms':>11}{'x floor':>9}{'pages':>7}")
    print(f"{'floor: minimal 2-page reportlab':<34}{floor:>11.1f}{1.0:>9.1f}{pages(minimal_two_pages()):>7}")
    for name, session in sessions.items():
        for copy in ("family", "clinician"):
            summary = build_summary(session, grid, copy=copy, generated_at=NOW)
            build = median_ms(
                lambda s=session, c=copy: build_summary(s, grid, copy=c, generated_at=NOW), args.runs
            )
            html = median_ms(lambda s=summary: render_html(s), max(args.runs, 50))
            pdf, ratio = paired_ratio(lambda s=summary: render_pdf(s), minimal_two_pages, args.runs)
            count = pages(render_pdf(summary))
            print(f"{f'{name}/{copy}: build model':<34}{build:>11.2f}")
            print(f"{f'{name}/{copy}: HTML':<34}{html:>11.2f}{'':>9}{'':>7}  (target < 20 ms)")
            print(f"{f'{name}/{copy}: PDF':<34}{pdf:>11.1f}{ratio:>9.1f}{count:>7}  (target < 5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
