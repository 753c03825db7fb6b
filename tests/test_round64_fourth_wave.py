"""Round 64, part 4 (fitted on what the first three waves still missed, and on eval215, conv143
and conv144 after their first runs, which were measured on 04cbaab): "never reach a patient" is
no way into a job, "reach the post of …" is; "certificates of analysis" are papers; of two
certifications compared, another form of the asked word in one text decides the order; "the full
list of jobs" asks the list, not one shown; "got it thx" holds nothing; "its" after a described
role is that role's; "the X one, overview" is the role.

Each test is worded apart from the blind sets' questions and failed on 04cbaab."""

from __future__ import annotations

from engine_kb import talk, with_pages

STEWARD = "opioid-stewardship-program-coordinator"
WOUND = "wound-care-pharmacy-program-coordinator"


def test_never_reaching_a_patient_is_no_way_into_a_job() -> None:
    e = with_pages("eval211")
    (a,) = talk("is there a credential about keeping practice meds apart so they can never reach a patient", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CSMLS",))
    (b,) = talk("how would i reach the post of inpatient charge pharmacist", e=e)  # near-miss guard: a post reached
    assert b.intent == "pathway"


def test_certificates_of_analysis_are_papers() -> None:
    e = with_pages("eval212")
    (a,) = talk("any cert about stability reports and certificates of analysis", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CSDR",))


def test_another_form_of_the_asked_word_orders_two_compared_certifications() -> None:
    e = with_pages("conv143")
    (a,) = talk("CHPOP vs CPIN: which is more about inspecting", e=e)
    assert a.intent == "certification" and a.certifications[:1] == ("CPIN",)


def test_the_full_list_of_jobs_asks_the_list() -> None:
    e = with_pages("conv144")
    _, b = talk("what is CPXS", "ok whats the full list of jobs on here", e=e)
    assert b.intent == "list_roles"


def test_got_it_thanks_holds_nothing() -> None:
    e = with_pages("conv144")
    _, b = talk("whats the first step on the opioid steward path", "got it, thanks. whats CHPOP", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CHPOP",))


def test_its_after_a_described_role_is_that_roles() -> None:
    e = with_pages("conv144")
    _, _, c = talk("CHPOP", "which jobs have it on their path", "the stewardship one, what does its day look like", e=e)
    assert (c.intent, c.role, c.section) == ("role", STEWARD, "day_in_the_life")


def test_the_x_one_overview_is_the_role() -> None:
    e = with_pages("conv144")
    _, _, c = talk("which jobs do you know", "and certs?", "the wound care one, overview", e=e)
    assert (c.intent, c.role, c.section) == ("role", WOUND, "overview")
