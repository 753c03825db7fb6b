"""How the engine reads members' words before deciding: names a page gives its role, phone
autocorrections, clipped title words. Each test edits a copy of the test knowledge base, so the
behaviour comes from the knowledge, not from these questions."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from engine_kb import engine as kb_engine, kb_dir

from bot.engine import Engine
from bot.engine.evidence import read
from bot.engine.index import called_names
from bot.knowledge import load_knowledge

SUPPLY = "pharmacy-supply-chain-manager"


def _engine(tmp_path: Path, edit=None) -> Engine:
    root = tmp_path / "knowledge"
    shutil.copytree(kb_dir(), root)
    if edit:
        edit(root)
    return Engine(load_knowledge(root))


def _on_pages(tmp_path: Path, set_name: str) -> Engine:
    """An engine on the fixture knowledge with a test set's pages imported (tests/<set>/pages)."""
    from bot.knowledge.importer import import_page

    kdir = tmp_path / "knowledge"
    shutil.copytree(Path(__file__).parent / "fixtures" / "knowledge", kdir)
    for page in sorted((Path(__file__).parent / set_name / "pages").glob("*.txt")):
        import_page(page, kdir)
    return Engine(load_knowledge(kdir))


def _with_role(new_id: str, title: str, overview: str | None = None):
    """An edit adding a role (a copy of the supply chain manager's page) with this title and overview."""

    def add_role(root: Path) -> None:
        data = yaml.safe_load((root / "roles" / f"{SUPPLY}.yaml").read_text(encoding="utf-8"))
        data["id"], data["title"] = new_id, title
        if overview is not None:
            data["overview"]["paragraphs"] = [overview]
        (root / "roles" / f"{new_id}.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    return add_role


def _edit_role(root: Path, rid: str, change) -> None:
    path = root / "roles" / f"{rid}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_a_name_given_right_after_the_title_is_a_name_of_the_role():
    assert called_names("Pharmacy Supply Chain Manager", "The Pharmacy Supply Chain Manager, often simply called the pharmacy buyer, places orders.") == ["pharmacy buyer"]
    assert called_names("Pharmacy Supply Chain Manager", "The Pharmacy Supply Chain Manager runs a process known as reconciliation.") == []
    assert called_names("Pharmacy Supply Chain Manager", "A buyer, often called the purchaser, works elsewhere.") == []


def test_names_said_of_the_role_later_in_the_overview_are_its_names_too():
    opening = "An Aseptic Services Manager runs the unit. Sometimes called the aseptic unit lead or the cleanroom manager, they are accountable for it."
    assert called_names("Aseptic Services Manager", opening) == ["aseptic unit lead", "cleanroom manager"]
    subject = "This leader sits between the pharmacy and payers, and is often called the pharmacy reimbursement manager."
    assert called_names("Pharmacy Revenue Integrity Manager", subject) == ["pharmacy reimbursement manager"]
    # "called" said of something the role does, not of the role
    assert called_names("Transitions Coordinator", 'They run the program and coordinate bedside delivery, often called "meds to beds".') == []


def test_a_job_named_by_another_name_of_its_page_or_the_initials_of_its_theme(tmp_path):
    new_id = "transitions-of-care-pharmacy-coordinator"

    add_role = _with_role(new_id, "Transitions of Care Pharmacy Coordinator", "Sometimes called the discharge medication lead, they make sure patients go home with the right medicines.")

    engine = _engine(tmp_path, add_role)
    assert engine.ask("what does a toc coordinator do").role == new_id  # Transitions Of Care
    assert engine.ask("what does the discharge medication lead do all day").role == new_id


def test_what_does_the_buyer_do_when_the_page_says_so(tmp_path):
    question = "what does a pharmacy buyer do?"
    before = _engine(tmp_path / "a").ask(question)

    def rename(data):
        data["overview"]["paragraphs"][0] = "The Pharmacy Supply Chain Manager, often simply called the pharmacy buyer, " + data["overview"]["paragraphs"][0]

    after = _engine(tmp_path / "b", lambda root: _edit_role(root, SUPPLY, rename)).ask(question)
    assert before.role != SUPPLY
    assert (after.intent, after.role) == ("role", SUPPLY)
    assert _engine(tmp_path / "c", lambda root: _edit_role(root, SUPPLY, rename)).ask("buyer day in the life").section == "day_in_the_life"


def test_a_phone_autocorrected_cert_is_read_back_unless_the_knowledge_uses_the_word(tmp_path):
    e = _engine(tmp_path / "a")
    answer = e.ask("is there a cart for drug shortages?")
    assert answer.intent == "certification" and answer.certifications[0] == "CDSM"

    def carts(data):
        data["responsibilities"][0]["description"] += " Checks every crash cart after a code."

    e2 = _engine(tmp_path / "b", lambda root: _edit_role(root, SUPPLY, carts))
    read = e2.index  # "crash cart" is the knowledge's own phrase there, so that cart stays a cart
    from bot.engine.analyze import analyze

    assert "cart" in analyze("who restocks the crash cart", read).words
    assert "cert" in analyze("is there a cart for drug shortages", read).words


def test_a_clipped_title_word_next_to_another_title_word(tmp_path):
    from bot.engine.analyze import analyze

    e = _engine(tmp_path)
    assert set(e.index.clipped("supp")) == {"supply", "support"}  # the rest of the question decides
    assert "supply" in analyze("supp chain mgr day to day", e.index).words
    answer = e.ask("supp chain mgr day to day")
    assert (answer.intent, answer.role, answer.section) == ("role", SUPPLY, "day_in_the_life")
    alone = e.ask("sup")  # a greeting, with no title word beside it
    assert alone.intent == "help"


def test_a_job_named_by_a_theme_of_its_page(tmp_path):
    e = _engine(tmp_path)
    # "shortage" names a responsibility and a moment of the supply chain manager's day
    theme = e.ask("shortage manager morning routine?")
    assert (theme.intent, theme.role, theme.section) == ("role", SUPPLY, "day_in_the_life")
    # a qualifier no page is about stays another job
    other = e.ask("retail store manager morning routine?")
    assert other.intent == "none"


def test_a_step_the_page_calls_the_place_to_start_for_the_members_kind_comes_first(tmp_path):
    ops = "director-of-pharmacy-operations"
    question = "i'm a nurse and want to become a director of pharmacy operations one day, which cert first?"

    def whys(start: str):
        def edit(root: Path) -> None:
            def change(data):
                steps = {s["certification"]: s for s in data["pathway"]["steps"]}
                steps["CHPOP"]["why"] = "Hospital operations expertise that nurses and pharmacists bring to leadership, proving your command of workflow."
                steps["CPSCM"]["why"] = f"{start} nurses moving into pharmacy leadership, proving your grasp of purchasing."
            _edit_role(root, ops, change)
        return edit

    # both steps speak of nurses; only the one the page calls the place to start for them comes first
    plain = _engine(tmp_path / "a", whys("Useful to")).ask(question)
    start = _engine(tmp_path / "b", whys("The recommended starting point for")).ask(question)
    assert plain.intent == start.intent == "pathway" and plain.certifications[0] != "CPSCM"
    assert start.certifications[0] == "CPSCM"


def test_two_titles_written_out_in_one_question_are_both_named(tmp_path):
    """"… a director of pharmacy ops and a specialty pharmacy operations manager": "manager" ends
    the second title; it does not make the first a different job."""
    new_id = "specialty-pharmacy-operations-manager"

    add_role = _with_role(new_id, "Specialty Pharmacy Operations Manager")

    engine = _engine(tmp_path, add_role)
    from bot.engine.evidence import read

    ev = read("whats the difference between a director of pharmacy ops and a specialty pharmacy operations manager", engine.index)
    assert {"director-of-pharmacy-operations", new_id} <= set(ev.named_roles)


def test_initials_that_spell_an_everyday_word_are_not_a_role_name(tmp_path):
    """Overnight Pharmacy Supervisor's initials are "OPS", which members write for operations."""
    new_id = "overnight-pharmacy-supervisor"

    add_role = _with_role(new_id, "Overnight Pharmacy Supervisor")

    a = _engine(tmp_path, add_role).ask("ops director morning huddle, what do they go over")
    assert (a.intent, a.role) == ("role", "director-of-pharmacy-operations")


def test_a_word_read_several_ways_names_a_role_by_any_reading(tmp_path):
    """"sup" reads as supervisor, supply or support: "the IV room sup" is the page's "IV room supervisor"."""
    new_id = "sterile-compounding-supervisor"

    add_role = _with_role(new_id, "Sterile Compounding Supervisor", "A Sterile Compounding Supervisor, often called the IV room supervisor, leads the cleanroom team.")

    a = _engine(tmp_path, add_role).ask("what does the IV room sup do all day")
    assert (a.intent, a.role) == ("role", new_id)


def test_who_after_a_or_my_and_a_job_noun_describes_someone_it_does_not_ask_who():
    ix = kb_engine().index
    assert not read("my mentee's a tech who does the DEA paperwork, which first", ix).asks_who
    assert not read("i'm a pharmacist who loves safety work", ix).asks_who
    assert read("who does the DEA paperwork", ix).asks_who
    assert read("the person who runs the drug shortage meetings, what's that job", ix).asks_who
    assert read("in a health system who handles drug shortages", ix).asks_who


def test_an_abbreviation_a_page_defines_reads_as_its_word(tmp_path):
    from bot.engine.index import defined_abbreviations

    assert defined_abbreviations("runs the organization's pharmacogenomics (PGx) service") == [("pgx", "pharmacogenomics")]
    assert defined_abbreviations("this is (optional) and the transitions of care (TOC) team") == []  # a word; several words' initials are titles' aliases
    a = _on_pages(tmp_path, "eval41").ask("pgx program coordinator cert pathway pls")
    assert (a.intent, a.role) == ("pathway", "pharmacogenomics-program-coordinator")


def test_initials_of_a_title_before_its_job_noun_name_the_role(tmp_path):
    from bot.engine.index import _theme_initials

    assert _theme_initials("Pharmacy Contact Center Supervisor") == {("cc", "supervisor")}
    assert _theme_initials("Director of Pharmacy Operations") == set()  # no job noun at the end
    e = _on_pages(tmp_path, "eval46")
    path, day = e.ask("cc sup cert path"), e.ask("DG lead day?")
    assert (path.intent, path.role) == ("pathway", "pharmacy-contact-center-supervisor")
    assert (day.intent, day.role, day.section) == ("role", "pharmacy-data-governance-lead", "day_in_the_life")


def test_initials_write_to_as_2_and_a_long_theme_may_drop_its_last_word(tmp_path):
    from bot.engine.index import _theme_initials

    assert ("m2b", "manager") in _theme_initials("Meds-to-Beds Program Manager")  # B2B-style, "program" dropped
    e = _engine(tmp_path, _with_role("meds-to-beds-program-manager", "Meds-to-Beds Program Manager"))
    day = e.ask("m2b manager day to day??")
    assert (day.intent, day.role, day.section) == ("role", "meds-to-beds-program-manager", "day_in_the_life")
    path = e.ask("outpatient tech, want to move into running the m2b program. path?")  # initials with a digit stand alone
    assert (path.intent, path.role) == ("pathway", "meds-to-beds-program-manager")


def test_a_long_title_shortened_to_its_rare_last_word_and_job_noun(tmp_path):
    from bot.engine.index import _tail_pair

    assert _tail_pair("Rural Mobile Health Pharmacy Outreach Manager") == ("outreach", "manager")
    assert _tail_pair("Pharmacy Cleanroom and Facilities Project Manager") is None  # "project manager" names many jobs
    rural = "rural-mobile-health-pharmacy-outreach-manager"
    e = _engine(tmp_path, _with_role(rural, "Rural Mobile Health Pharmacy Outreach Manager"))
    a = e.ask("does the outreach manager lead the drivers too or just the pharmacists n techs")
    assert (a.intent, a.role) == ("role", rural)


def test_the_word_one_picks_one_of_two_roles_in_a_message(tmp_path):
    staffing, ethics = "pharmacy-staffing-and-scheduling-coordinator", "pharmacy-ethics-and-policy-committee-coordinator"

    def add_both(root: Path) -> None:
        _with_role(staffing, "Pharmacy Staffing and Scheduling Coordinator")(root)
        _with_role(ethics, "Pharmacy Ethics and Policy Committee Coordinator")(root)

    e = _engine(tmp_path, add_both)
    a = e.ask("torn between staffing coordinator and the ethics/policy committee coordinator thing. what does the staffing one do")
    assert (a.intent, a.role) == ("role", staffing)  # though the ethics title is written out more fully
    b = e.ask("hospital pharmacist on the ethics side, i want to become a staffing and scheduling coordinator, which cert first")
    assert b.role == staffing  # "the ethics side" is where the member works: no pick


def test_what_s_reads_as_whats():
    from bot.engine.normalize import tokenize

    assert [t.word for t in tokenize("what's a director? who's that? the member's")] == ["whats", "a", "director", "whos", "that", "the", "member"]
    a = kb_engine().ask("what's a director of pharmacy operations? coming from hospital supply chain so the pharmacy side is new to me")
    assert (a.intent, a.section) == ("role", "overview")  # what follows the question tells about the member, not the section


def test_a_day_entry_named_by_a_clipped_word(tmp_path):
    def rename(data: dict) -> None:
        data["day_in_the_life"]["entries"][1]["title"] = "Vendor Negotiation Preparation"

    e = _engine(tmp_path, lambda root: _edit_role(root, SUPPLY, rename))
    a = e.ask("what's the vendor negotiation prep part of the supply chain manager's day about")
    assert (a.intent, a.role, a.section) == ("role", SUPPLY, "day_in_the_life")


def test_a_mentees_certification_is_held_a_roles_is_not():
    from bot.engine.analyze import held_codes
    from bot.engine.evidence import read

    ix = kb_engine().index
    assert held_codes(read("my resident already holds CMSO and wants to become an ops director", ix).a) == ("CMSO",)
    assert held_codes(read("both have CMSO right?", ix).a) == ()
    assert held_codes(read("the ops director has CPOM on the path, right?", ix).a) == ()


def test_a_certification_names_initials_read_as_its_words(tmp_path):
    from bot.engine.index import name_initials

    assert name_initials(kb_engine().index.knowledge)["cds"] == ("clinical", "decision", "support")
    a = _on_pages(tmp_path, "conv16").ask("did nursing CDI work for 3 yrs, how do i become a pharmacy documentation audit specialist? which cert first")
    assert a.intent == "pathway" and a.certifications[0] == "CCDIP"  # Clinical Documentation Improvement


def test_what_the_member_likes_weighs_more_than_what_they_merely_do(tmp_path):

    a = _on_pages(tmp_path, "eval48").ask("night pharmacist here, people call me about pump library issues and i really enjoy building the library entries. want to be the pump coordinator, which cert first")
    assert a.intent == "pathway" and a.certifications[0] == "CDLM"


def test_a_partly_named_roles_words_are_the_topic_of_its_certifications(tmp_path):

    a = _on_pages(tmp_path, "eval51").ask("any cert for hazardous drug handling at our hospital?")
    assert a.intent == "certification" and a.certifications[0] in ("CHDSP", "CHDT")  # not a cert whose text says "handling" elsewhere


def test_a_titles_last_words_initials_name_it(tmp_path):
    from bot.engine.index import _acronyms

    assert "pic" in _acronyms("Medical Cannabis Pharmacist-in-Charge")  # pharmacist in charge
    pic = "medical-cannabis-pharmacist-in-charge"
    e = _engine(tmp_path, _with_role(pic, "Medical Cannabis Pharmacist-in-Charge"))
    a = e.ask("cannabis PIC responsibilities")
    assert (a.intent, a.role, a.section) == ("role", pic, "responsibilities")


def test_the_person_of_a_titles_field_is_its_pharmacist(tmp_path):
    from bot.engine.index import _field_persons

    assert _field_persons("Expeditionary Pharmacy Officer") == {("expeditionary",)}
    assert ("bariatric",) in _field_persons("Bariatric Surgery Pharmacy Specialist")  # "a bariatric pharmacist"
    assert _field_persons("Director of Pharmacy Operations") == set()  # a job noun before "pharmacy"
    officer = "expeditionary-pharmacy-officer"
    e = _engine(tmp_path, _with_role(officer, "Expeditionary Pharmacy Officer"))
    a = e.ask("walk me thru an expeditionary pharmacist's day")
    assert (a.intent, a.role, a.section) == ("role", officer, "day_in_the_life")
