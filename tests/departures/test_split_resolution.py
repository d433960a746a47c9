"""The post-Booker fast-track split resolved for a sentencing court: circuit, date, the
prior-panel rule and its Supreme Court exception, abrogation, and departure versus variance.

Sources: Camacho-Arellano, 614 F.3d 244, 245 (6th Cir. July 16, 2010); Vega-Castillo, 540 F.3d
1235, 1236 (11th Cir. Aug. 19, 2008), following Castro, 455 F.3d 1249, 1253 (11th Cir. 2006);
Rodríguez, 527 F.3d 221, 222 (1st Cir. June 4, 2008), abrogating Andújar-Arias, 507 F.3d 734
(1st Cir. Nov. 19, 2007); Booker, 543 U.S. 220 (2005) (departure and variance differ).
"""

from datetime import date

import pytest

from casebook.models import Holding
from casebook.precedent import prediction, resolve_precedent
from casebook.records import CitationRecord, OpinionRecord
from casebook.services.holdings import holding_save
from casebook.services.opinions import opinion_import

pytestmark = pytest.mark.django_db


def names(holdings) -> list[str]:
    return [holding.opinion.case_name for holding in holdings]


def on_variance(split, district, as_of):
    return resolve_precedent(ground=split.variance, district=district, as_of=as_of)


def test_a_2009_case_in_eastern_michigan_has_no_binding_rule_and_camacho_arellano_is_later(
    fast_track_split,
):
    precedent = on_variance(fast_track_split, "mied", date(2009, 6, 1))
    assert precedent.circuit_id == "ca6"
    assert precedent.controlling is None
    assert precedent.binding == ()
    assert "United States v. Camacho-Arellano" in names(precedent.decided_later)
    said = prediction(precedent)
    assert said.startswith("No binding authority in the Sixth Circuit")
    assert (
        "United States v. Camacho-Arellano (2010) had not yet been decided on June 1, 2009" in said
    )


def test_a_2011_case_in_eastern_michigan_is_bound_by_camacho_arellano_permitting_a_variance(
    fast_track_split,
):
    precedent = on_variance(fast_track_split, "mied", date(2011, 6, 1))
    assert precedent.controlling.opinion == fast_track_split.opinion("614 F.3d 244")
    assert precedent.controlling.effect == Holding.Effect.PERMITS
    assert precedent.controlling.pinpoint_page == 245
    assert prediction(precedent) == (
        "Available in the Sixth Circuit: United States v. Camacho-Arellano holds that a "
        "district court may vary on this ground."
    )


def test_a_2009_case_in_southern_florida_is_bound_by_vega_castillo_forbidding(fast_track_split):
    precedent = on_variance(fast_track_split, "flsd", date(2009, 6, 1))
    assert precedent.circuit_id == "ca11"
    assert precedent.controlling.opinion == fast_track_split.opinion("540 F.3d 1235")
    assert precedent.controlling.effect == Holding.Effect.FORBIDS
    # Castro still binds (Vega-Castillo kept it) but no longer states the rule alone.
    assert names(precedent.binding) == [
        "United States v. Vega-Castillo",
        "United States v. Castro",
    ]
    assert prediction(precedent).startswith(
        "Foreclosed in the Eleventh Circuit: United States v. Vega-Castillo holds that a "
        "district court may not vary"
    )


def test_before_vega_castillo_the_earliest_panel_castro_controls_in_the_eleventh(
    fast_track_split,
):
    precedent = on_variance(fast_track_split, "flsd", date(2008, 3, 1))
    assert names(precedent.binding) == ["United States v. Castro"]
    assert precedent.controlling.effect == Holding.Effect.NOT_REQUIRED


def test_a_later_panel_with_no_intervening_supreme_court_decision_keeps_vega_castillo(
    fast_track_split,
):
    """The prior-panel rule: a 2009 panel that does not re-examine the question in the light of
    a Supreme Court decision is bound by Vega-Castillo, so Vega-Castillo still controls."""
    later = opinion_import(
        record=OpinionRecord(
            case_name="United States v. Later-Panel (hypothetical)",
            court_id="ca11",
            source="manual",
            date_decided=date(2009, 3, 1),
            text="We hold that the district court may vary for fast-track disparity.",
            citations=[CitationRecord(999, "F.3d", 1)],
        )
    )
    holding_save(
        opinion=later,
        ground=fast_track_split.variance,
        effect=Holding.Effect.PERMITS,
        quote="the district court may vary for fast-track disparity",
    )
    precedent = on_variance(fast_track_split, "flsd", date(2009, 6, 1))
    assert names(precedent.binding)[0] == "United States v. Vega-Castillo"
    assert "United States v. Later-Panel (hypothetical)" in names(precedent.binding)


def test_the_first_circuit_before_and_after_the_abrogation_of_andujar_arias(fast_track_split):
    before = on_variance(fast_track_split, "mad", date(2008, 1, 15))
    assert names(before.binding) == ["United States v. Andújar-Arias"]
    assert before.controlling.effect == Holding.Effect.FORBIDS

    after = on_variance(fast_track_split, "prd", date(2008, 7, 1))
    assert names(after.binding) == ["United States v. Rodríguez"]
    assert after.controlling.effect == Holding.Effect.PERMITS
    assert fast_track_split.opinion("507 F.3d 734") not in [
        h.opinion for h in after.binding + after.persuasive
    ]


def test_a_departure_holding_does_not_decide_a_variance_request(fast_track_split):
    """Banuelos-Rodriguez (9th Cir. 2000) (en banc) forbids a departure; on the variance ground
    in the Southern District of California it is context, never the rule."""
    banuelos = fast_track_split.founding.banuelos
    on_departure = resolve_precedent(
        ground=fast_track_split.founding.fast_track, district="casd", as_of=date(2008, 6, 1)
    )
    assert on_departure.controlling.opinion == banuelos

    precedent = on_variance(fast_track_split, "casd", date(2008, 6, 1))
    assert banuelos not in [h.opinion for h in precedent.binding]
    assert precedent.controlling is None  # Gonzalez-Zotelo came in January 2009
    assert [h.opinion for h in precedent.departure_context] == [banuelos]
    assert "Banuelos" not in prediction(precedent)

    in_2009 = on_variance(fast_track_split, "casd", date(2009, 6, 1))
    assert names(in_2009.binding) == ["United States v. Gonzalez-Zotelo"]


def test_the_departure_ground_does_not_list_variance_holdings(fast_track_split):
    precedent = resolve_precedent(
        ground=fast_track_split.founding.fast_track, district="mied", as_of=date(2011, 6, 1)
    )
    assert "United States v. Camacho-Arellano" not in names(
        precedent.binding + precedent.persuasive
    )
    assert precedent.departure_context == ()


def test_no_recorded_holding_is_not_read_as_no_decision(fast_track_split):
    """Arrelucea-Zamudio, 581 F.3d 142 (3d Cir. Sept. 14, 2009) decided the question; the
    casebook has not recorded its holding, and says so rather than "no authority"."""
    precedent = on_variance(fast_track_split, "njd", date(2010, 6, 1))
    assert precedent.controlling is None
    assert names_of(precedent.unrecorded) == [
        "United States v. Vargas",
        "United States v. Arrelucea-Zamudio",
    ]
    assert (
        "The casebook knows United States v. Vargas (2007), United States v. Arrelucea-Zamudio "
        "(2009) from the Third Circuit on this question but has not recorded its holding"
    ) in prediction(precedent)
    assert on_variance(fast_track_split, "njd", date(2006, 6, 1)).unrecorded == ()


def names_of(opinions) -> list[str]:
    return [opinion.case_name for opinion in opinions]


def test_each_other_circuit_counts_once_for_its_controlling_holding(fast_track_split):
    """In the Sixth Circuit in 2009 the Eleventh counts once, for Vega-Castillo (forbids), not
    also for Castro (does not require), which Vega-Castillo re-examined after Kimbrough."""
    precedent = on_variance(fast_track_split, "mied", date(2009, 6, 1))
    assert precedent.persuasive_circuits(Holding.Effect.FORBIDS) == ["ca9", "ca11", "ca5", "ca4"]
    assert precedent.persuasive_circuits(Holding.Effect.PERMITS) == ["ca1"]
    assert precedent.persuasive_circuits(Holding.Effect.NOT_REQUIRED) == []
    assert prediction(precedent).startswith(
        "No binding authority in the Sixth Circuit; four circuits hold this ground improper, "
        "one circuit allows a variance on this ground."
    )
