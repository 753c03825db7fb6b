"""Round 62, first part (fitted on eval191, eval192, conv120 and conv121 after their first runs):
a title's hyphenated compound read by its initials ("OTC" for Over-the-Counter); "officer" and
"counter" keep their own stems; a name a page calls its role, without its field word ("the
flight coord"); two words one page writes together before a title's job noun ("front-store
category manager"); a field after a pathway cue ("get into flight transport pharmacy"); a
certification named by the words before "cert" inside a story; "who …" prefers a close
responsibility; a route of the work inside a certification sought is no pathway; told words ask
nothing (a list, a fee, a remote site); clinical words inside a certification's name; capital
codes such as "FP-C"; two strangers compared with "vs"; judgements asked of the bot; the
certifications of a field outside pharmacy; what a refused message told still tailors a later
pathway; held certifications carried to "and for X?"; "the flight one" after a card.

Each test is worded apart from the blind sets' questions, and each (but the near-miss guards,
marked) failed on the engine at the round's start (abed23d)."""

from __future__ import annotations

from engine_kb import talk, with_pages

OTC = "over-the-counter-category-manager"
SHIP = "maritime-pharmacy-supply-officer"
FLIGHT = "air-medical-transport-pharmacy-coordinator"
TRIBAL = "tribal-health-pharmacy-services-lead"
CRUISE = "cruise-ship-pharmacy-lead"
PACKING = "adherence-packaging-center-supervisor"
TRAVEL = "travel-health-clinic-manager"
DPO = "director-of-pharmacy-operations"


def test_a_titles_hyphenated_compound_is_read_by_its_initials() -> None:
    e = with_pages("eval192")
    (a,) = talk("so what does an OTC category manager actually do all week", e=e)
    assert (a.intent, a.role) == ("role", OTC)
    (b,) = talk("what is COCM", e=e)  # near-miss guard: the certification's code is still its card
    assert b.certifications == ("COCM",)


def test_an_office_is_no_officer() -> None:
    e = with_pages("eval192")
    (a,) = talk("our head office guy who picks the vitamins for every store, what are his duties", e=e)
    assert a.role != SHIP
    (b,) = talk("what does the maritime pharmacy supply officer do", e=e)  # near-miss guard
    assert (b.intent, b.role) == ("role", SHIP)


def test_a_called_name_without_its_field_word_names_the_role() -> None:
    (a,) = talk("whose day kicks off first, the flight coord or the tribal lead", e=with_pages("conv121"))
    assert (a.intent, a.role, a.section) == ("role", FLIGHT, "day_in_the_life")


def test_two_words_a_page_writes_together_before_a_titles_job_noun() -> None:
    (a,) = talk("what does a front store category manager do between range resets", e=with_pages("eval192"))
    assert (a.intent, a.role) == ("role", OTC)


def test_a_field_after_a_pathway_cue_names_the_one_page_that_writes_it() -> None:
    (a,) = talk("my tech asked me how to get into flight transport pharmacy and honestly i was stumped. what path should i point her to", e=with_pages("eval191"))
    assert (a.intent, a.role) == ("pathway", FLIGHT)


def test_a_certification_named_by_the_words_before_cert_inside_a_story() -> None:
    (a,) = talk("my boss told me to 'look at the harm reduction coordinator cert' because i volunteer at the syringe exchange, what even is it", e=with_pages("eval191"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CHRPC",))


def test_who_does_a_duty_prefers_a_close_responsibility() -> None:
    (a,) = talk("who puts together the medicine chest list for each vessel", e=with_pages("eval192"))
    assert (a.intent, a.role, a.section) == ("role", SHIP, "responsibilities")


def test_a_route_of_the_work_inside_a_certification_sought_is_no_pathway() -> None:
    e = with_pages("eval192")
    (a,) = talk("is there a credential for planning cold chain deliveries to islands that a normal delivery route never reaches?", e=e)
    assert (a.intent, a.certifications[:1]) == ("certification", ("CRLP",))
    (b,) = talk("which cert would make sense for the maritime supply route for a tech like me", e=e)  # near-miss guard: the way to a job
    assert b.intent == "pathway"


def test_a_list_told_in_another_sentence_asks_nothing() -> None:
    (a,) = talk("how do I use this thing? my friend said you know about careers")
    assert a.intent == "help"


def test_work_remote_is_asked_as_a_phrase_no_page_writes() -> None:
    e = with_pages("conv121")
    (a,) = talk("could the tribal health lead work remote most days", e=e)
    assert (a.intent, a.reason) == ("none", "missing_fact")
    (b,) = talk("what does the tribal health lead do for the remote satellite sites", e=e)  # near-miss guard: remote sites are on the page
    assert (b.intent, b.role) == ("role", TRIBAL)


def test_a_clinical_word_inside_a_certifications_name_asks_nothing_clinical() -> None:
    (a,) = talk("what's the certified community overdose educator credential about", e=with_pages("eval191"))
    assert (a.intent, a.certifications[:1]) == ("certification", ("CCOE",))


def test_a_capital_code_with_a_hyphen_is_an_unknown_certification() -> None:
    (a,) = talk("is the FP-C worth getting for transport work")
    assert (a.intent, a.reason) == ("none", "unknown_cert")


def test_two_strangers_compared_are_nothing_a_page_is_about() -> None:
    (a,) = talk("narcan vs kloxxado, which one should we order for clients who use opioids", e=with_pages("eval191"))
    assert a.intent == "none"
    (b,) = talk("cpom vs cmso which first", e=with_pages("eval191"))  # near-miss guard: codes compared
    assert b.intent != "none"


def test_a_judgement_asked_of_the_bot_about_jobs_only_described() -> None:
    (a,) = talk("if you were me which job would you pick, the packing one or the clinic one", e=with_pages("conv120"))
    assert a.intent == "none"
    (b,) = talk("which cert should i take first if i want to run a travel clinic someday", e=with_pages("conv120"))  # near-miss guard: a pathway
    assert (b.intent, b.role) == ("pathway", TRAVEL)


def test_the_certifications_of_a_field_outside_pharmacy_are_refused() -> None:
    (a,) = talk("thinking about quitting pharmacy for nursing, which certs do nurses need", e=with_pages("conv120"))
    assert a.intent == "none"


def test_what_a_refused_message_told_still_tailors_a_later_pathway() -> None:
    e = with_pages("conv45")
    a, _, c = talk(
        "long story: i'm a tech lead, eight years doing purchasing and wholesaler orders. what does an emergency preparedness coordinator earn?",
        "what does the emergency preparedness coordinator do",
        "pathway for that one tailored to my background please",
        e=e,
    )
    assert a.intent == "none"
    assert c.intent == "pathway" and c.certifications[:1] == ("CPSCM",)


def test_a_deadline_is_no_dead_line() -> None:
    """A guard: a cue word ("dead end") must not split an English word the knowledge never writes."""
    (a,) = talk("whats the registration deadline for CPOM this spring")
    assert a.intent == "none"


def test_a_summary_in_a_number_of_sentences() -> None:
    (a,) = talk("cpom in 2 sentences pls")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CPOM",))


def test_taking_over_and_moving_over_ask_the_way() -> None:
    e = with_pages("conv120")
    (a,) = talk("my tech Jo is taking over our blister pack room soon, which certs should she get", e=e)
    assert (a.intent, a.role) == ("pathway", PACKING)
    (b,) = talk("staff pharmacist, moving over to manage a travel clinic next spring. what would that take", e=e)
    assert (b.intent, b.role) == ("pathway", TRAVEL)


def test_a_past_told_with_its_i_dropped_is_no_fee_asked() -> None:
    (a,) = talk("got CPOM last spring (my boss paid for it). what's next if I'm aiming for OTC category manager?", e=with_pages("eval192"))
    assert (a.intent, a.role) == ("pathway", OTC)


def test_the_career_paths_the_council_covers_is_a_list() -> None:
    (a,) = talk("which career paths does the council cover? I'm a tech with a decade behind the counter")
    assert a.intent == "list_roles"


def test_nine_to_five_and_brands_and_rates_are_facts_no_page_gives() -> None:
    e = with_pages("conv120")
    for q in ("is the packaging supervisor a 9 to 5 kind of gig", "which brand of pouch packager does the packaging supervisor use", "how many blister cards does the packaging supervisor's center turn out a week"):
        (a,) = talk(q, e=e)
        assert a.intent == "none", q
    (b,) = talk("walk me through CAPS", e=e)
    assert (b.intent, b.certifications[:1]) == ("certification", ("CAPS",))


def test_held_certifications_carry_to_and_for_another_role() -> None:
    a, b = talk("got cpom already, whats left on the tribal lead path", "and for the ship lead?", e=with_pages("conv121"))
    assert a.role == TRIBAL and "CPOM" not in a.certifications
    assert (b.intent, b.role) == ("pathway", CRUISE) and "CPOM" not in b.certifications


def test_the_flight_one_after_a_pathway_is_the_role_its_page_calls_so() -> None:
    a, b = talk("show me the ops director path", "what about the flight one", e=with_pages("conv121"))
    assert a.role == DPO
    assert (b.intent, b.role) == ("pathway", FLIGHT)


def test_ya_is_only_a_yes() -> None:
    a, b = talk("flight coord pathway", "ya the 3rd", e=with_pages("conv121"))
    assert a.intent == "pathway"
    assert (b.intent, b.certifications) == ("certification", (a.certifications[2],))
