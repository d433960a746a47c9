"""Hostile text in every free-text field prints as text; WeasyPrint reads no file and no URL."""

import re

import weasyprint

from casebook import bluebook
from casebook.models import Court
from memos.render import FONTS, MemoRenderer, StaticFilesURLFetcher, static_roots
from memos.sections import Authority, DepartureSection
from memos.selectors import memo_for
from sentencing.models import Case, PriorSentence
from tests.memo.conftest import MEMO_DATE, make_case
from tests.memo.pdf import full_text, has_attachments

ATTACH = '<a rel="attachment" href="file:///etc/passwd">'
IMAGE = '<img src="http://127.0.0.1:9/x">'
SCRIPT = "<script>alert(1)</script>"
HOSTILE = f"{ATTACH}x</a> {IMAGE} {SCRIPT}"


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def hostile_sections():
    authority = Authority(
        case=bluebook.Case(
            name=f"United States v. {HOSTILE}",
            cites=(bluebook.Cite(215, "F.3d", 969),),
            court=Court(abbreviation="9th Cir.").abbreviation,
            year=2000,
        ),
        pinpoint="978",
        quote=HOSTILE,
    )
    return [
        DepartureSection(
            heading=HOSTILE,
            ground=HOSTILE,
            argument=f"{HOSTILE}\n\n{HOSTILE}",
            binding=(authority,),
            persuasive=(authority,),
            if_granted=HOSTILE,
            if_denied=HOSTILE,
            what_if=(HOSTILE,),
        )
    ]


def test_hostile_text_prints_as_text_and_nothing_is_fetched(alice):
    alice.first_name, alice.last_name = HOSTILE, ""
    alice.save()
    office = alice.staff_member.office
    case = make_case(
        office,
        alice,
        defendant=HOSTILE,
        docket_number=ATTACH[:64],
        judge=IMAGE,
        criminal_history_category="",
        acceptance=Case.AcceptanceChoice.NONE,
        lines=[("base", HOSTILE[:40], HOSTILE, 8), ("specific", IMAGE, SCRIPT, 16)],
        counts=[(HOSTILE[:80], 240)],
    )
    PriorSentence.objects.create(case=case, description=HOSTILE, subsection="a")
    case = type(case).objects.get(pk=case.pk)
    memo = memo_for(case, user=alice, sections=hostile_sections(), on=MEMO_DATE)
    renderer = MemoRenderer()
    rendered = renderer.render(memo)

    text = full_text(rendered.content)
    for needle in (ATTACH, IMAGE, SCRIPT, ATTACH.upper()):
        # A line break inside a long run (the caption's narrow column) reads back as a space.
        assert squeezed(needle) in squeezed(text), needle
    assert not has_attachments(rendered.content)
    assert renderer.fetcher.refused == []  # nothing the user typed was even asked for
    # Only the stylesheet and the fonts it loads, all from our static files.
    ours = {"/static/memo/memo.css", *(f"/static/{name}" for name in FONTS)}
    assert [u for u in renderer.fetcher.requested if not u.endswith(tuple(ours))] == []
    assert ATTACH not in rendered.html
    assert "&lt;script&gt;" in rendered.html


def test_the_attachment_check_sees_what_a_default_weasyprint_would_embed(tmp_path):
    # The positive control for `has_attachments`: bare WeasyPrint embeds a linked file.
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    html = f'<a rel="attachment" href="{secret.as_uri()}">x</a>'
    assert has_attachments(weasyprint.HTML(string=html).write_pdf())
    fetcher = StaticFilesURLFetcher()
    assert not has_attachments(weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf())
    assert fetcher.refused == [secret.as_uri()]


def test_the_fetcher_serves_static_files_and_data_urls_only(tmp_path):
    root = static_roots()[0]
    fetcher = StaticFilesURLFetcher()
    css = (root / "memo" / "memo.css").as_uri()
    assert fetcher.fetch(css).read().startswith(b"/*")
    assert fetcher.fetch("data:text/plain,hi").read() == b"hi"
    outside = tmp_path / "outside.txt"
    outside.write_text("no")
    link_root = tmp_path / "static"
    link_root.mkdir()
    (link_root / "link.txt").symlink_to(outside)
    linked = StaticFilesURLFetcher(roots=(link_root.resolve(),))
    refused = [
        "file:///etc/passwd",
        f"{root.as_uri()}/../../../../etc/passwd",
        f"{root.as_uri()}/memo/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "http://127.0.0.1:9/x",
        "https://example.com/x.css",
        "ftp://127.0.0.1/x",
    ]
    for url in refused:
        try:
            fetcher.fetch(url)
        except ValueError:
            continue
        raise AssertionError(f"fetched {url}")
    try:
        linked.fetch((link_root / "link.txt").as_uri())
    except ValueError:
        pass
    else:
        raise AssertionError("followed a symlink out of the static root")
    assert fetcher.refused[:1] == ["file:///etc/passwd"]
