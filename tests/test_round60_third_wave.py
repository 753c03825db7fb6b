"""Round 60, third wave: a word of a role's title and its job noun with a word only its page writes
between ("med sync manager"); the pathways of two roles asked for together ("show me the paths
for X and Y"); a choice between two roles by a rating no page gives ("which is less stressful",
"which has better job security").

Each test is worded apart from the blind sets' questions, and each (but the near-miss guards,
marked) failed on the engine of the round's second part (e7035f7)."""

from __future__ import annotations

from engine_kb import talk, with_pages

SYNC = "medication-synchronization-program-manager"
REPOSITORY = "drug-repository-program-coordinator"
CANNABIS = "medical-cannabis-dispensary-operations-lead"


def test_a_title_word_then_a_word_only_its_page_writes_then_its_job_noun() -> None:
    (a,) = talk("do the drug repository coordinator and the med sync manager share any certs", e=with_pages("conv111"))
    assert (a.intent, a.reason) == ("pathway", "nothing_shared") and "CMSP" in a.certifications


def test_the_paths_of_two_roles_asked_together_are_both_pathways() -> None:
    (a,) = talk("can i see the pathways for the med sync manager and the drug repository coordinator", e=with_pages("conv111"))
    assert (a.intent, a.reason) == ("pathway", "nothing_shared") and {a.role} < {SYNC, REPOSITORY}
    assert {"CMSP", "CDRC"} <= set(a.certifications)  # both pathways shown
    (b,) = talk("torn between the med sync and drug repository paths, which fits someone who loves inspecting stock", e=with_pages("conv111"))  # near-miss guard: a choice
    assert b.reason not in ("in_common", "nothing_shared")


def test_a_choice_between_two_roles_by_a_rating_no_page_gives_is_refused() -> None:
    e = with_pages("conv111")
    for q in ("cannabis ops lead vs med sync manager: which is less stressful?", "which has better job security, the med sync manager or the drug repository coordinator"):
        (a,) = talk(q, e=e)
        assert (a.intent, a.reason) == ("none", "missing_fact"), q
        assert "vs" not in a.summary
