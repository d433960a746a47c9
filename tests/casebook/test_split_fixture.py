"""The reviewed fast-track split fixture as `load_fast_track_split` loads it.

The fixture's rules (data/fast_track_split.json, "about"): every quote is checked against a
named public copy with its page; an opinion with no copy has no holding; a citation not seen
in a copy is unverified; the Justice Department's 2012 policy is context, not a holding.
"""

import datetime
import json

import pytest

from casebook.models import Ground, Holding, Opinion, OpinionCitation, Treatment
from casebook.seed import SPLIT, load_fast_track_split

pytestmark = pytest.mark.django_db

FIXTURE = json.loads(SPLIT.read_text(encoding="utf-8"))


def entry_for(citation: str) -> dict:
    (entry,) = (e for e in FIXTURE["opinions"] if e["citation"] == citation)
    return entry


def test_every_opinion_loads_with_its_court_date_and_citation(fast_track_split):
    for entry in FIXTURE["opinions"]:
        opinion = fast_track_split.opinion(entry["citation"])
        assert opinion.case_name == entry["case_name"]
        assert opinion.court_id == entry["court"]
        assert opinion.date_decided.isoformat().startswith(entry["date_decided"])
        assert opinion.date_is_approximate == (len(entry["date_decided"]) == 4)
        assert opinion.primary_citation.verified == entry.get("citation_verified", True)
        assert not opinion.has_text  # known by citation: the casebook holds no copy
        if entry.get("source"):
            assert entry["source"] in opinion.notes


def test_a_holding_only_where_a_copy_was_checked_and_each_names_it(fast_track_split):
    holdings = Holding.objects.filter(ground=fast_track_split.variance).select_related("opinion")
    assert holdings.count() == len(FIXTURE["holdings"])
    for holding in holdings:
        assert holding.quote_source.startswith("http")
        assert holding.quote_url == holding.quote_source
        assert holding.pinpoint_page or holding.pinpoint.startswith("slip op. at ")
        cite = str(holding.opinion.primary_citation.citation)
        if holding.quoted_in is None:
            assert entry_for(cite).get("source"), f"{cite} has a holding but no copy"
    without_copy = [e["citation"] for e in FIXTURE["opinions"] if not e.get("source")]
    quoted_elsewhere = {h["opinion"] for h in FIXTURE["holdings"] if h.get("quoted_in")}
    for citation in without_copy:
        has_holding = Holding.objects.filter(opinion=fast_track_split.opinion(citation)).exists()
        assert has_holding == (citation in quoted_elsewhere)


def test_the_variance_ground_stands_beside_the_departure_ground(fast_track_split):
    variance = fast_track_split.variance
    assert variance.kind == Ground.Kind.VARIANCE
    assert variance.departure_ground == fast_track_split.founding.fast_track
    assert fast_track_split.founding.fast_track.kind == Ground.Kind.DEPARTURE
    # The founding (pre-Booker) holdings stay on the departure ground.
    assert set(
        Holding.objects.filter(ground=fast_track_split.founding.fast_track).values_list(
            "opinion", flat=True
        )
    ) == {
        fast_track_split.founding.banuelos.pk,
        fast_track_split.founding.armenta.pk,
        fast_track_split.founding.bonnet.pk,
    }


def test_the_2012_justice_department_policy_is_context_not_a_holding(fast_track_split):
    assert "January 31, 2012" in fast_track_split.variance.context
    assert "Not a holding" in fast_track_split.variance.context
    assert not Opinion.objects.filter(case_name__icontains="Department").exists()
    assert not Holding.objects.filter(quote__icontains="Department Policy").exists()


def test_rodriguez_abrogated_andujar_arias_on_june_4_2008(fast_track_split):
    """Rodríguez, 527 F.3d 221, 222 (1st Cir. 2008): "we abrogate Andújar-Arias to the extent
    that it is inconsistent with this opinion"."""
    andujar = Holding.objects.get(opinion=fast_track_split.opinion("507 F.3d 734"))
    (treatment,) = Treatment.objects.filter(holding=andujar)
    assert treatment.kind == Treatment.Kind.ABROGATED
    assert treatment.date == datetime.date(2008, 6, 4)
    assert treatment.by == fast_track_split.opinion("527 F.3d 221")


def test_re_examinations_follow_kimbrough_a_supreme_court_decision_decided_before_them(
    fast_track_split,
):
    kimbrough = fast_track_split.opinion("552 U.S. 85")
    assert kimbrough.court.kind == "supreme"
    assert kimbrough.date_decided == datetime.date(2007, 12, 10)
    reexamined = Holding.objects.filter(in_light_of__isnull=False).select_related("opinion")
    assert {h.in_light_of_id for h in reexamined} == {kimbrough.pk}
    assert all(h.opinion.date_decided > kimbrough.date_decided for h in reexamined)
    assert fast_track_split.opinion("507 F.3d 734") not in [h.opinion for h in reexamined]


def test_loading_the_split_twice_changes_nothing(fast_track_split):
    def snapshot():
        return (
            sorted(Opinion.objects.values_list("pk", "case_name", "date_decided", "notes")),
            sorted(OpinionCitation.objects.values_list("opinion", "volume", "page", "verified")),
            sorted(
                Holding.objects.values_list("pk", "effect", "quote", "pinpoint", "quote_source")
            ),
            sorted(Treatment.objects.values_list("pk", "kind", "date"), key=repr),
            sorted(
                Ground.objects.values_list("pk", "kind", "departure_ground", "context"), key=repr
            ),
        )

    before = snapshot()
    load_fast_track_split()
    assert snapshot() == before


def test_an_editor_can_save_a_split_holding_in_the_admin_without_the_opinions_text(
    fast_track_split, editor
):
    from django.test import Client
    from django.urls import reverse

    holding = Holding.objects.get(opinion=fast_track_split.opinion("614 F.3d 244"))
    client = Client()
    client.force_login(editor)
    url = reverse("admin:casebook_holding_change", args=[holding.pk])
    data = {
        "opinion": holding.opinion_id,
        "ground": holding.ground_id,
        "effect": holding.effect,
        "quote": holding.quote,
        "quoted_in": "",
        "pinpoint_page": "245",
        "pinpoint": "",
        "quote_source": holding.quote_source,
        "in_light_of": holding.in_light_of_id,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    holding.refresh_from_db()
    assert (holding.pinpoint, holding.pinpoint_page) == ("245", 245)
    without_source = client.post(url, {**data, "quote_source": ""})
    assert without_source.status_code == 200
    errors = without_source.context["adminform"].form.errors
    assert "needs the copy it was checked in" in str(errors), errors
