import base64
import re

import pytest

from sdm_aid.content.models import Precision, Text, TimePoint
from sdm_aid.wizard.frequencies import FrequencyView, frequency_view, icon_array_img, icon_array_svg
from sdm_aid.wizard.idle import DEFAULT_IDLE_MINUTES, IdlePhase, IdlePolicy, IdleSettingError


def point(count: int, out_of: int, precision: Precision = Precision.EXACT) -> TimePoint:
    return TimePoint(count=count, out_of=out_of, precision=precision, time_frame=Text(nl="x", en="x"))


@pytest.mark.parametrize(
    ("count", "out_of", "expected"),
    [
        (6, 10, FrequencyView(6, 10, 6, 10)),  # ten figures: no precision the grid does not give
        (37, 100, FrequencyView(37, 100, 37, 100)),
        (3, 20, FrequencyView(3, 20, 3, 20)),
        (250, 1000, FrequencyView(250, 1000, 25, 100)),
        (255, 1000, FrequencyView(255, 1000, None, None)),  # would need rounding: no array
        (2, 7, FrequencyView(2, 7, 2, 7)),  # not a divisor of 100: the grid's own 7 figures
        (6, 30, FrequencyView(6, 30, 6, 30)),
    ],
)
def test_frequency_view_never_rounds(count: int, out_of: int, expected: FrequencyView) -> None:
    assert frequency_view(point(count, out_of)) == expected


@pytest.mark.parametrize(
    ("count", "out_of", "expected"),
    [
        (2, 10, FrequencyView(2, 10, 2, 10)),  # 'about 2 in 10' is not redrawn as '20 in 100'
        (23, 100, FrequencyView(23, 100, 23, 100)),
        (250, 1000, FrequencyView(250, 1000, 25, 100)),  # the same fraction, no more precision
        (251, 1000, FrequencyView(251, 1000, None, None)),
    ],
)
def test_a_rounded_count_keeps_its_own_figures(count: int, out_of: int, expected: FrequencyView) -> None:
    assert frequency_view(point(count, out_of, Precision.ABOUT)) == expected


def _figures(svg: str) -> dict[str, list[tuple[int, int]]]:
    """Per pattern ('a' affected, 'o' other): the (row, column) cells its rectangles cover."""
    cells: dict[str, list[tuple[int, int]]] = {"a": [], "o": []}
    rect = r'<rect x="(\d+)" y="(\d+)" width="(\d+)" height="20" fill="url\(#(\w)\)"/>'
    for x, y, width, pattern in re.findall(rect, svg):
        row, first = int(y) // 20, int(x) // 14
        cells[pattern] += [(row, column) for column in range(first, first + int(width) // 14)]
    return cells


def _contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_icon_array_figures_have_at_least_3_to_1_against_the_background() -> None:
    from sdm_aid.wizard import frequencies

    for colour in (frequencies.AFFECTED_COLOUR, frequencies.OTHER_COLOUR):
        assert _contrast(colour, frequencies.BACKGROUND) >= 3.0  # WCAG 1.4.11, graphics


def test_icon_array_draws_exactly_the_counts_and_escapes_its_label() -> None:
    svg = icon_array_svg(60, 100, 'About 6 in 10 <b>"better"</b>')
    figures = _figures(svg)
    assert len(figures["a"]) == 60 and len(figures["o"]) == 40
    assert sorted(figures["a"] + figures["o"]) == [(r, c) for r in range(10) for c in range(10)]
    assert figures["a"] == sorted(figures["a"])[:60] and max(figures["a"]) < min(figures["o"])  # dark first
    # one pattern each: filled figures, and outlined ones (told apart by shape, not colour alone)
    assert (
        svg.count('fill="#1d5f7a" stroke="#1d5f7a"') == 1
        and svg.count('fill="#ffffff" stroke="#6b7f89"') == 1
    )
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert re.search(r'viewBox="0 0 140 200"', svg)
    assert len(svg) < 1500  # was one <g> per figure, 14 KB for 100
    odd = _figures(icon_array_svg(23, 100, "x"))
    assert len(odd["a"]) == 23 and (2, 2) in odd["a"] and (2, 3) in odd["o"]
    small = icon_array_svg(2, 7, "x")
    assert _figures(small) == {"a": [(0, 0), (0, 1)], "o": [(0, c) for c in range(2, 7)]}
    assert 'viewBox="0 0 98 20"' in small
    assert _figures(icon_array_svg(0, 10, "x"))["a"] == []
    with pytest.raises(ValueError):
        icon_array_svg(11, 10, "x")


def test_idle_policy_from_env() -> None:
    assert IdlePolicy.from_env({}).seconds == DEFAULT_IDLE_MINUTES * 60
    assert IdlePolicy.from_env({"SDM_AID_IDLE_MINUTES": "2"}).seconds == 120
    assert IdlePolicy.from_env({"SDM_AID_IDLE_MINUTES": "2", "SDM_AID_IDLE_SECONDS": "6"}).seconds == 6
    with pytest.raises(IdleSettingError):
        IdlePolicy.from_env({"SDM_AID_IDLE_MINUTES": "soon"})
    with pytest.raises(IdleSettingError):
        IdlePolicy.from_env({"SDM_AID_IDLE_MINUTES": "0"})
    policy = IdlePolicy(600)
    assert policy.check_every_seconds == 15
    assert IdlePolicy(6).check_every_seconds == 1
    assert not policy.is_expired(100.0, 699.0) and policy.is_expired(100.0, 700.0)


def test_the_screen_asks_are_you_still_there_before_it_clears() -> None:
    policy = IdlePolicy(600)
    assert policy.warn_seconds == 60
    assert policy.phase(100.0, 639.9) is IdlePhase.ACTIVE
    assert policy.phase(100.0, 640.0) is IdlePhase.ASK
    assert policy.seconds_left(100.0, 640.0) == 60
    assert policy.seconds_left(100.0, 699.2) == 1
    assert policy.phase(100.0, 700.0) is IdlePhase.EXPIRED
    assert policy.seconds_left(100.0, 800.0) == 0
    short = IdlePolicy(6)  # a short limit (tests): asked for the second half
    assert short.warn_seconds == 3
    phases = [short.phase(0.0, s) for s in (2.9, 3.0, 6.0)]
    assert phases == [IdlePhase.ACTIVE, IdlePhase.ASK, IdlePhase.EXPIRED]
    # Reading reports come at most as often as the screen checks, and well within the question.
    assert policy.report_every_seconds <= policy.warn_seconds / 2


def test_icon_array_img_carries_the_svg_and_an_escaped_alt_text() -> None:
    tag = icon_array_img(3, 10, 'Drie "van" <tien>')
    assert 'alt="Drie &quot;van&quot; &lt;tien&gt;"' in tag
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", tag).group(1)
    assert base64.b64decode(data).decode() == icon_array_svg(3, 10, 'Drie "van" <tien>')
