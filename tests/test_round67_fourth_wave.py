"""Round 67, part 4 (fitted on conv174 after its first run on 036a151; eval245 was measured only):
a name the page gives its role mid-sentence ("The liaison …, often called the rare disease access
pharmacist"); finishing a residency first, what may legally be done, a drug's withdrawal time
(clinical), whether people respect a job are refused even after the role was talked about.

Each test is worded apart from the blind sets' questions and failed on 036a151."""

from __future__ import annotations

from engine_kb import talk, with_pages

LIAISON = "orphan-drug-access-liaison"


def test_a_name_given_mid_sentence_after_the_roles_head() -> None:
    (a,) = talk("what's the rare disease access pharmacist's day like", e=with_pages("conv174"))
    assert (a.intent, a.role, a.section) == ("role", LIAISON, "day_in_the_life")


def test_facts_no_page_gives_after_a_role() -> None:
    e = with_pages("conv174")
    *_, a = talk("tell me about the orphan drug access liaison", "does she have to complete a pgy1 first", e=e)
    assert a.intent == "none"
    *_, b = talk("pouch packaging line supervisor overview", "how many pouches can you legally fill per hour", e=e)
    assert b.intent == "none"
    *_, c = talk("racetrack equine compliance officer overview", "whats the withdrawal time for that painkiller before race day", e=e)
    assert (c.intent, c.reason) == ("none", "clinical")
    (d,) = talk("do jockeys actually respect the compliance officer or nah", e=e)
    assert d.intent == "none"
