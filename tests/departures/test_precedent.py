"""Precedent resolution over the seeded casebook: binding in the circuit, persuasive elsewhere."""

from datetime import date

import pytest

from casebook.models import Holding, Opinion, Treatment
from casebook.precedent import prediction, resolve_precedent
from casebook.services.holdings import treatment_save
from tests.factories import HoldingFactory

pytestmark = pytest.mark.django_db

IN_2001 = date(2001, 3, 1)


def names(holdings) -> list[str]:
    return [holding.opinion.case_name for holding in holdings]


def holding_on(casebook, case_name, decided, *, effect=Holding.Effect.PERMITS, **opinion):
    """A holding on the fast-track ground, imported and saved as the casebook saves one."""
    return HoldingFactory(
        ground=casebook.fast_track,
        effect=effect,
        quote=f"A test quote for {case_name}.",
        opinion__case_name=case_name,
        opinion__date_decided=decided,
        opinion__court_id=opinion.pop("court_id", "ca9"),
        **{f"opinion__{name}": value for name, value in opinion.items()},
    )


def resolve(casebook, district, as_of=IN_2001):
    return resolve_precedent(ground=casebook.fast_track, district=district, as_of=as_of)


def test_central_california_is_bound_by_banuelos_en_banc_never_the_withdrawn_panel(casebook):
    precedent = resolve(casebook, "cacd")
    assert precedent.circuit_id == "ca9"
    assert names(precedent.binding) == ["United States v. Banuelos-Rodriguez"]
    assert precedent.binding[0].opinion == casebook.banuelos
    assert precedent.binding[0].effect == Holding.Effect.FORBIDS
    every_holding = list(precedent.binding) + list(precedent.persuasive)
    assert casebook.panel not in [h.opinion for h in every_holding]
    assert prediction(precedent) == (
        "Foreclosed in the Ninth Circuit: United States v. Banuelos-Rodriguez holds that a "
        "district court may not depart on this ground."
    )


def test_utah_is_bound_by_armenta_castro_and_persuaded_by_the_ninth_and_second(casebook):
    precedent = resolve(casebook, "utd")
    assert names(precedent.binding) == ["United States v. Armenta-Castro"]
    assert sorted(names(precedent.persuasive)) == [
        "United States v. Banuelos-Rodriguez",
        "United States v. Bonnet-Grullon",
    ]
    assert prediction(precedent) == (
        "Foreclosed in the Tenth Circuit: United States v. Armenta-Castro holds that a "
        "district court may not depart on this ground."
    )


def test_southern_new_york_is_bound_by_bonnet_grullon(casebook):
    precedent = resolve(casebook, "nysd")
    assert names(precedent.binding) == ["United States v. Bonnet-Grullon"]
    assert len(precedent.persuasive) == 2


def test_massachusetts_has_no_binding_authority_and_three_persuasive_circuits(casebook):
    precedent = resolve(casebook, "mad")
    assert precedent.binding == ()
    assert len(precedent.persuasive) == 3
    assert prediction(precedent) == (
        "No binding authority in the First Circuit; three circuits hold this ground improper."
    )


def test_utah_before_armenta_castro_was_decided_is_not_bound_by_it(casebook):
    precedent = resolve(casebook, "utd", as_of=date(2000, 9, 11))
    assert precedent.binding == ()
    assert names(precedent.decided_later) == ["United States v. Armenta-Castro"]
    assert "Armenta-Castro" not in " ".join(names(precedent.persuasive))
    assert prediction(precedent).startswith("No binding authority in the Tenth Circuit; two")


def test_before_any_holding_there_is_no_authority_at_all(casebook):
    precedent = resolve(casebook, "cacd", as_of=date(2000, 1, 1))
    assert precedent.binding == ()
    assert precedent.persuasive == ()
    assert len(precedent.decided_later) == 3
    assert prediction(precedent).startswith("No authority in the casebook")


def test_a_withdrawn_opinion_binds_only_until_it_is_withdrawn(casebook):
    # The seeded panel opinion, 173 F.3d 741, was withdrawn on Nov. 5, 1999.
    withdrawal = Treatment.objects.get(opinion=casebook.panel, kind=Treatment.Kind.WITHDRAWN)
    assert withdrawal.date == date(1999, 11, 5)
    # A panel holding of the circuit known only by its year cannot be placed within it...
    panel = holding_on(
        casebook, "United States v. Withdrawn Panel", date(1999, 1, 1), date_is_approximate=True
    ).opinion
    in_1999 = resolve(casebook, "cacd", as_of=date(1999, 6, 1))
    assert [h.opinion for h in in_1999.undated] == [panel]
    assert in_1999.binding == ()
    # ...with its day known, it binds until it is withdrawn...
    Opinion.objects.filter(pk=panel.pk).update(
        date_decided=date(1999, 4, 1), date_is_approximate=False
    )
    treatment_save(kind=Treatment.Kind.WITHDRAWN, date=date(1999, 11, 5), opinion=panel)
    while_in_force = resolve(casebook, "cacd", as_of=date(1999, 6, 1))
    assert [h.opinion for h in while_in_force.binding] == [panel]
    # ...and never after, not even as persuasive or "decided later" authority.
    for as_of in (date(1999, 11, 5), IN_2001):
        after = resolve(casebook, "cacd", as_of=as_of)
        every = after.binding + after.persuasive + after.undated + after.decided_later
        assert panel not in [h.opinion for h in every]


def test_en_banc_controls_over_a_panel_of_the_same_circuit(casebook):
    holding_on(casebook, "United States v. Later Panel", date(2000, 12, 1))
    precedent = resolve(casebook, "casd")
    assert names(precedent.binding) == [
        "United States v. Banuelos-Rodriguez",
        "United States v. Later Panel",
    ]
    assert precedent.controlling.opinion == casebook.banuelos


def test_the_supreme_court_binds_every_district_and_controls(casebook):
    supreme = holding_on(
        casebook,
        "Example v. United States",
        date(2000, 12, 1),
        court_id="scotus",
        effect=Holding.Effect.REQUIRES_CONSIDERATION,
    ).opinion
    for district in ("mad", "utd", "cacd"):
        precedent = resolve(casebook, district)
        assert precedent.controlling.opinion == supreme
    assert prediction(resolve(casebook, "mad")).startswith("Must be considered in the First")


def test_no_ground_gives_no_authority(casebook):
    precedent = resolve_precedent(ground=None, district="mad", as_of=IN_2001)
    assert precedent.binding == ()
    assert precedent.persuasive == ()
    assert "no authority on this ground" in prediction(precedent)


def test_a_district_courts_holding_persuades_but_is_no_circuit(casebook):
    district_opinion = holding_on(
        casebook, "United States v. District Example", date(2000, 12, 1), court_id="mad"
    ).opinion
    precedent = resolve(casebook, "mad")
    assert precedent.binding == ()
    assert names(precedent.district_courts) == ["United States v. District Example"]
    assert district_opinion not in [h.opinion for h in precedent.persuasive]
    assert prediction(precedent) == (
        "No binding authority in the First Circuit; three circuits hold this ground improper."
    )


def test_a_holding_without_a_decision_date_is_shown_apart_not_dropped(casebook):
    undated = holding_on(casebook, "United States v. Undated", None).opinion
    precedent = resolve(casebook, "cacd")
    assert names(precedent.undated) == ["United States v. Undated"]
    assert undated not in [h.opinion for h in precedent.binding + precedent.persuasive]


def test_an_opinion_known_only_by_its_year_is_not_placed_within_that_year(casebook):
    year_only = holding_on(
        casebook, "United States v. Year Only", date(2001, 1, 1), date_is_approximate=True
    ).opinion
    in_that_year = resolve(casebook, "cacd", as_of=date(2001, 6, 1))
    assert names(in_that_year.undated) == ["United States v. Year Only"]
    assert year_only not in [h.opinion for h in in_that_year.binding]
    next_year = resolve(casebook, "cacd", as_of=date(2002, 6, 1))
    assert year_only in [h.opinion for h in next_year.binding]
