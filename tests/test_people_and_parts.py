"""Mentees told about in one message, what a person wants, two questions joined by "and", and
follow-ups that keep their subject (round 53).

Each test is a conversation (or a question) the engine got wrong before; what it asserts is the
behaviour a member expects, on a blind set's pages as that set is scored (with_pages)."""

from __future__ import annotations

from engine_kb import talk, with_pages

OPS = "director-of-pharmacy-operations"
COLD_CHAIN = "pharmacy-cold-chain-logistics-manager"
ACCESS = "pharmacy-medication-access-coordinator"
ONBOARDING = "pharmacy-competency-and-onboarding-manager"
COLD_SPECIALIST = "pharmacy-cold-chain-specialist"
FULFILLMENT = "mail-order-pharmacy-fulfillment-supervisor"
HOSPICE = "hospice-pharmacy-liaison"
VET = "veterinary-pharmacy-manager"
CLEANROOM = "pharmacy-cleanroom-quality-supervisor"
STOCKPILE = "emergency-medication-stockpile-pharmacist"
CORRECTIONAL = "correctional-pharmacy-services-manager"


# --- the people a member speaks for --------------------------------------------------------------------


def test_a_person_who_wants_a_described_goal_gets_its_pathway() -> None:
    a = with_pages("conv78").ask("my tech wants to get into vaccine storage stuff, where does she start")
    assert (a.intent, a.role) == ("pathway", COLD_SPECIALIST)
    b = with_pages("conv77").ask("my lead tech wants to move into training new hires full time. where does she start")
    assert (b.intent, b.role) == ("pathway", ONBOARDING)


def test_the_persons_own_job_names_no_other_role() -> None:
    a = with_pages("conv76").ask("my tech wants to get into emergency preparedness stuff, where does he start")
    assert (a.intent, a.role) == ("pathway", STOCKPILE)  # not the workforce manager, whose title has "technician"
    *_, jail = talk("my tech wants to work on the mobile clinic vans, where does she start", "and my other tech wants to do jail pharmacy, where does he start", e=with_pages("conv61"))
    assert (jail.intent, jail.role) == ("pathway", CORRECTIONAL)


def test_someone_who_wrote_something_is_not_someone_who_wants_something() -> None:
    a = with_pages("conv11").ask("my mentee's a tech who does the DEA paperwork, which first")
    assert a.intent != "pathway" or a.role != OPS  # their work, not a goal: the conversation says which path


def test_each_person_of_a_roster_keeps_what_they_want() -> None:
    first, priya, second = talk("I have 3 mentees. priya: vaccines and cold storage, marcus: staffing and workflow, lin: insurance approvals. start with lin", "now priya", "back to lin, her second step?", e=with_pages("conv77"))
    assert (first.intent, first.role) == ("pathway", ACCESS)
    assert (priya.intent, priya.role) == ("pathway", COLD_CHAIN)
    assert second.intent == "certification" and second.certifications[0] in {s.certification for s in with_pages("conv77").knowledge.roles[ACCESS].pathway}


def test_what_a_person_loves_is_their_goal_and_orders_their_steps() -> None:
    priya, marcus, _, last = talk(
        "ok so i precept two techs. priya wants to get into the vaccine fridge / shipping side of things and marcus is obsessed with prior auths lol. start with priya, where does she start",
        "now marcus",
        "back to priya, whats her second step",
        "and marcus's last one?",
        e=with_pages("conv77"),
    )
    assert (priya.intent, priya.role) == ("pathway", COLD_CHAIN)
    assert (marcus.intent, marcus.role) == ("pathway", ACCESS)
    assert marcus.focus_words  # put in the order what he loves asks for
    assert (last.intent, last.certifications[:1]) == ("certification", ("CPOM",))


def test_a_job_noun_of_several_told_is_that_person() -> None:
    *_, tech = talk("my resident wants ops director and my tech wants workforce development manager. what cert do those two have in common", "ok tell me about that one", "and for my tech, what comes first on her path", e=with_pages("conv76"))
    assert tech.role == "pharmacy-technician-workforce-development-manager"


def test_what_she_is_big_on_orders_the_path_talked_about() -> None:
    _, first = talk("my float pharmacist wants to be an ops director someday. what does that job actually involve", "which cert should she start with, she's big on med safety", e=with_pages("conv77"))
    assert (first.intent, first.role, first.certifications[:1]) == ("pathway", OPS, ("CMSO",))


def test_that_role_is_the_one_just_described_in_the_same_message() -> None:
    *_, called = talk("one of my new hires keeps saying she wants to do onboarding and training as a career. is that an actual job here?", "my PGY1 on the other hand wants to be the person who fights insurance denials all day. what's that role called", e=with_pages("conv77"))
    assert (called.intent, called.role, called.section) == ("role", ACCESS, "overview")


# --- two questions in one sentence ------------------------------------------------------------------------


def test_a_card_and_its_cost_in_one_sentence_are_two_answers() -> None:
    a = with_pages("eval145").ask("whats CEHDS and how much does it cost")
    assert (a.intent, a.certifications[:1]) == ("certification", ("CEHDS",))
    assert [(p.intent, p.reason) for p in a.parts] == [("none", "missing_fact")]
    told = with_pages("conv43").ask("Sorry this is a long one. I supervise a 14-person tech team and one of my best techs, Beth, has been doing our charge reconciliation reports for two years. She fixes billing-unit mismatches, works with the billing office. What job is that and where does she start?")
    assert told.intent == "pathway"  # beside what the message tells, the question stays one


# --- follow-ups that keep (or leave) their subject ------------------------------------------------------


def test_which_certifications_do_you_know_is_the_list_whatever_came_before() -> None:
    _, listed = talk("what does a cleanroom quality supervisor do", "and which certifications do you know", e=with_pages("conv76"))
    assert listed.intent == "list_certifications"
    _, nurse = talk("what does the diversion person look for in the cabinet data", "how can you tell if a nurse is impaired on shift", e=with_pages("conv27"))
    assert nurse.intent != "list_certifications"


def test_a_time_alone_after_a_day_is_that_days_entry() -> None:
    _, later = talk("what does a cold chain pharmacist do at 9am", "and at 3?", e=with_pages("conv77"))
    assert (later.intent, later.role, later.section) == ("role", COLD_CHAIN, "day_in_the_life")
    _, start = talk("ok whats a day like in the cleanroom quality supervisor job", "and what time does it start", e=with_pages("conv76"))
    assert start.section == "day_in_the_life"


def test_benefits_and_which_employers_are_refused_after_a_role() -> None:
    _, perks = talk("what do cleanroom quality supervisors do all day", "whats their benefits like", e=with_pages("conv76"))
    assert perks.intent == "none"
    _, where = talk("what does a cleanroom quality supervisor do", "do big academic hospitals have that position or just compounding outsourcers?", e=with_pages("conv76"))
    assert where.intent == "none"


def test_how_do_i_get_there_after_a_choice_is_the_chosen_roles_path() -> None:
    *_, there = talk("ops director or fill line supervisor, which deals more with carriers", "how do i get there, im a lead tech", e=with_pages("conv78"))
    assert (there.intent, there.role) == ("pathway", FULFILLMENT)


def test_a_certification_asked_by_another_pages_topic_leaves_the_role() -> None:
    *_, kits = talk("which cert covers temperature excursions", "ok and which cert covers comfort kits", e=with_pages("conv78"))
    assert (kits.intent, kits.certifications[:1]) == ("certification", ("CEOLP",))
    *_, surveillance = talk("what does the diversion person look for in the cabinet data", "what cert would help me get better at the surveillance stuff", e=with_pages("conv27"))
    assert surveillance.role == "drug-diversion-program-manager"  # a word no page has: still that role's


# --- names ----------------------------------------------------------------------------------------------------


def test_a_word_the_page_clips_in_its_other_name_names_the_role() -> None:
    a = with_pages("eval145").ask("vet pharmacy manager typical day")
    assert (a.intent, a.role, a.section) == ("role", VET, "day_in_the_life")


# --- more of the people a member speaks for ----------------------------------------------------------------


def test_names_with_their_job_in_brackets_are_a_roster() -> None:
    jess, omar, lena, step, overlap = talk(
        "im mentoring three people this year. jess (tech) wants the training manager job, omar (resident) wants the disaster cache pharmacist job, and lena wants cleanroom QA. jess first pls",
        "now omar",
        "and lena",
        "back to jess, whats step 2 for her",
        "do omar and lena's paths overlap at all",
        e=with_pages("conv76"),
    )
    assert (jess.role, omar.role, lena.role) == ("pharmacy-technician-workforce-development-manager", STOCKPILE, CLEANROOM)
    assert (step.intent, step.certifications[:1]) == ("certification", ("CSKVA",))
    assert overlap.reason == "nothing_shared"  # their two pathways, which share nothing


def test_him_and_her_tell_two_people_apart() -> None:
    *_, back = talk(
        "my resident has CPSCM and wants to be an ops director. what's left for him",
        "and my tech has CPOM and wants to be a cleanroom quality supervisor, what's left for her",
        "back to him. why is CMSO on his path",
        e=with_pages("conv76"),
    )
    assert (back.role, back.certifications[:1]) == (OPS, ("CMSO",))


def test_a_new_person_described_by_their_work_gets_the_same_path_reordered() -> None:
    *_, tech = talk("my pgy2 keeps asking me how to become a director of pharmacy operations", "she's new to managing people tho", "and my tech who runs our inventory?", e=with_pages("conv77"))
    assert (tech.intent, tech.role, tech.certifications[:1]) == ("pathway", OPS, ("CPSCM",))


def test_two_roles_wanted_and_whose_day_starts_earlier_is_the_days() -> None:
    a = with_pages("conv76").ask("my two mentees want cleanroom quality supervisor and tech workforce dev manager, whose day starts earlier?")
    assert (a.intent, a.section) == ("role", "day_in_the_life")


def test_the_x_one_names_a_role_by_its_title_words() -> None:
    a = with_pages("conv77").ask("the cold chain one, what do they do")
    assert (a.intent, a.role) == ("role", COLD_CHAIN)
