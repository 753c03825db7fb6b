"""Round 65, part 2 (fitted on what wave 1 still missed and on eval222, eval223, conv151 and conv152
after their first runs, measured on 12503b0's engine): charts are data work; "differently" is no
typo of "different"; "is there a cert on their path for the X part" is one step; "compared with
the X, which of the two …" weighs the role in view too; "which one of those …" with nothing shown
asks back; "do they have anything in common" after what two share; "back in the day" is no day
asked; "weighing X vs Y. … whats the cert path for the X one"; rosters: a clause that goes on about
the person just named, commoner names where people are spoken of, "nia: …. tom: …", "back to sam,
2nd?"; a title's "(or 'the chargeback analyst')".

Each test is worded apart from the blind sets' questions and failed on 12503b0."""

from __future__ import annotations

from engine_kb import talk, with_pages

from bot.engine.index import called_names

OVERRIDE = "medication-override-audit-analyst"  # CPDVS, CORVA, CMSO, CHPOP
STANDARD = "pharmacy-standard-work-lead"  # CHPOP, CSWDS, CCJAD
METRICS = "pharmacy-operations-metrics-analyst"  # CPDAS, CPOM, CBMKP, CHPOP
CHARGEBACK = "pharmacy-chargeback-reconciliation-specialist"  # CWCA, CPSCM, CPDAS
STROKE = "stroke-center-pharmacy-coordinator"  # CACRP, CTKMS, CMSO, CSQMA
INFUSION = "pharmacy-infusion-scheduling-coordinator"  # CICSC, CBIPS, CPOM
HIGH_ALERT = "high-alert-medication-safety-coordinator"  # CMSO, CHAMP, CIPSS


def test_charts_are_data_work() -> None:
    e = with_pages("conv150")
    _, b = talk("corva or cpdvs?", "which one fits someone who lives for making graphs", e=e)
    assert b.certifications[:1] == ("CPDVS",)


def test_an_adverb_is_no_typo_of_its_adjective() -> None:
    e = with_pages("conv150")
    (a,) = talk("one of my leads, Ravi, is who everyone asks when a task is done differently on nights. what path would you suggest if he wants to be a standard work lead?", e=e)
    assert (a.intent, a.role) == ("pathway", STANDARD)


def test_a_cert_on_a_named_path_for_a_part_is_one_step() -> None:
    e = with_pages("conv152")
    (a,) = talk("is there a certification on the metrics analyst path for the benchmarking piece?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CBMKP",))
    _, b = talk("what are the chargeback reconciliation specialist's main duties", "is there a cert on their path for contract pricing", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CWCA",))


def test_compared_with_one_named_weighs_the_role_in_view_too() -> None:
    e = with_pages("conv152")
    _, b = talk("walk me through a chargeback reconciliation specialist's day", "compared with the metrics analyst, which of the two works more with wholesalers?", e=e)
    assert (b.intent, b.role) == ("role", CHARGEBACK)


def test_a_choice_among_those_with_nothing_shown_asks_back() -> None:
    e = with_pages("conv152")
    (a,) = talk("which one of those is more about nurses?", e=e)
    assert (a.intent, a.reason) == ("none", "needs_context")


def test_anything_in_common_after_what_two_share() -> None:
    e = with_pages("conv152")
    _, b = talk("do the ops director and the chargeback specialist share any certs?", "and the metrics analyst and the chargeback specialist, anything in common there?", e=e)
    assert b.stage == "shared_certs" and b.certifications[:1] == ("CPDAS",)


def test_back_in_the_day_asks_no_day() -> None:
    e = with_pages("eval223")
    (a,) = talk("is Dr. Maria Olsen still on the CHAMP exam board? she trained me back in the day", e=e)
    assert a.intent == "none"


def test_weighing_two_then_the_path_of_one() -> None:
    e = with_pages("eval223")
    (a,) = talk("comparing the high-alert coordinator vs the ops director. safety is my thing. what's the certification path for the high-alert one?", e=e)
    assert (a.intent, a.role) == ("pathway", HIGH_ALERT)


def test_rosters_as_members_type_them() -> None:
    e = with_pages("conv151")
    a, b = talk("two of my techs: ana wants loss prevention, she lives for investigations. raj wants infusion scheduling, loves prior auths. raj first", "ana?", e=e)
    assert (a.role, a.certifications[:1]) == (INFUSION, ("CBIPS",))
    assert b.certifications[:1] == ("CCSAI",)
    c, d, _, f = talk("my two techs: dee wants to be the stroke coordinator and loves stocking kits, vic wants the ops director job and is a purchasing whiz. dee first", "vic", "what do they earn", "back to dee, 2nd?", e=e)
    assert (c.role, c.certifications[:1]) == (STROKE, ("CTKMS",))
    assert (d.role, d.certifications[:1]) == ("director-of-pharmacy-operations", ("CPSCM",))
    assert (f.intent, f.certifications[:1]) == ("certification", ("CACRP",))
    g, h = talk("nia: loves leading teams, wants infusion scheduling. tom: wants infusion scheduling too, prior auth wizard. nia first", "tom", e=e)
    assert g.certifications[:1] == ("CPOM",)
    assert (h.role, h.certifications[:1]) == (INFUSION, ("CBIPS",))


def test_a_name_in_brackets_after_the_title() -> None:
    assert called_names("Pharmacy Chargeback Reconciliation Specialist", "The Pharmacy Chargeback Reconciliation Specialist (or 'chargeback analyst') keeps credits flowing.") == ["chargeback analyst"]
    assert called_names("Pharmacy Chargeback Reconciliation Specialist", "The Pharmacy Chargeback Reconciliation Specialist (see below) keeps credits flowing.") == []
