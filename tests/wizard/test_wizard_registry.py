from pathlib import Path

from sdm_aid.wizard import registry

ROOT = Path(__file__).resolve().parents[2]


def test_every_page_file_exists_and_its_url_is_its_file_stem() -> None:
    # Legacy `pages/` mode (cold deep link on a fresh server) derives URLs from file names.
    for page in registry.PAGES:
        assert (ROOT / page.file).is_file(), page.file
        assert page.url_path == page.stem


def test_url_paths_are_unique_and_exactly_one_default() -> None:
    paths = [page.url_path for page in registry.PAGES]
    assert len(paths) == len(set(paths))
    assert [page.url_path for page in registry.PAGES if page.default] == ["start"]


def test_lookup_and_audience_filter() -> None:
    assert registry.by_url_path("compare") is registry.COMPARE
    family = (registry.START, registry.WIZARD, registry.COMPARE, registry.FINISH, registry.SUMMARY)
    assert registry.for_audience("family") == family
    assert registry.for_audience("clinician") == (registry.CLINICIAN_SESSIONS, registry.CLINICIAN_SESSION)


def test_no_page_icon_so_no_favicon_is_fetched_from_the_internet() -> None:
    assert [page.icon for page in registry.PAGES] == [None] * len(registry.PAGES)
