"""Resume codes: enough randomness, nothing to misread, forgiving input, keyed hashes."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdm_aid.sessions import resume_codes as rc


def test_at_least_forty_bits_from_alphabet_size_and_length() -> None:
    assert len(set(rc.ALPHABET)) == len(rc.ALPHABET) == 32
    assert rc.LENGTH == 8
    assert rc.BITS == rc.LENGTH * math.log2(len(rc.ALPHABET)) >= 40


def test_no_look_alike_characters() -> None:
    assert not set(rc.ALPHABET) & set("0O1Il")
    assert rc.ALPHABET.upper() == rc.ALPHABET


def test_new_codes_look_like_k7qm_4rzp_and_differ() -> None:
    codes = {rc.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(re.fullmatch(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", code) for code in codes)
    used = set("".join(codes).replace("-", ""))
    assert used == set(rc.ALPHABET)  # every symbol is really used (no accidental bias to a subset)


@pytest.mark.parametrize("typed", ["k7qm-4rzp", "K7QM4RZP", " k7qm 4rzp ", "K7QM–4RZP", "k7 qm-4r zp"])
def test_normalise_accepts_how_people_type(typed: str) -> None:
    assert rc.normalise(typed) == "K7QM-4RZP"


@pytest.mark.parametrize(
    "typed", ["", "K7QM-4RZ", "K7QM-4RZPX", "K7QM-4RZ0", "K7QM-4RZO", "K7QM-4RZ1", "K7QM/4RZP"]
)
def test_normalise_rejects_what_cannot_be_a_code(typed: str) -> None:
    assert rc.normalise(typed) is None


@given(st.text(max_size=80))
def test_normalise_never_fails(typed: str) -> None:
    result = rc.normalise(typed)
    assert result is None or re.fullmatch(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", result)


def test_hash_is_keyed_and_hides_the_code() -> None:
    code = rc.new_code()
    one, two = rc.code_hash(code, b"k" * 32), rc.code_hash(code, b"j" * 32)
    assert one != two and len(one) == 64 and code not in one
    assert rc.code_hash(code, b"k" * 32) == one
