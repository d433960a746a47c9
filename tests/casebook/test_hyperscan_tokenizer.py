"""eyecite's Hyperscan tokenizer finds exactly the citations its default tokenizer finds."""

import pytest

from casebook import citations
from casebook.seed import DATA

pytestmark = pytest.mark.slow  # compiles Hyperscan's database once (some 30 s)


@pytest.fixture
def hyperscan(tmp_path, monkeypatch):
    pytest.importorskip("hyperscan")
    monkeypatch.setattr(citations, "_tokenizer", citations._tokenizer)
    assert citations.use_hyperscan(str(tmp_path))


def found(text: str) -> list[tuple[str, tuple[int, int]]]:
    return [(c.matched_text(), c.span()) for c in citations.get_citations(text)]


def test_the_founding_opinions_give_the_same_citations(hyperscan):
    texts = [(DATA / name).read_text() for name in ("banuelos-rodriguez.txt", "armenta-castro.txt")]
    with_hyperscan = [found(text) for text in texts]
    citations._tokenizer = citations.default_tokenizer
    assert with_hyperscan == [found(text) for text in texts]
    assert len(with_hyperscan[0]) > 40
