"""The spotlight page parser: exact fields for the seed and varied council pages, and clear errors."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from bot.knowledge.page import MAX_PAGE_BYTES, Page, PageCert, PageError, parse_page, read_page_bytes, unemphasised

try:
    from knowledge_helpers import page, read_seed_facts, seed_text
except ImportError:  # tests/ became a package
    from tests.knowledge_helpers import page, read_seed_facts, seed_text


def parse_file(name: str) -> Page:
    return parse_page(read_page_bytes(page(name).read_bytes()))


def certs(p: Page) -> list[tuple[str, str, str]]:
    return [(c.code, c.name, c.description) for c in p.certifications]


def facts(p: Page) -> Page:
    """The page without certification line numbers, to compare pages whose lines shifted."""
    return dataclasses.replace(p, certifications=[dataclasses.replace(c, line=0) for c in p.certifications])


# ----------------------------------------------------------------------------- the seed page


def test_seed_page_parses_to_every_fact():
    facts = read_seed_facts(seed_text())
    p = parse_page(seed_text())
    assert p.title == "Director of Pharmacy Operations" == facts["title"]
    assert p.tagline == facts["tagline"]
    assert p.overview_heading == facts["overview_heading"] == "The Conductor of Pharmacy Efficiency"
    assert p.overview == facts["overview"] and len(p.overview) == 2
    assert p.responsibilities == facts["responsibilities"] and len(p.responsibilities) == 4
    assert p.pathway_heading == facts["pathway_heading"] == "Your Certification Pathway to Operational Excellence"
    assert p.pathway_intro == facts["pathway_intro"]
    assert certs(p) == facts["certifications"]
    assert [c.code for c in p.certifications] == ["CHPOP", "CPOM", "CMSO", "CPSCM"]
    assert p.day_intro == facts["day_intro"]
    assert p.day == facts["day"]
    assert [d[0] for d in p.day] == ["Morning", "Mid-Day", "Afternoon"]
    assert (p.closing_heading, p.closing, p.closing_link) == (facts["closing_heading"], facts["closing"], facts["closing_link"])
    assert p.closing_link == "Explore All Operations Certifications"
    # the call-to-action button is not content
    assert "Start Your Certification Pathway" not in [p.tagline, p.overview_heading, *p.overview]


def test_seed_certification_lines_point_at_the_code_line():
    text = seed_text()
    lines = text.splitlines()
    for c in parse_page(text).certifications:
        assert lines[c.line - 1].strip() == c.code


# ----------------------------------------------------------------------------- varied council pages

MSO = Page(
    title="Medication Safety Officer",
    tagline="Lead your organization's fight against preventable medication errors by building systems that catch mistakes before they reach the patient.",
    overview_heading="The Guardian of Safe Medication Use",
    overview=[
        "A Medication Safety Officer (MSO) is the pharmacist who owns the safety of the entire medication-use process, from prescribing and "
        "transcription to dispensing, administration, and monitoring. The MSO investigates errors and near misses, leads root cause analyses, "
        "and turns what is learned into safer workflows, smarter technology, and a stronger culture of reporting.",
        "As an MSO, you are part detective, part teacher, and part change agent. You analyze event reports and smart-pump data, present "
        "findings to the Pharmacy & Therapeutics and patient safety committees, and coach frontline staff so that every error becomes a "
        "lesson rather than a secret.",
    ],
    responsibilities=[
        (
            "Error Reporting & Event Analysis",
            "Reviewing medication event reports, classifying harm, and leading root cause analyses that identify system-level fixes rather than individual blame.",
        ),
        (
            "High-Alert Medication Safeguards",
            "Designing independent double checks, smart-pump limits, and storage rules for insulin, anticoagulants, opioids, and concentrated electrolytes.",
        ),
        (
            "Safety Culture & Education",
            "Teaching a just culture, running safety huddles, and sharing lessons learned so that staff report errors and near misses without fear.",
        ),
        (
            "Regulatory & Accreditation Readiness",
            "Keeping medication management practices aligned with accreditation standards and national patient safety goals, and leading tracer activities.",
        ),
    ],
    pathway_heading="Your Certification Pathway to Safety Leadership",
    pathway_intro="A Medication Safety Officer needs validated expertise in error science, risk reduction, and operational change. "
    "These certifications show that you can lead safety improvements across an entire organization.",
    certifications=[
        PageCert(
            "CMSO",
            "Certified Medication Safety Officer",
            "The cornerstone credential for this role, proving your mastery of error prevention, event analysis, and medication safety program leadership.",
            38,
        ),
        PageCert(
            "CEPRS",
            "Certified Error Prevention & Risk Specialist",
            "Validates your ability to apply failure mode and effects analysis, root cause analysis, and human factors principles to medication processes.",
            45,
        ),
        PageCert(
            "CPOM",
            "Certified Pharmacy Operations Manager",
            "Shows that you understand the daily workflows you are redesigning, so your safety fixes work on the pharmacy floor and not only on paper.",
            52,
        ),
    ],
    day_intro="No two days are alike: your time is split between investigating what went wrong, preventing the next error, and teaching others to do the same.",
    day=[
        (
            "Morning",
            "Safety Event Triage",
            "You review overnight medication event reports, call the nurse manager about a wrong-dose insulin near miss, and flag two reports for a full root cause analysis.",
        ),
        (
            "Mid-Day",
            "Smart-Pump Library Review",
            "You meet with nursing informatics to analyze smart-pump override data and agree on tighter hard limits for heparin and potassium chloride infusions.",
        ),
        (
            "Afternoon",
            "P&T Safety Report",
            "You present quarterly error trends to the Pharmacy & Therapeutics committee and win approval for barcode scanning in the emergency department.",
        ),
    ],
    closing_heading="Ready to Champion Medication Safety?",
    closing="This role is for the detail-minded, persuasive pharmacist who believes every patient deserves a medication-use system designed to prevent harm.",
    closing_link="Explore All Safety Certifications",
)


def test_medication_safety_officer_three_certifications_dash_bullets():
    assert parse_file("medication-safety-officer.txt") == MSO


def test_informatics_six_certifications_star_bullets_and_evening_entry():
    p = parse_file("director-of-pharmacy-informatics.txt")
    assert p.title == "Director of Pharmacy Informatics"
    assert p.tagline == "Connect clinical pharmacy and technology to build the digital systems that make medication use safer, faster, and smarter."
    assert p.overview_heading == "Where Pharmacy Meets Technology"
    assert len(p.overview) == 2
    assert p.overview[0].startswith("The Director of Pharmacy Informatics leads the design, build, and optimization")
    assert p.overview[0].endswith("makes sure every system change is safe for patients.")
    assert p.overview[1].endswith("and whether data becomes insight or just noise.")
    assert p.responsibilities == [
        ("EHR & Order-Set Governance", "Owning the medication build in the electronic health record, including order sets, drug dictionaries, and dose-range checking."),
        ("Clinical Decision Support", "Designing alerts and rules that improve prescribing while actively reducing alert fatigue for physicians, nurses, and pharmacists."),
        ("Automation & Interface Integration", "Keeping automated dispensing cabinets, carousels, smart pumps, and robots correctly connected to the EHR and pharmacy system."),
        ("Data & Analytics", "Building dashboards and reports on drug spend, turnaround times, and safety events that leaders use to make decisions."),
    ]
    assert p.pathway_heading == "Your Certification Pathway to Informatics Leadership"
    assert p.pathway_intro == (
        "Pharmacy informatics sits at the intersection of clinical knowledge, technology, and project management. "
        "These six certifications cover each side of that intersection."
    )
    assert [(c.code, c.name) for c in p.certifications] == [
        ("CPIP", "Certified Pharmacy Informatics Professional"),
        ("CCDSS", "Certified Clinical Decision Support Specialist"),
        ("CPDA", "Certified Pharmacy Data Analyst"),
        ("CPTI", "Certified Pharmacy Technology Integration Specialist"),
        ("CMSO", "Certified Medication Safety Officer"),
        ("CPOM", "Certified Pharmacy Operations Manager"),
    ]
    assert p.certifications[4].description == "Important for informatics leaders, because every system build and alert change is ultimately a medication safety decision."
    assert p.certifications[5].description == "Shows you understand the operational workflows that your systems must support, from order verification to delivery."
    assert p.day_intro == "Your day moves between the build environment, the conference room, and the pharmacy floor."
    assert [(t, ti) for t, ti, _ in p.day] == [
        ("Morning", "Go-Live Stand-Up"),
        ("Mid-Day", "Alert Fatigue Review"),
        ("Afternoon", "Dashboard Design Session"),
        ("Evening", "Downtime Readiness Check"),
    ]
    assert p.day[3][2] == "You confirm that downtime medication administration records print correctly before tonight's scheduled EHR upgrade."
    assert p.closing_heading == "Ready to Shape the Digital Future of Pharmacy?"
    assert p.closing == "This role is for the pharmacist who loves both patient care and technology, and who wants to make every click in the medication process count."
    assert p.closing_link == "Explore All Informatics Certifications"


def test_supply_chain_crlf_tabs_en_dash_bullets_no_spotlight_no_closing():
    raw = page("pharmacy-supply-chain-manager.txt").read_bytes()
    assert b"\r\n" in raw and b"\t" in raw and b"CAREER SPOTLIGHT" not in raw  # the sample really is that messy
    p = parse_file("pharmacy-supply-chain-manager.txt")
    assert p.title == "Pharmacy Supply Chain Manager"
    assert p.tagline == "Keep the right medications on the shelf at the right price, even when the market runs short."
    assert p.overview_heading == "The Pharmacy's Logistics Expert"
    assert p.overview == [
        "A Pharmacy Supply Chain Manager controls how medications move from the manufacturer and wholesaler to the pharmacy shelf. This manager "
        "negotiates with wholesalers and group purchasing organizations, forecasts demand, and manages inventory so that patients get their "
        "medications and the organization does not overspend.",
        "When a drug shortage hits, you are the one who finds alternative sources, coordinates therapeutic substitutions with clinical "
        "pharmacists, and keeps prescribers informed. Your decisions protect both patient care and the drug budget.",
    ]
    assert p.responsibilities == [
        ("Procurement & Contract Management", "Purchasing medications through wholesalers and group purchasing contracts, and making sure the organization pays the contracted price."),
        ("Inventory Control", "Setting par levels, running cycle counts, and reducing waste from expired and slow-moving stock."),
        ("Drug Shortage Response", "Monitoring shortage lists, securing alternative products, and coordinating conservation strategies with the clinical team."),
    ]
    assert p.pathway_heading == "Your Certification Pathway to Supply Chain Leadership"
    assert p.pathway_intro == "Supply chain leaders need proof of expertise in purchasing, inventory, and regulatory compliance."
    assert certs(p) == [
        (
            "CPSCM",
            "Certified Pharmacy Supply Chain Manager",
            "The defining credential for this role, covering procurement, inventory control, and the end-to-end pharmacy supply chain.",
        ),
        ("CDSM", "Certified Drug Shortage Manager", "Demonstrates your ability to anticipate shortages, secure alternatives, and lead a coordinated organizational response."),
        ("CPOM", "Certified Pharmacy Operations Manager", "Shows that your purchasing and inventory decisions fit the daily dispensing workflows they support."),
    ]
    assert p.day_intro == "Your day is a balance of numbers, negotiations, and quick problem-solving when a product suddenly disappears from the market."
    assert p.day == [
        (
            "Morning",
            "Shortage Huddle",
            "You review the wholesaler's overnight backorder report, find that a critical antibiotic is unavailable, and secure an alternative supplier before noon.",
        ),
        ("Mid-Day", "Contract Review", "You compare group purchasing contract prices against invoices and recover an overcharge of several thousand dollars."),
        ("Afternoon", "Inventory Analysis", "You analyze turnover data for the automated dispensing cabinets and lower par levels on slow-moving items to free up cash."),
    ]
    assert (p.closing_heading, p.closing, p.closing_link) == ("", "", "")
    for value in [p.title, p.tagline, *p.overview, *(x for r in p.responsibilities for x in r), *(x for d in p.day for x in d)]:
        assert "\t" not in value and "\r" not in value and value == value.strip() and "  " not in value


def test_director_of_pharmacy_round_bullets_no_day_in_the_life():
    p = parse_file("director-of-pharmacy.txt")
    assert p.title == "Director of Pharmacy"
    assert p.tagline == "Set the strategy, budget, and standards for pharmacy services across the organization, and answer for their quality and cost."
    assert p.overview_heading == "The Architect of Pharmacy Strategy"
    assert len(p.overview) == 2
    assert [n for n, _ in p.responsibilities] == [
        "Strategic Planning & Service Growth",
        "Financial Stewardship",
        "Leadership Development",
        "Quality, Compliance & Accreditation",
    ]
    assert p.responsibilities[3][1] == (
        "Ensuring every pharmacy service meets state board, federal, and accreditation requirements and performs well on quality measures."
    )
    assert [c.code for c in p.certifications] == ["CPEL", "CPFM", "CPOM", "CMSO"]
    assert p.certifications[3] == PageCert(
        "CMSO",
        "Certified Medication Safety Officer",
        "Essential for the executive who is ultimately accountable for medication safety across every site the department serves.",
        59,
    )
    assert p.day == [] and p.day_intro == ""
    # the closing follows the pathway directly and is not swallowed by the last certification
    assert p.certifications[-1].description.endswith("every site the department serves.")
    assert p.closing_heading == "Ready to Lead the Entire Pharmacy Enterprise?"
    assert p.closing == "This executive role is for the visionary pharmacist leader who can balance strategy, finance, and patient care at the highest level."
    assert p.closing_link == "Explore All Leadership Certifications"


# ----------------------------------------------------------------------------- variants of the seed


def test_crlf_and_cr_line_endings_parse_like_lf():
    text = seed_text()
    want = parse_page(text)
    assert parse_page(text.replace("\n", "\r\n")) == want
    assert parse_page(text.replace("\n", "\r")) == want


def test_bom_and_stray_whitespace_do_not_change_the_facts():
    text = seed_text()
    messy = "\n".join(f" \t{ln}\t  " for ln in text.split("\n"))
    messy = messy.replace("Morning: Daily", "Morning:\t  Daily").replace("Workflow & Process", "Workflow  &  Process")
    assert parse_page(read_page_bytes(b"\xef\xbb\xbf" + messy.encode())) == parse_page(text)


@pytest.mark.parametrize("bullet", ["-", "*", "●", "–", "•", "▪", "◦", "·"])
def test_bullet_characters(bullet):
    text = seed_text().replace("•", bullet)
    p = parse_page(text)
    assert p.responsibilities == parse_page(seed_text()).responsibilities
    assert p.responsibilities[0][0] == "Workflow & Process Optimization"


def test_unbulleted_responsibilities():
    p = parse_page(seed_text().replace("  • ", ""))
    assert p.responsibilities == parse_page(seed_text()).responsibilities


def test_name_and_description_on_the_bullet_line():
    text = seed_text().replace("• Workflow & Process Optimization\n\n    Designing", "• Workflow & Process Optimization: Designing")
    text = text.replace("• Staffing & Performance Management\n\n    Developing", "• Staffing & Performance Management – Developing")
    p = parse_page(text)
    assert p.responsibilities == parse_page(seed_text()).responsibilities


def test_html_entities_from_a_copied_page():
    p = parse_page(seed_text().replace("Workflow & Process", "Workflow &amp; Process").replace("Huddle", "Huddle&nbsp;"))
    assert p.responsibilities[0][0] == "Workflow & Process Optimization"
    assert p.day[0][1] == "Daily Operations Huddle"


def test_no_spotlight_line_and_no_title_line():
    text = seed_text()
    want = facts(parse_page(text))
    assert facts(parse_page(text.replace("CAREER SPOTLIGHT\n", ""))) == want
    assert facts(parse_page(text.split("\n", 1)[1])) == want  # starts at CAREER SPOTLIGHT
    assert facts(parse_page(text.split("\n", 2)[2])) == want  # starts at the title


def test_title_variants():
    text = seed_text()
    for first in (
        "Career Path: Director of Pharmacy Operations | Council on Pharmacy Standards",
        "Career Path: Director of Pharmacy Operations - Council on Pharmacy Standards",
        "CAREER PATH: Director of Pharmacy Operations",
    ):
        assert parse_page(first + "\n" + text.split("\n", 1)[1]).title == "Director of Pharmacy Operations"
    amp = text.replace("Director of Pharmacy Operations", "Director of Pharmacy Quality & Compliance")
    assert parse_page(amp).title == "Director of Pharmacy Quality & Compliance"


def test_certification_block_formats():
    text = seed_text()
    want = certs(parse_page(text))
    one_line = text.replace("CPOM\n\nCertified Pharmacy Operations Manager", "CPOM – Certified Pharmacy Operations Manager")
    assert certs(parse_page(one_line)) == want
    name_code = text.replace("CPOM\n\nCertified Pharmacy Operations Manager", "Certified Pharmacy Operations Manager (CPOM)")
    assert certs(parse_page(name_code)) == want
    no_view_details = text.replace("View Details\n", "")
    assert certs(parse_page(no_view_details)) == want
    arrows = text.replace("View Details", "View Details →")
    assert certs(parse_page(arrows)) == want
    two_lines = text.replace("Validates your expertise in the vital area of drug procurement, ", "Validates your expertise in the vital area of drug procurement,\n")
    assert certs(parse_page(two_lines)) == want


def test_extra_and_relabelled_day_entries():
    text = seed_text().replace(
        "Ready to Engineer",
        "Evening: On-Call Escalation\n\nYou take a call about a failed carousel and approve a manual workaround until the vendor arrives.\n\nReady to Engineer",
    )
    text = text.replace("Morning: Daily", "Early Morning: Daily").replace("Afternoon: Staffing", "End of Day – Staffing")
    p = parse_page(text)
    assert [(t, ti) for t, ti, _ in p.day] == [
        ("Early Morning", "Daily Operations Huddle"),
        ("Mid-Day", "Vendor Meeting for New Technology"),
        ("End of Day", "Staffing Model Review"),
        ("Evening", "On-Call Escalation"),
    ]
    assert p.day[3][2] == "You take a call about a failed carousel and approve a manual workaround until the vendor arrives."
    assert p.closing_heading == "Ready to Engineer the Future of Pharmacy Operations?"


def test_clock_time_day_entry_is_not_lost_in_the_intro():
    p = parse_page(seed_text().replace("Morning: Daily", "7:30 AM: Daily"))
    assert p.day[0][:2] == ("7:30 AM", "Daily Operations Huddle")
    assert p.day_intro == parse_page(seed_text()).day_intro


def test_closing_heading_with_a_colon_is_not_a_day_entry():
    p = parse_page(seed_text().replace("Ready to Engineer the Future of Pharmacy Operations?", "Your Next Step: Lead Pharmacy Operations"))
    assert len(p.day) == 3
    assert p.closing_heading == "Your Next Step: Lead Pharmacy Operations"
    assert p.closing.startswith("This critical leadership role")
    assert p.closing_link == "Explore All Operations Certifications"


def test_sentence_with_a_colon_inside_a_day_description():
    p = parse_page(seed_text().replace("You identify a bottleneck", "\nNext step: you identify a bottleneck"))
    assert len(p.day) == 3
    assert p.day[0][2].endswith("Next step: you identify a bottleneck in the IV room and assign a supervisor to investigate and report back with a solution.")


def test_prose_that_starts_like_a_section_heading_is_not_a_section():
    text = seed_text().replace("As the Operations Director, you are", "A day in the life of an Operations Director is never the same twice. You are", 1)
    p = parse_page(text)
    assert len(p.overview) == 2 and p.overview[1].startswith("A day in the life of an Operations Director")
    assert len(p.day) == 3 and p.day_intro == parse_page(seed_text()).day_intro


def test_short_tagline_starting_with_a_button_word():
    tagline = "See the whole pharmacy, end to end."
    p = parse_page(seed_text().replace(parse_page(seed_text()).tagline, tagline))
    assert p.tagline == tagline
    assert p.overview_heading == "The Conductor of Pharmacy Efficiency" and len(p.overview) == 2


def test_section_heading_variants():
    text = seed_text().replace("Core Responsibilities", "Key Responsibilities").replace("A Day in the Life", "A Day in the Life of a Director of Pharmacy Operations")
    p = parse_page(text)
    assert p.responsibilities == parse_page(seed_text()).responsibilities
    assert p.day == parse_page(seed_text()).day


def test_closing_without_text_keeps_heading_and_link():
    text = seed_text().replace(parse_page(seed_text()).closing + "\n", "")
    p = parse_page(text)
    assert (p.closing_heading, p.closing, p.closing_link) == ("Ready to Engineer the Future of Pharmacy Operations?", "", "Explore All Operations Certifications")
    assert p.day[2][2].endswith("without overspending on labor.")


def test_only_some_sections():
    text = seed_text()
    start, end = text.index("Core Responsibilities"), text.index("\nYour Certification Pathway")
    p = parse_page(text[:start] + text[end:])
    assert p.responsibilities == [] and len(p.certifications) == 4 and len(p.day) == 3
    p = parse_page(text[:end])
    assert len(p.responsibilities) == 4 and p.certifications == [] and p.day == []


# ----------------------------------------------------------------------------- malformed pages


def error_of(text: str) -> PageError:
    with pytest.raises(PageError) as e:
        parse_page(text)
    return e.value


@pytest.mark.parametrize("text", ["", "\n\n  \n\t\n", "\r\n\r\n"])
def test_empty_page(text):
    e = error_of(text)
    assert e.line == 1 and "empty" in e.message and "Career Path:" in e.message


def test_page_with_no_sections():
    text = "Career Path: Pharmacy Buyer – Council on Pharmacy Standards\nCAREER SPOTLIGHT\n\nPharmacy Buyer\n\nBuy medications for the pharmacy.\n\nSome more text about buying.\n"
    e = error_of(text)
    assert e.line == 6  # the first line after the title, where a section was expected
    assert "Core Responsibilities" in e.message and "Certification Pathway" in e.message and "Day in the Life" in e.message


def test_pathway_heading_without_certifications():
    text = seed_text()
    start, end = text.index("Excelling in pharmacy operations"), text.index("A Day in the Life")
    e = error_of(text[:start] + "These certifications are coming soon.\n\n" + text[end:])
    heading_line = text[:start].count("\n") - 1
    assert e.line == heading_line
    assert "expected certification blocks" in e.message and "View Details" in e.message
    assert "Your Certification Pathway to Operational Excellence" in e.message


def test_certification_without_description():
    text = seed_text().replace("Demonstrates your foundational and advanced skills in leading pharmacy teams, managing daily workflows, and driving departmental efficiency.\n", "")
    e = error_of(text)
    assert e.line == [ln.strip() for ln in text.splitlines()].index("CPOM") + 1
    assert "CPOM" in e.message and "no description" in e.message


def test_certification_without_name_or_description():
    text = seed_text().replace("Certified Pharmacy Supply Chain Manager\n\nValidates your expertise in the vital area of drug procurement, inventory control, and managing the pharmacy supply chain.\n", "")
    e = error_of(text)
    assert e.line == [ln.strip() for ln in text.splitlines()].index("CPSCM") + 1
    assert "CPSCM" in e.message and "full name" in e.message


def test_same_certification_twice():
    text = seed_text().replace("CPSCM\n\nCertified Pharmacy Supply Chain Manager", "CPOM\n\nCertified Pharmacy Operations Manager")
    e = error_of(text)
    assert e.line == 59 and "CPOM appears twice" in e.message  # the second CPOM, where CPSCM was


def test_day_heading_without_entries():
    text = seed_text()
    start = text.index("Morning: Daily")
    e = error_of(text[:start] + "It varies.\n")
    assert e.line == [ln.strip() for ln in text.splitlines()].index("A Day in the Life") + 1
    assert "expected day entries" in e.message


def test_responsibility_without_description():
    text = seed_text().replace("Overseeing automated dispensing cabinets, carousels, packagers, and other pharmacy technologies to ensure uptime and optimal use.\n", "")
    e = error_of(text)
    assert "Technology & Automation Management" in e.message and "no description" in e.message
    assert e.line == [ln.strip() for ln in text.splitlines()].index("Core Responsibilities") + 1


def test_non_utf8_bytes_name_their_line():
    raw = seed_text().encode().replace(b"Mid-Day", b"Mid\xe9Day")
    with pytest.raises(PageError) as e:
        read_page_bytes(raw)
    assert e.value.line == seed_text()[: seed_text().index("Mid-Day")].count("\n") + 1
    assert "UTF-8" in e.value.message and "0xe9" in e.value.message


def test_latin1_page_is_rejected_not_guessed():
    with pytest.raises(PageError) as e:
        read_page_bytes("Career Path: Directeur - Pharmacie\nCAREER SPOTLIGHT\nCafé\n".encode("latin-1"))
    assert e.value.line == 3


def test_oversized_page_is_rejected_before_decoding():
    raw = b"x" * (MAX_PAGE_BYTES + 1)
    with pytest.raises(PageError) as e:
        read_page_bytes(raw)
    assert e.value.line == 1 and "MB" in e.value.message
    assert read_page_bytes(b"ok") == "ok"


def test_page_error_str_names_the_line():
    e = error_of("")
    assert str(e).startswith("line 1: ")


def test_page_is_a_plain_dataclass():
    # parse results are compared field by field above; make sure the comparison covers every field
    assert {f.name for f in dataclasses.fields(Page)} == {
        "title", "tagline", "overview_heading", "overview", "responsibilities", "pathway_heading", "pathway_intro",
        "certifications", "day_intro", "day", "closing_heading", "closing", "closing_link",
    }  # fmt: skip


@pytest.mark.parametrize("heading", ["Director of Pharmacy Operations (DPO)", "Director of Pharmacy-Operations", "DIRECTOR OF PHARMACY OPERATIONS"])
def test_heading_that_spells_the_title_differently(heading):
    text = seed_text().replace("CAREER SPOTLIGHT\n\nDirector of Pharmacy Operations\n", f"CAREER SPOTLIGHT\n\n{heading}\n")
    assert text != seed_text()
    p = parse_page(text)
    assert facts(p) == facts(parse_page(seed_text()))  # title from the title line; tagline and overview unshifted


def test_other_wordings_of_the_section_headings():
    """Pages copied from other council templates name the sections a little differently."""
    seed = (Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_2fc4bd8256011c2d.txt")
    if not seed.exists():
        pytest.skip("seed page not present")
    text = seed.read_text(encoding="utf-8")
    for resp, path, day in [
        ("Key Responsibilities", "Recommended Certifications", "A Typical Day"),
        ("What You'll Do", "Your Certification Path to Excellence", "A Typical Day in the Life"),
    ]:
        page = parse_page(text.replace("Core Responsibilities", resp).replace("Your Certification Pathway to Operational Excellence", path).replace("A Day in the Life", day))
        assert (len(page.responsibilities), len(page.certifications), len(page.day)) == (4, 4, 3)
        assert page.pathway_heading == path


# ----------------------------------------------------------------------------- headings found by structure (issue 12)

HEADINGS = Path(__file__).resolve().parent / "pages" / "headings"


@pytest.mark.parametrize(
    "name, heading, codes",
    [
        ("pharmacy-informatics-manager.txt", "Certifications That Build Your Informatics Career", ["CPIP", "CPDA"]),
        ("diversion-program-manager.txt", "The Diversion Professional's Certification Pathway", ["CDPS", "CCSRM"]),
        ("specialty-pharmacy-services-manager.txt", "Certifications for Specialty Pharmacy Leaders", ["CSPL", "CPARS"]),
    ],
)
def test_a_pathway_heading_worded_otherwise_is_found_by_what_follows_it(name: str, heading: str, codes: list[str]) -> None:
    p = parse_page((HEADINGS / name).read_text(encoding="utf-8"))
    assert p.pathway_heading == heading
    assert [c.code for c in p.certifications] == codes
    assert p.pathway_intro.startswith("A diversion program is only as strong")
    assert [r[0] for r in p.responsibilities] == ["Surveillance & Analytics", "Investigations", "Policy & Education"]
    assert p.responsibilities[-1][1] == "Writing the controlled substance policies and teaching staff how to follow them."  # nothing merged into it


def test_a_closing_heading_with_full_stops_is_not_glued_to_the_last_day_entry() -> None:
    p = parse_page((HEADINGS / "diversion-program-manager.txt").read_text(encoding="utf-8"))
    assert p.day[-1][2] == "You interview a nurse whose waste pattern stood out, with human resources present, and document what you learn."
    assert (p.closing_heading, p.closing_link) == ("Protect Patients. Protect Your People.", "Explore Diversion Prevention Certifications")
    assert p.closing.startswith("This role is for the pharmacist")


def test_a_closing_heading_after_the_responsibilities_is_not_glued_to_the_last_one() -> None:
    text = (HEADINGS / "diversion-program-manager.txt").read_text(encoding="utf-8")
    last_section = text[: text.index("The Diversion Professional's")] + text[text.index("Protect Patients.") :]
    p = parse_page(last_section)
    assert p.responsibilities[-1][1] == "Writing the controlled substance policies and teaching staff how to follow them."
    assert p.closing_heading == "Protect Patients. Protect Your People."


def test_certifications_without_a_heading_are_refused_not_swallowed() -> None:
    text = (HEADINGS / "diversion-program-manager.txt").read_text(encoding="utf-8")
    no_heading = text.replace("The Diversion Professional's Certification Pathway\n\nA diversion program is only as strong as the people who run it. These credentials show you can lead one.\n\n", "")
    with pytest.raises(PageError) as e:
        parse_page(no_heading)
    line = no_heading.splitlines().index("CDPS") + 1
    assert e.value.line == line
    assert "CDPS looks like a certification" in e.value.message and "not under the certification pathway's heading" in e.value.message


def test_list_bullets_before_codes_and_day_entries_are_tolerated() -> None:
    """Web pages give list items a bullet; the pathway and the day read through it."""
    text = seed_text()
    for code in ("CHPOP", "CPOM", "CMSO", "CPSCM"):
        text = text.replace(f"{code}\n\nCertified", f"• {code}\n\nCertified")
    for label in ("Morning: Daily", "Mid-Day: Vendor", "Afternoon: Staffing"):
        text = text.replace(label, f"- {label}")
    assert facts(parse_page(text)) == facts(parse_page(seed_text()))


@pytest.mark.parametrize("heading", ["A Day on the Job", "Your Shift, Hour by Hour", "What the Work Looks Like"])
def test_a_day_heading_worded_otherwise_is_found_by_the_entries_after_it(heading: str) -> None:
    text = seed_text().replace("\nA Day in the Life\n", f"\n{heading}\n")
    assert heading in text
    p = parse_page(text)
    seed = parse_page(seed_text())
    assert p.day == seed.day and len(p.day) == 3  # entries are not lost (nor glued to the pathway) under another heading
    assert p.day_intro == seed.day_intro and p.certifications == seed.certifications


def test_midnight_is_a_time_of_day() -> None:
    text = seed_text().replace("Afternoon:", "Midnight:")
    assert "Midnight:" in text
    assert parse_page(text).day[-1][0] == "Midnight"


def test_numbered_responsibilities_and_steps_without_view_details():
    """Pages written as numbered lists ("1. Name: description", "Step 2. CODE — Name", no "View
    Details") read as the bulleted seed does."""
    import re

    seed = parse_page(seed_text())
    n = iter(range(1, 20))
    text = re.sub(r"  • (.+)\n\n    ", lambda m: f"{next(n)}. {m.group(1)}: ", seed_text())
    k = iter(range(1, 20))
    text = re.sub(r"\n(C[A-Z]{3,4})\n\n(Certified [^\n]+)\n", lambda m: f"\nStep {next(k)}. {m.group(1)} — {m.group(2)}\n", text)
    text = text.replace("View Details\n", "")
    p = parse_page(text)
    assert p.responsibilities == seed.responsibilities
    assert [(c.code, c.name, c.description) for c in p.certifications] == [(c.code, c.name, c.description) for c in seed.certifications]
    assert p.day == seed.day and p.day


def test_day_entries_written_on_one_line_are_read() -> None:
    text = seed_text()
    start, end = text.index("Morning: Daily"), text.index("Ready to Engineer")
    day = (
        "8:30 AM – Operations Huddle. You review the overnight turnaround times with the managers.\n\n"
        "Mid-Day - Vendor Meeting: you compare two carousel upgrades with the buyer.\n\n"
        "4:00 PM – Staffing Review. You adjust next week's schedule.\n\n"
    )
    p = parse_page(text[:start] + day + text[end:])
    assert p.day == [
        ("8:30 AM", "Operations Huddle", "You review the overnight turnaround times with the managers."),
        ("Mid-Day", "Vendor Meeting", "You compare two carousel upgrades with the buyer."),
        ("4:00 PM", "Staffing Review", "You adjust next week's schedule."),
    ]
    assert p.closing_heading == "Ready to Engineer the Future of Pharmacy Operations?"


def test_numbered_steps_under_a_heading_worded_otherwise_are_the_pathway() -> None:
    text = seed_text()
    a, b = text.index("Your Certification Pathway to"), text.index("A Day in the Life")
    steps = (
        "The Certifications That Build an Operations Career\n\nEach step builds on the one before.\n\n"
        "Step 1. CHPOP – Certified Hospital Pharmacy Operations Pharmacist: validates your hospital operations expertise.\n"
        "Step 2. CPOM – Certified Pharmacy Operations Manager: shows you can lead teams and workflows.\n\n"
    )
    p = parse_page(text[:a] + steps + text[b:])
    assert p.pathway_heading == "The Certifications That Build an Operations Career"
    assert certs(p) == [
        ("CHPOP", "Certified Hospital Pharmacy Operations Pharmacist", "Validates your hospital operations expertise."),
        ("CPOM", "Certified Pharmacy Operations Manager", "Shows you can lead teams and workflows."),
    ]
    assert len(p.day) == 3


def test_what_the_job_covers_heads_the_responsibilities() -> None:
    p = parse_page(seed_text().replace("Core Responsibilities", "WHAT THE JOB COVERS"))
    assert len(p.responsibilities) == len(parse_page(seed_text()).responsibilities)


def test_unbulleted_responsibilities_with_name_and_text_on_one_line() -> None:
    text = seed_text()
    a, b = text.index("Core Responsibilities"), text.index("Your Certification Pathway to")
    duties = (
        "Key Responsibilities\n\n"
        "Staff Scheduling — Building the weekly schedule for pharmacists and technicians.\n"
        "Vendor Audits: Reviewing each wholesaler's fill rate and credit memos every month.\n"
        "Shortage Response – Finding alternatives when a drug runs short.\n\n"
    )
    p = parse_page(text[:a] + duties + text[b:])
    assert p.responsibilities == [
        ("Staff Scheduling", "Building the weekly schedule for pharmacists and technicians."),
        ("Vendor Audits", "Reviewing each wholesaler's fill rate and credit memos every month."),
        ("Shortage Response", "Finding alternatives when a drug runs short."),
    ]
    assert len(certs(p)) == 4


def test_a_certifications_name_and_text_on_one_line_after_its_code() -> None:
    text = seed_text()
    a, b = text.index("Your Certification Pathway to"), text.index("A Day in the Life")
    steps = (
        "Your Certification Pathway\n\n"
        "CHPOP\nCertified Hospital Pharmacy Operations Pharmacist — validates your hospital operations expertise.\n\n"
        "CPOM\nCertified Pharmacy Operations Manager: shows you can lead teams and workflows.\n\n"
    )
    p = parse_page(text[:a] + steps + text[b:])
    assert certs(p) == [
        ("CHPOP", "Certified Hospital Pharmacy Operations Pharmacist", "Validates your hospital operations expertise."),
        ("CPOM", "Certified Pharmacy Operations Manager", "Shows you can lead teams and workflows."),
    ]


def test_day_labels_that_name_no_time_of_day_are_entries_where_they_stand() -> None:
    """"Before Opening", "Between Meetings", "Closing Time" on a day whose other labels are times:
    each is an entry, none is folded into the intro, a neighbour's text or the closing."""
    seed = parse_page(seed_text())
    text = seed_text().replace("Morning: Daily", "Before Opening: Daily").replace("Afternoon: Staffing", "Closing Time: Staffing")
    p = parse_page(text)
    assert [t for t, _, _ in p.day] == ["Before Opening", "Mid-Day", "Closing Time"]
    assert [(ti, d) for _, ti, d in p.day] == [(ti, d) for _, ti, d in seed.day]
    assert p.day_intro == seed.day_intro
    assert (p.closing_heading, p.closing, p.closing_link) == (seed.closing_heading, seed.closing, seed.closing_link)
    middle = parse_page(seed_text().replace("Mid-Day: Vendor", "Between Meetings: Vendor"))
    assert [t for t, _, _ in middle.day] == ["Morning", "Between Meetings", "Afternoon"]


def test_a_sub_heading_over_the_day_intro_or_a_closing_heading_stays_what_it_is() -> None:
    seed = parse_page(seed_text())
    p = parse_page(seed_text().replace("A Day in the Life\n\n", "A Day in the Life\n\nIn Short: A Busy Day\n\n", 1))
    assert p.day == seed.day
    assert p.day_intro.endswith(seed.day_intro)
    closing = "Your Next Step: Lead Pharmacy Operations"
    q = parse_page(seed_text().replace("Afternoon: Staffing", "Closing Time: Staffing").replace("Ready to Engineer the Future of Pharmacy Operations?", closing))
    assert [t for t, _, _ in q.day] == ["Morning", "Mid-Day", "Closing Time"]
    assert q.closing_heading == closing


def test_certifications_named_in_full_under_a_heading_worded_any_way() -> None:
    """"CODE – Certified …" lines, each with its text below, under "Certifications That Build an
    Operations Career": the pathway, as under "Your Certification Pathway"."""
    import re

    seed = parse_page(seed_text())
    text = re.sub(r"\n(C[A-Z]{3,4})\n\n(Certified [^\n]+)\n", lambda m: f"\n{m.group(1)} – {m.group(2)}\n", seed_text())
    text = text.replace("View Details\n", "")
    heading = next(line for line in seed_text().splitlines() if line.startswith("Your Certification Pathway"))
    text = text.replace(heading, "Certifications That Build an Operations Career")
    p = parse_page(text)
    assert certs(p) == certs(seed)
    assert p.day == seed.day and p.responsibilities == seed.responsibilities


@pytest.mark.parametrize("mark", ["- ", "• ", ""])
def test_bulleted_steps_with_the_name_and_a_sentence_after_the_code(mark: str) -> None:
    """"- Step 1 – CODE: Certified …. A sentence." : the bullet and the step number are marks, the
    full name ends at its full stop and the sentence after it is the description."""
    text = seed_text()
    a, b = text.index("CHPOP\n"), text.index("A Day in the Life")
    steps = (
        "Follow these steps in order:\n\n"
        f"{mark}Step 1 – CHPOP: Certified Hospital Pharmacy Operations Pharmacist. Validates your hospital operations expertise.\n"
        f"{mark}Step 2 – CPOM: Certified Pharmacy Operations Manager. Shows you can lead teams and workflows.\n\n"
    )
    p = parse_page(text[:a] + steps + text[b:])
    assert p.pathway_intro.endswith("Follow these steps in order:")
    assert certs(p) == [
        ("CHPOP", "Certified Hospital Pharmacy Operations Pharmacist", "Validates your hospital operations expertise."),
        ("CPOM", "Certified Pharmacy Operations Manager", "Shows you can lead teams and workflows."),
    ]
    assert len(p.day) == 3


def test_bulleted_steps_with_no_pathway_heading_are_refused_not_swallowed() -> None:
    text = seed_text()
    a, b = text.index("Your Certification Pathway to"), text.index("A Day in the Life")
    steps = "- Step 1 – CHPOP: Certified Hospital Pharmacy Operations Pharmacist. Validates your expertise.\n\n"
    with pytest.raises(PageError, match="CHPOP looks like a certification"):
        parse_page(text[:a] + steps + text[b:])


def test_numbered_steps_with_a_comma_after_the_code() -> None:
    """"Step 1. CODE, Certified …. A sentence.": the comma before a "Certified …" name separates
    it from the code as a dash or a colon would."""
    text = seed_text()
    a, b = text.index("CHPOP\n"), text.index("A Day in the Life")
    steps = (
        "Step 1. CHPOP, Certified Hospital Pharmacy Operations Pharmacist. Validates your hospital operations expertise.\n"
        "Step 2. CPOM, Certified Pharmacy Operations Manager. Shows you can lead teams and workflows.\n\n"
    )
    p = parse_page(text[:a] + steps + text[b:])
    assert certs(p) == [
        ("CHPOP", "Certified Hospital Pharmacy Operations Pharmacist", "Validates your hospital operations expertise."),
        ("CPOM", "Certified Pharmacy Operations Manager", "Shows you can lead teams and workflows."),
    ]


def test_responsibilities_written_as_paragraphs_are_a_sentence_each() -> None:
    """No bullets and no "Name: text" lines, only full sentences: each sentence is a
    responsibility, named by its own first words, nothing invented."""
    text = seed_text()
    a, b = text.index("Core Responsibilities\n"), text.index("Your Certification Pathway to")
    prose = (
        "Core Responsibilities\n\n"
        "You design and refine the dispensing and compounding workflows, measuring turnaround every week. "
        "You oversee the carousels and cabinets, working with vendors when one goes down.\n\n"
        "You keep the inventory lean and stocked, especially during drug shortages and recalls.\n\n"
    )
    p = parse_page(text[:a] + prose + text[b:])
    assert p.responsibilities == [
        ("Design and refine the dispensing", "You design and refine the dispensing and compounding workflows, measuring turnaround every week."),
        ("Oversee the carousels", "You oversee the carousels and cabinets, working with vendors when one goes down."),
        ("Keep the inventory lean", "You keep the inventory lean and stocked, especially during drug shortages and recalls."),
    ]
    assert len(p.certifications) == 4 and len(p.day) == 3


def test_a_lead_in_line_before_bulleted_responsibilities_is_skipped() -> None:
    text = seed_text()
    i = text.index("Core Responsibilities\n") + len("Core Responsibilities\n")
    p = parse_page(text[:i] + "\nIn this role, you will:\n" + text[i:])
    assert p.responsibilities == parse_page(text).responsibilities


@pytest.mark.parametrize(
    "day",
    [
        "7:30 AM\n\nYou review overnight turnaround times with the managers.\n\n3:00 PM\n\nYou adjust next week's schedule for the holidays.\n\n",
        "Early Morning\n\nYou review overnight turnaround times with the managers.\n\nAfternoon\n\nYou adjust next week's schedule for the holidays.\n\n",
        "7:30 AM – You review overnight turnaround times with the managers.\n\n3:00 PM – You adjust next week's schedule for the holidays.\n\n",
    ],
)
def test_day_entries_with_no_title_are_named_by_their_own_words(day: str) -> None:
    """A time alone on its line over its text, or a time then a sentence: no title is invented,
    the sentence's first words name the entry (before, "7:30 AM" alone read as "7" and "30 AM")."""
    text = seed_text()
    a, b = text.index("Morning: Daily"), text.index("Ready to Engineer")
    p = parse_page(text[:a] + day + text[b:])
    assert [(t, title) for t, title, _ in p.day] in (
        [("7:30 AM", "Review overnight turnaround times"), ("3:00 PM", "Adjust next week's schedule")],
        [("Early Morning", "Review overnight turnaround times"), ("Afternoon", "Adjust next week's schedule")],
    )
    assert p.day[1][2] == "You adjust next week's schedule for the holidays."
    assert p.closing_heading.startswith("Ready to Engineer")


def test_a_label_dash_title_then_a_sentence_is_one_entry() -> None:
    text = seed_text()
    a, b = text.index("Morning: Daily"), text.index("Ready to Engineer")
    day = "Early Morning - Coverage Check: You assign technicians to the admitting units.\n\nEvening - Handoff: You brief the evening lead on pending work.\n\n"
    p = parse_page(text[:a] + day + text[b:])
    assert p.day == [
        ("Early Morning", "Coverage Check", "You assign technicians to the admitting units."),
        ("Evening", "Handoff", "You brief the evening lead on pending work."),
    ]


@pytest.mark.parametrize("label", ["Start of the Day", "Early in the Day", "End of the Shift"])
def test_a_day_label_of_four_words_is_an_entry_not_intro(label: str) -> None:
    """"Start of the Day: Daily Operations Huddle": before, a label of four words was not read as
    one, and the entry vanished into the day's intro."""
    p = parse_page(seed_text().replace("Morning: Daily Operations Huddle", f"{label}: Daily Operations Huddle"))
    assert p.day[0][:2] == (label, "Daily Operations Huddle")
    assert len(p.day) == 3 and "huddle" not in p.day_intro


def test_paragraph_responsibilities_that_name_themselves_first_keep_their_names() -> None:
    """"Price Data Review. You pull the weekly price files …": a short capitalised name ended by a
    full stop is the responsibility's name, the sentences after it its text (not a duty each)."""
    text = seed_text()
    a, b = text.index("Core Responsibilities\n"), text.index("Your Certification Pathway to")
    prose = (
        "Core Responsibilities\n\n"
        "Price Data Review. You pull the weekly price files and flag every change above five percent.\n\n"
        "Payer Contract Checks. You compare contract rates with what was paid. You chase every gap.\n\n"
    )
    p = parse_page(text[:a] + prose + text[b:])
    assert p.responsibilities == [
        ("Price Data Review", "You pull the weekly price files and flag every change above five percent."),
        ("Payer Contract Checks", "You compare contract rates with what was paid. You chase every gap."),
    ]


# ----------------------------------------------------------------------------- layouts blind writers used (round 65)


def _seed_with(section: str, replacement: str) -> str:
    """The seed page with one section's body replaced: ``section`` is "pathway" or "day"."""
    text = seed_text()
    if section == "pathway":
        a, b = text.index("Your Certification Pathway to"), text.index("A Day in the Life")
    else:
        a, b = text.index("A Day in the Life"), text.index("Ready to Engineer")
    return text[:a] + replacement + text[b:]


ONE_LINE_CERTS = [
    ("CHPOP", "Certified Hospital Pharmacy Operations Pharmacist", "Validates your hospital operations expertise."),
    ("CPOM", "Certified Pharmacy Operations Manager", "Shows you can lead teams and workflows."),
]


@pytest.mark.parametrize("mark", ["== {} ==", "=== {} ===", "## {}"])
def test_wiki_and_markdown_headings_are_headings(mark: str) -> None:
    """"== Key Responsibilities ==": before, the marks hid the heading and the responsibilities
    (and a pathway of one-line steps) landed in the overview."""
    text = seed_text()
    for heading in ("The Conductor of Pharmacy Efficiency", "Core Responsibilities", "Your Certification Pathway to Operational Excellence", "A Day in the Life"):
        text = text.replace(f"\n{heading}\n", "\n" + mark.format(heading) + "\n")
    assert facts(parse_page(text)) == facts(parse_page(seed_text()))
    steps = "== Certification Pathway ==\n\n1. Certified Hospital Pharmacy Operations Pharmacist (CHPOP) — Validates your hospital operations expertise.\n2. Certified Pharmacy Operations Manager (CPOM) — Shows you can lead teams and workflows.\n\n"
    p = parse_page(_seed_with("pathway", steps).replace("\nCore Responsibilities\n", "\n== Key Responsibilities ==\n"))
    assert p.pathway_heading == "Certification Pathway" and certs(p) == ONE_LINE_CERTS
    assert len(p.responsibilities) == 4 and len(p.overview) == 2


@pytest.mark.parametrize(
    "heading, steps",
    [
        ("PATHWAY TO CERTIFICATION", "1) Certified Hospital Pharmacy Operations Pharmacist (CHPOP) - {0}\n2) Certified Pharmacy Operations Manager (CPOM) - {1}\n"),
        ("Certification Pathway", "Step 1 - Certified Hospital Pharmacy Operations Pharmacist (CHPOP): {0}\nStep 2 - Certified Pharmacy Operations Manager (CPOM): {1}\n"),
        ("Certification Pathway", "1. Certified Hospital Pharmacy Operations Pharmacist (CHPOP) — {0}\n2. Certified Pharmacy Operations Manager (CPOM) — {1}\n"),
        ("Certification Pathway", "- CHPOP (Certified Hospital Pharmacy Operations Pharmacist): {0}\n- CPOM (Certified Pharmacy Operations Manager): {1}\n"),
        ("Certification Pathway", "1. Certified Hospital Pharmacy Operations Pharmacist (CHPOP). {0}\n2. Certified Pharmacy Operations Manager (CPOM). {1}\n"),
        ("How You Get There", "- CHPOP (Certified Hospital Pharmacy Operations Pharmacist): {0}\n- CPOM (Certified Pharmacy Operations Manager): {1}\n"),
    ],
)
def test_steps_written_on_one_line_with_the_code_in_brackets(heading: str, steps: str) -> None:
    """"1) Certified … (CODE) - why", "Step 1 - Certified … (CODE): why", "- CODE (Certified …): why":
    before, refused, or (under "PATHWAY TO CERTIFICATION") read as responsibilities, no pathway."""
    p = parse_page(_seed_with("pathway", f"{heading}\n\n" + steps.format(ONE_LINE_CERTS[0][2], ONE_LINE_CERTS[1][2]) + "\n"))
    assert p.pathway_heading == heading
    assert certs(p) == ONE_LINE_CERTS
    assert p.responsibilities == parse_page(seed_text()).responsibilities and len(p.day) == 3


def test_one_line_steps_with_no_heading_are_refused_not_swallowed() -> None:
    text = seed_text()
    a = text.index("Your Certification Pathway to")
    text = text[:a] + "1) Certified Pharmacy Operations Manager (CPOM) - Shows you can lead teams and workflows.\n\n" + text[text.index("A Day in the Life") :]
    e = error_of(text)
    assert e.line == text[:a].count("\n") + 1 and "CPOM looks like a certification" in e.message


def test_a_certification_heading_over_steps_it_cannot_read_is_refused() -> None:
    """A page whose pathway cannot be read is refused where its heading is, not imported as a
    role with no pathway and its steps as responsibilities."""
    steps = "How to Get Certified\n\n1) Operations Pharmacist Credential [CHPOP] - validates your expertise.\n2) Operations Manager Credential [CPOM] - shows you can lead.\n\n"
    text = _seed_with("pathway", steps)
    e = error_of(text)
    assert e.line == text.splitlines().index("How to Get Certified") + 1
    assert "expected certification blocks" in e.message and "How to Get Certified" in e.message


LABELS = ["At Opening", "After Lunch", "End of Day", "Closing", "Mid-Morning", "Before Close", "Shift Start", "Start of Shift", "Handover", "Toward the End"]


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize(
    "form, entry",
    [
        ("{}: Vault Count\n\nYou count the vault and sign the log.\n\n", ("Vault Count", "You count the vault and sign the log.")),
        ("{}: you count the vault and sign the log.\n\n", ("Count the vault", "You count the vault and sign the log.")),
        ("{}: You count the vault.\n\n", ("Count the vault", "You count the vault.")),
        ("{}\n\nYou count the vault and sign the log.\n\n", ("Count the vault", "You count the vault and sign the log.")),
    ],
)
def test_day_labels_naming_a_moment_of_the_working_day(label: str, form: str, entry: tuple[str, str]) -> None:
    """"At Opening", "Before Close", "Closing" … name a moment of the day, with a title or a sentence
    (lower-case or short) after them: each is an entry, not intro nor a neighbour's text."""
    seed = parse_page(seed_text())
    day = "A Day in the Life\n\nYour day is a hands-on mix.\n\nMorning: Daily Huddle\n\nYou lead the huddle.\n\n" + form.format(label) + "Afternoon: Staffing Review\n\nYou adjust the schedule.\n\n"
    p = parse_page(_seed_with("day", day))
    assert p.day == [("Morning", "Daily Huddle", "You lead the huddle."), (label, *entry), ("Afternoon", "Staffing Review", "You adjust the schedule.")]
    assert p.day_intro == "Your day is a hands-on mix." and p.closing_heading == seed.closing_heading


def test_a_title_made_from_the_text_ends_on_its_noun_phrase() -> None:
    """"Dawn: A new concentration of a drip is added …": the title is the noun phrase, not seven
    words cut mid-phrase ("A new concentration of a drip is")."""
    day = "A Day in the Life\n\nDawn: A new concentration of a drip is added to the library, so you update the pump limits.\n\nDusk: You sign off the day's batches and log what is still open.\n\n"
    p = parse_page(_seed_with("day", day))
    assert [(t, title) for t, title, _ in p.day] == [("Dawn", "A new concentration of a drip"), ("Dusk", "Sign off the day's batches")]


# ----------------------------------------------------------------------------- layouts blind writers used (round 65, wave 2)


THREE_CERTS = [*ONE_LINE_CERTS, ("CMSO", "Certified Medication Safety Officer", "Proves you keep patients safe every day.")]


@pytest.mark.parametrize(
    "heading, steps",
    [
        ("Certification Pathway", "First, CHPOP – Certified Hospital Pharmacy Operations Pharmacist: {0}\n\nSecond, CPOM (Certified Pharmacy Operations Manager): {1}\n\nFinally, Certified Medication Safety Officer (CMSO) – {2}\n"),
        ("Your Certification Pathway", "First, CHPOP – Certified Hospital Pharmacy Operations Pharmacist: {0}\nThen, CPOM – Certified Pharmacy Operations Manager: {1}\nNext, CMSO – Certified Medication Safety Officer: {2}\n"),
        ("Certification Pathway", "First: CHPOP (Certified Hospital Pharmacy Operations Pharmacist): {0}\nThen: CPOM (Certified Pharmacy Operations Manager): {1}\nFinally: CMSO (Certified Medication Safety Officer): {2}\n"),
        ("Certification Pathway", "1st – Certified Hospital Pharmacy Operations Pharmacist (CHPOP) – {0}\n2nd – Certified Pharmacy Operations Manager (CPOM) – {1}\n3rd – Certified Medication Safety Officer (CMSO) – {2}\n"),
        ("How You Get There", "First, CHPOP – Certified Hospital Pharmacy Operations Pharmacist: {0}\nNext, CPOM – Certified Pharmacy Operations Manager: {1}\nLastly, CMSO – Certified Medication Safety Officer: {2}\n"),
    ],
)
def test_steps_led_by_ordinal_words(heading: str, steps: str) -> None:
    """"First, CMSO – Certified …: why", "Then, …", "1st – …": before, refused, or the first steps
    went into the pathway's intro and the last kept "Finally," in its name."""
    p = parse_page(_seed_with("pathway", f"{heading}\n\n" + steps.format(*(c[2] for c in THREE_CERTS)) + "\n"))
    assert p.pathway_heading == heading and p.pathway_intro == ""
    assert certs(p) == THREE_CERTS
    assert p.responsibilities == parse_page(seed_text()).responsibilities and len(p.day) == 3


def test_ordinal_words_before_anything_but_a_step_stay_text() -> None:
    steps = "Certification Pathway\n\nFirst, you need two years on the job.\n\nFirst, CPOM – Certified Pharmacy Operations Manager: Shows you can lead teams.\n\n"
    p = parse_page(_seed_with("pathway", steps))
    assert p.pathway_intro == "First, you need two years on the job."
    assert certs(p) == [("CPOM", "Certified Pharmacy Operations Manager", "Shows you can lead teams.")]
    e = error_of(_seed_with("pathway", "First, CPOM – Certified Pharmacy Operations Manager: Shows you can lead teams.\n\n"))
    assert "CPOM looks like a certification" in e.message  # no heading above it: refused, not swallowed


def test_a_day_written_as_paragraphs_is_refused_saying_what_to_add() -> None:
    """Day entries need a time (``time`` is required in the role file), so paragraphs with none are
    refused; the message says what to add, with the page's own first words as the example."""
    day = (
        "A Day in the Life\n\nFirst thing in the morning, you review the overnight orders and check the queue.\n\n"
        "By midmorning you are on the floor, walking the units with the charge nurses.\n\n"
    )
    text = _seed_with("day", day)
    e = error_of(text)
    lines = text.splitlines()
    assert e.line == lines.index("A Day in the Life") + 1
    assert f"the text from line {lines.index(day.split(chr(10))[2]) + 1} on says no time of day" in e.message
    assert "'Early Morning: First thing in the morning, you …'" in e.message and "'7:30 AM: …'" in e.message


@pytest.mark.parametrize(
    "day, expected",
    [
        (
            "early morning: you check the queue for anything urgent.\nlate morning: you walk the units with the charge nurses.\nafternoon: you go over the week's numbers.\n",
            [("Early morning", "Check the queue"), ("Late morning", "Walk the units"), ("Afternoon", "Go over the week's numbers")],
        ),
        (
            "Before opening: you count the vault and check the fridge logs.\n\nMid-morning: you walk the units with the charge nurses.\n\nEnd of shift: you sign the logs.\n",
            [("Before opening", "Count the vault"), ("Mid-morning", "Walk the units"), ("End of shift", "Sign the logs")],
        ),
        (
            "early morning: queue check\nyou check the queue for anything urgent.\nlate morning: unit rounds\nyou walk the units with the charge nurses.\n",
            [("Early morning", "queue check"), ("Late morning", "unit rounds")],
        ),
    ],
)
def test_lower_case_day_labels_are_an_entry_each(day: str, expected: list[tuple[str, str]]) -> None:
    """"early morning: you check …", "Before opening: you …": before, the whole day was one entry
    (or its first part the day's intro)."""
    p = parse_page(_seed_with("day", f"A Day in the Life\n\nA steady day.\n\n{day}\n"))
    assert [(t, title) for t, title, _ in p.day] == expected
    assert p.day_intro == "A steady day." and p.day[1][2].lower().startswith("you walk the units")
    assert p.closing_heading == parse_page(seed_text()).closing_heading


@pytest.mark.parametrize(
    "day",
    [
        "Early Morning. You review the overnight report and flag anything late.\n\nAfternoon. You walk the units with the charge nurses.\n",
        "Early morning - you review the overnight report and flag anything late.\n\nAfternoon - you walk the units with the charge nurses.\n",
        "7:30 am – you review the overnight report and flag anything late.\n\n2:00 pm – you walk the units with the charge nurses.\n",
        "7:30 AM — You review the overnight report. Anything late gets flagged.\n\n2:00 PM — You walk the units. The nurses raise problems.\n",
    ],
)
def test_a_time_then_a_sentence_is_an_entry_named_by_its_words(day: str) -> None:
    """A time with no title of its own, then the sentence: before, refused ("Early Morning. You …",
    lower case), or its first sentence taken for the title ("You review the overnight report")."""
    p = parse_page(_seed_with("day", f"A Day in the Life\n\n{day}\n"))
    assert [title for _, title, _ in p.day] == ["Review the overnight report", "Walk the units"]
    assert p.day[0][2].lower().startswith("you review the overnight report") and p.day[1][0] in ("Afternoon", "2:00 pm", "2:00 PM")


def test_one_line_in_a_description_that_opens_with_a_time_word_stays_text() -> None:
    """Only several such lines make entries: "Most days run late: …" inside a description is text."""
    day = "A Day in the Life\n\nMorning: Daily Huddle\n\nYou lead the huddle.\n\nMost days run late: you stay on to finish.\n\nAfternoon: Staffing Review\n\nYou adjust the schedule.\n\n"
    p = parse_page(_seed_with("day", day))
    assert p.day[0] == ("Morning", "Daily Huddle", "You lead the huddle. Most days run late: you stay on to finish.") and len(p.day) == 2


# ----------------------------------------------------------------------------- layouts blind writers used (round 65, wave 3)


def _seed_duties(replacement: str) -> str:
    """The seed page with its responsibilities section (heading and list) replaced."""
    text = seed_text()
    a, b = text.index("Core Responsibilities"), text.index("Your Certification Pathway to")
    return text[:a] + replacement + text[b:]


DUTIES = [("Workflow Design", "You design the dispensing workflows."), ("Automation", "You keep the cabinets running every day.")]


@pytest.mark.parametrize(
    "heading, duties",
    [
        ("Responsibilities at a Glance", "- Workflow Design: {0}\n- Automation: {1}\n"),
        ("Responsibilities at a Glance", "Workflow Design: {0}\nAutomation: {1}\n"),
        ("Responsibilities at a Glance", "Workflow Design\n{0}\nAutomation\n{1}\n"),
        ("What You'll Do Every Day", "• Workflow Design\n\n{0}\n\n• Automation\n\n{1}\n"),
        ("The Work Itself", "- Workflow Design: {0}\n- Automation: {1}\n"),
        ("Duties You Own", "1. Workflow Design: {0}\n2. Automation: {1}\n"),
    ],
)
def test_a_duties_heading_worded_otherwise_over_a_list_heads_the_responsibilities(heading: str, duties: str) -> None:
    """"Responsibilities at a Glance" over a list: before, the heading and the duties were read as
    overview paragraphs and the role had no responsibilities."""
    p = parse_page(_seed_duties(f"{heading}\n\n" + duties.format(*(d for _, d in DUTIES)) + "\n"))
    assert p.responsibilities == DUTIES
    assert p.overview == parse_page(seed_text()).overview and len(p.certifications) == 4


@pytest.mark.parametrize(
    "heading",
    [
        "What You'll Be Doing",
        "What You’ll Be Doing",
        "What You Will Be Doing",
        "WHAT YOU'LL BE DOING",
        "Here's What You'll Do",
        "The Work",
        "On the Job",
        "Your Day-to-Day",
        "In This Role, You Will:",
        "2. What You'll Be Doing",
        "What Does the Job Involve?",
        "What will the role involve?",
    ],
)
@pytest.mark.parametrize("layout", ["1. {0}: {1}\n2. {2}: {3}\n", "- {0}: {1}\n- {2}: {3}\n", "{0}: {1}\n{2}: {3}\n"])
def test_duties_under_a_heading_in_other_words_are_the_responsibilities(heading: str, layout: str) -> None:
    """"What You'll Be Doing" over "1. Item Record Builds: …" (the Pharmacy Item Master Data Steward
    page): before, the heading and every duty were read as overview paragraphs, the role had no
    responsibilities, and the import said nothing."""
    p = parse_page(_seed_duties(f"{heading}\n\n" + layout.format(*(x for duty in DUTIES for x in duty)) + "\n"))
    assert p.responsibilities == DUTIES
    assert p.overview == parse_page(seed_text()).overview and len(p.certifications) == 4 and len(p.day) == 3


@pytest.mark.parametrize("heading", ["On the Job", "The Work", "Your Day-to-Day", "What does the job involve?"])
def test_a_duties_heading_over_a_paragraph_stays_the_overview(heading: str) -> None:
    """The new wordings head the responsibilities over a list only: over a paragraph they stay the overview's heading."""
    p = parse_page(seed_text().replace("The Conductor of Pharmacy Efficiency", heading))
    assert p.overview_heading == heading and len(p.overview) == 2 and len(p.responsibilities) == 4


@pytest.mark.parametrize("heading", ["Why You'll Love It", "Inside the Role", "Overview"])
@pytest.mark.parametrize("layout", ["- Workflow Design: {0}\n- Automation: {1}\n", "Workflow Design: {0}\nAutomation: {1}\n"])
def test_an_unknown_heading_over_a_list_before_the_sections_is_refused_on_its_line(heading: str, layout: str) -> None:
    """A heading the parser cannot place, over a list, with the page's duties elsewhere: before, the
    heading and its list were silently read as overview paragraphs."""
    text = seed_text().replace("Core Responsibilities", f"{heading}\n\n" + layout.format(*(d for _, d in DUTIES)) + "\nCore Responsibilities")
    with pytest.raises(PageError) as e:
        parse_page(text)
    assert e.value.line == text.splitlines().index(heading) + 1
    assert f"'{heading}' heads a list" in e.value.message and "overview" in e.value.message and "Key Responsibilities" in e.value.message


def test_the_only_duties_under_an_unknown_heading_are_refused_not_made_overview() -> None:
    """A page whose duties are under a heading in words the parser does not know ("Inside the Role"):
    refused on the heading's line, never imported with the duties as overview and no responsibilities."""
    text = _seed_duties("Inside the Role\n\n1. Workflow Design: You design the dispensing workflows.\n2. Automation: You keep the cabinets running.\n\n")
    with pytest.raises(PageError) as e:
        parse_page(text)
    assert e.value.line == text.splitlines().index("Inside the Role") + 1 and "'Inside the Role' heads a list" in e.value.message


def test_a_second_duties_list_in_the_overview_is_refused() -> None:
    """"On the Job" over a list in the overview of a page whose responsibilities are under "Core
    Responsibilities": two lists of duties, one of them would be overview; refused on its line."""
    text = seed_text().replace("Core Responsibilities", "On the Job\n\n- Workflow Design: You design workflows.\n- Automation: You run the cabinets.\n\nCore Responsibilities")
    with pytest.raises(PageError) as e:
        parse_page(text)
    assert e.value.line == text.splitlines().index("On the Job") + 1
    assert "already under 'Core Responsibilities'" in e.value.message


def test_a_second_responsibilities_heading_is_refused_not_read_as_a_duty() -> None:
    """"What You'll Be Doing" over a list, then "Core Responsibilities" over the seed's list: before,
    "Core Responsibilities" was read as the end of the duty "Automation"'s description."""
    text = seed_text().replace("Core Responsibilities", "What You'll Be Doing\n\n- Workflow Design: You design workflows.\n- Automation: You run the cabinets.\n\nCore Responsibilities")
    with pytest.raises(PageError) as e:
        parse_page(text)
    assert e.value.line == text.splitlines().index("Core Responsibilities") + 1
    assert "second responsibilities heading" in e.value.message and "'What You'll Be Doing' on line" in e.value.message


def test_a_short_overview_line_over_a_paragraph_is_no_duties_heading() -> None:
    text = seed_text().replace("The Conductor of Pharmacy Efficiency", "The Work Behind Every Dose")
    p = parse_page(text)
    assert p.overview_heading == "The Work Behind Every Dose" and len(p.overview) == 2 and len(p.responsibilities) == 4


@pytest.mark.parametrize(
    "steps",
    [
        "CHPOP – Certified Hospital Pharmacy Operations Pharmacist: {0}\nCPOM – Certified Pharmacy Operations Manager: {1}\nCMSO – Certified Medication Safety Officer: {2}\n",
        "Every step proves a skill.\n\nCHPOP – Certified Hospital Pharmacy Operations Pharmacist: {0}\nCPOM – Certified Pharmacy Operations Manager: {1}\nCMSO – Certified Medication Safety Officer: {2}\n",
    ],
)
def test_a_short_heading_over_one_line_steps_is_the_pathway(steps: str) -> None:
    """"Building Your Credentials" over "CODE – Certified …: why" lines: before, refused as
    certifications with no pathway heading."""
    p = parse_page(_seed_with("pathway", "Building Your Credentials\n\n" + steps.format(*(c[2] for c in THREE_CERTS)) + "\n"))
    assert p.pathway_heading == "Building Your Credentials" and certs(p) == THREE_CERTS
    assert len(p.responsibilities) == 4 and len(p.day) == 3


def test_a_credentials_heading_then_an_intro_then_a_list_of_steps_is_the_pathway() -> None:
    """Steps whose names do not say "Certified" under "Building Your Credentials" and an intro:
    before, they were read as two more responsibilities and the role had no pathway."""
    steps = "Building Your Credentials\n\nEach one proves a skill.\n\n- CHPOP – Hospital Operations Credential: Validates your expertise.\n- CPOM – Operations Manager Credential: Shows you can lead.\n\n"
    p = parse_page(_seed_with("pathway", steps))
    assert p.pathway_heading == "Building Your Credentials" and p.pathway_intro == "Each one proves a skill."
    assert certs(p) == [("CHPOP", "Hospital Operations Credential", "Validates your expertise."), ("CPOM", "Operations Manager Credential", "Shows you can lead.")]
    assert p.responsibilities == parse_page(seed_text()).responsibilities


@pytest.mark.parametrize("view", ["View Details\n\n", ""])
@pytest.mark.parametrize("heading", ["Your Certification Pathway", "Building Your Credentials"])
def test_a_step_number_alone_above_each_block_keeps_every_step(heading: str, view: str) -> None:
    """"Step 1", "Step 2" … alone above each code block: before, only the first step was kept (the
    rest became the closing, or "Step 2" a description's last words, or "Step 1" the heading)."""
    blocks = "".join(f"Step {k}\n\n{code}\n\n{name}\n\n{desc}\n\n{view}" for k, (code, name, desc) in enumerate(THREE_CERTS, 1))
    p = parse_page(_seed_with("pathway", f"{heading}\n\nThese prove your skills.\n\n{blocks}"))
    assert p.pathway_heading == heading and p.pathway_intro == "These prove your skills."
    assert certs(p) == THREE_CERTS
    assert p.closing_heading == parse_page(seed_text()).closing_heading


@pytest.mark.parametrize(
    "steps",
    [
        "Step 1 → CHPOP – Certified Hospital Pharmacy Operations Pharmacist: {0}\nStep 2 → CPOM – Certified Pharmacy Operations Manager: {1}\nStep 3 → CMSO – Certified Medication Safety Officer: {2}\n",
        "Step 1 -> CHPOP -> Certified Hospital Pharmacy Operations Pharmacist: {0}\nStep 2 -> CPOM -> Certified Pharmacy Operations Manager: {1}\nStep 3 -> CMSO -> Certified Medication Safety Officer: {2}\n",
        "1 => Certified Hospital Pharmacy Operations Pharmacist (CHPOP) => {0}\n2 => Certified Pharmacy Operations Manager (CPOM) => {1}\n3 => Certified Medication Safety Officer (CMSO) => {2}\n",
        "- CHPOP → Certified Hospital Pharmacy Operations Pharmacist → {0}\n- CPOM → Certified Pharmacy Operations Manager → {1}\n- CMSO → Certified Medication Safety Officer → {2}\n",
    ],
)
def test_steps_written_with_arrows(steps: str) -> None:
    """"Step 1 → CODE – Certified …: why": before, refused (no step read)."""
    p = parse_page(_seed_with("pathway", "Your Certification Pathway\n\n" + steps.format(*(c[2] for c in THREE_CERTS)) + "\n"))
    assert certs(p) == THREE_CERTS and p.pathway_intro == ""


def test_an_arrow_in_a_description_stays_text() -> None:
    steps = "Your Certification Pathway\n\nCPOM\n\nCertified Pharmacy Operations Manager\n\nTakes you from shift lead -> manager.\n\nView Details\n\n"
    assert certs(parse_page(_seed_with("pathway", steps))) == [("CPOM", "Certified Pharmacy Operations Manager", "Takes you from shift lead -> manager.")]


COMMA_DAY = (
    "A Day in the Life\n\nYour day is busy.\n\n"
    "First thing, you count the controlled substances in the vault.\n\n"
    "Mid-morning, you walk the units with the charge nurses.\n\n"
    "Before noon, you review the pump library changes.\n\n"
    "At the end of the shift, you hand over the open orders.\n\n"
)


def test_day_parts_opened_by_a_moment_and_a_comma_are_an_entry_each() -> None:
    """"First thing, you …", "Mid-morning, you …": before, refused as a day with no times."""
    p = parse_page(_seed_with("day", COMMA_DAY))
    assert [(t, title) for t, title, _ in p.day] == [
        ("First thing", "Count the controlled substances in the vault"),
        ("Mid-morning", "Walk the units"),
        ("Before noon", "Review the pump library changes"),
        ("At the end of the shift", "Hand over the open orders"),
    ]
    assert p.day_intro == "Your day is busy." and p.day[1][2] == "You walk the units with the charge nurses."
    assert p.closing_heading == parse_page(seed_text()).closing_heading


def test_a_comma_after_the_whole_day_or_inside_a_description_stays_text() -> None:
    """"Every day, you …" over the parts is the intro; one "Later in the morning, you …" inside an
    entry's description is its text."""
    p = parse_page(_seed_with("day", COMMA_DAY.replace("Your day is busy.", "Every day, you balance the vault and the floor.")))
    assert p.day_intro == "Every day, you balance the vault and the floor." and len(p.day) == 4
    day = "A Day in the Life\n\nMorning: Daily Huddle\n\nYou lead the huddle.\n\nLater in the morning, you call the vendor.\n\nAfternoon: Staffing Review\n\nYou adjust the schedule.\n\n"
    p = parse_page(_seed_with("day", day))
    assert p.day[0] == ("Morning", "Daily Huddle", "You lead the huddle. Later in the morning, you call the vendor.") and len(p.day) == 2


@pytest.mark.parametrize(
    "first, entry",
    [
        ("Early morning, you count the vault and reconcile the log.\n\n", ("Early morning", "Count the vault")),
        ("First thing, you count the vault and reconcile the log.\n\n", ("First thing", "Count the vault")),
        ("At the start of the shift, you count the vault and reconcile the log.\n\n", ("At the start of the shift", "Count the vault")),
        ("Early Morning (6:00 AM): Vault Count\nYou count the vault and reconcile the log.\n\n", ("Early Morning (6:00 AM)", "Vault Count")),
    ],
)
def test_a_first_day_part_labelled_its_own_way_is_not_the_intro(first: str, entry: tuple[str, str]) -> None:
    """The day's first part labelled differently from the later ones: before, it was folded into
    the day's intro."""
    day = f"A Day in the Life\n\nYour day is busy.\n\n{first}Mid-Morning: Unit Rounds\n\nYou walk the units.\n\nAfternoon: Batch Review\n\nYou sign off the batches.\n\n"
    p = parse_page(_seed_with("day", day))
    assert p.day_intro == "Your day is busy."
    assert [(t, title) for t, title, _ in p.day] == [entry, ("Mid-Morning", "Unit Rounds"), ("Afternoon", "Batch Review")]


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("You review a near miss where an oral syringe was filled to the wrong volume.", "Review a near miss"),
        ("You pull a report of claimants on high-dose opioids for the nurse.", "Pull a report of claimants"),
        ("You run a short huddle on the most urgent rejections of the night.", "Run a short huddle"),
        ("You count the pharmacy's schedule II stock against its records and sign.", "Count the pharmacy's schedule II stock"),
        ("You sign the daily log of the refrigerated vaccines stored overnight.", "Sign the daily log"),
    ],
)
def test_a_title_made_from_the_text_never_ends_mid_phrase(sentence: str, title: str) -> None:
    """Before: "Review a near miss where an oral", "… on high-dose", "… on the most", "… against",
    "… of the refrigerated"."""
    day = f"A Day in the Life\n\n7:30 AM – {sentence}\n\n2:00 PM – You walk the units with the charge nurses.\n\n"
    assert [t for _, t, _ in parse_page(_seed_with("day", day)).day] == [title, "Walk the units"]


@pytest.mark.parametrize(
    "first, second, times",
    [
        ("07:45 | Report Queue", "14:00 | Staffing Review", ["07:45", "14:00"]),
        ("07:45 / Report Queue", "14:00 / Staffing Review", ["07:45", "14:00"]),
        ("07:45 • Report Queue", "14:00 • Staffing Review", ["07:45", "14:00"]),
        ("07:45 · Report Queue", "14:00 · Staffing Review", ["07:45", "14:00"]),
        ("7:45 AM | Report Queue", "2:00 PM | Staffing Review", ["7:45 AM", "2:00 PM"]),
        ("7:45 a.m. | Report Queue", "2 PM | Staffing Review", ["7:45 a.m.", "2 PM"]),
        ("- 07:45-09:00 | Report Queue", "- 14:00 | Staffing Review", ["07:45-09:00", "14:00"]),
        ("07:45 Report Queue", "14:00 Staffing Review", ["07:45", "14:00"]),
    ],
)
def test_a_clock_time_then_a_pipe_slash_or_dot_is_never_split_inside_itself(first: str, second: str, times: list[str]) -> None:
    """"07:45 | Report Queue": before, split at its first colon into time "07" and title "45 |
    Report Queue" (and "2 PM | …" was folded into the entry before it)."""
    day = f"A Day in the Life\n\nYour day is busy.\n\n{first}\nYou work the report queue.\n\n{second}\nYou adjust the schedule.\n\n"
    p = parse_page(_seed_with("day", day))
    assert p.day == [(times[0], "Report Queue", "You work the report queue."), (times[1], "Staffing Review", "You adjust the schedule.")]
    assert p.day_intro == "Your day is busy." and p.closing_heading == parse_page(seed_text()).closing_heading


def test_a_clock_time_a_pipe_then_a_sentence_is_named_by_its_words() -> None:
    """"07:45 | You work the report queue …" on one line: before, time "07" and title "45 | You …"."""
    day = "A Day in the Life\n\n07:45 | You work the report queue and flag the late ones.\n\n14:00 | You call the vendor about the backorder.\n\n"
    p = parse_page(_seed_with("day", day))
    assert [(t, title) for t, title, _ in p.day] == [("07:45", "Work the report queue"), ("14:00", "Call the vendor about the backorder")]


@pytest.mark.parametrize("sep", ["|", "/", "•", "·"])
def test_word_day_labels_with_a_pipe_are_label_and_title(sep: str) -> None:
    """"Opening | Counter Setup", "Evening Rush | Returns" read like "Opening: Counter Setup": before,
    refused as a day with no times (or, after a clock-timed entry, folded into its text)."""
    day = (
        f"A Day in the Life\n\nYour day is busy.\n\nOpening {sep} Counter Setup\nYou set up the counter.\n\n07:45 {sep} Report Queue\nYou work the queue.\n\n"
        f"Early Morning (09:15) {sep} Vault Count\nYou count the vault.\n\nEvening Rush {sep} Returns\nYou process returns.\n\n"
    )
    p = parse_page(_seed_with("day", day))
    assert p.day == [
        ("Opening", "Counter Setup", "You set up the counter."),
        ("07:45", "Report Queue", "You work the queue."),
        ("Early Morning (09:15)", "Vault Count", "You count the vault."),
        ("Evening Rush", "Returns", "You process returns."),
    ]
    assert p.day_intro == "Your day is busy."


def test_lower_case_day_labels_with_a_pipe_are_an_entry_each() -> None:
    day = "A Day in the Life\n\nearly morning | you check the queue and sign the log.\n\nlate morning | you call the vendor about the order.\n\n"
    p = parse_page(_seed_with("day", day))
    assert [(t, title) for t, title, _ in p.day] == [("Early morning", "Check the queue"), ("Late morning", "Call the vendor about the order")]


def test_a_pipe_after_a_label_that_names_no_time_stays_what_it_is() -> None:
    """A closing heading with a pipe ("Next Steps | Get Certified") is no day entry, and a lone
    time with no title ("7:45 AM") over its text stays a time alone on its line."""
    seed = parse_page(seed_text())
    text = seed_text().replace(seed.closing_heading, "Next Steps | Get Certified")
    p = parse_page(text)
    assert p.closing_heading == "Next Steps | Get Certified" and p.day == seed.day
    day = "A Day in the Life\n\n7:45 AM\nYou work the report queue.\n\n2:00 PM\nYou adjust the schedule.\n\n"
    assert [(t, title) for t, title, _ in parse_page(_seed_with("day", day)).day] == [("7:45 AM", "Work the report queue"), ("2:00 PM", "Adjust the schedule")]


# ----------------------------------------------------------------------------- round 66: blind writers' layouts

QA_PAGE = """Career Path: Refill Routing Coordinator – Council on Pharmacy Standards
CAREER SPOTLIGHT

Refill Routing Coordinator

Send each refill to the store that has room for it.

What does the role involve?

A Refill Routing Coordinator watches the refill queues of a region and moves work to where there is room.

It is a job built on numbers and on phone calls with busy stores.

What will I be responsible for?

- Queue Watching: Spotting stores that fall behind before patients notice.
- Refill Routing: Moving refills between stores and central fill.

How do I get certified?

1. CPFLA – Certified Prescription Fulfillment Logistics Analyst: shows you can route prescriptions between sites.
2. CPSCM – Certified Pharmacy Supply Chain Manager: makes sure the stock follows the work.

What does a typical day look like?

Before Opening: You check the overnight refill volumes and decide what each store sends on.
Mid-Morning: You reroute the refills of two stores with long lines to central fill.
Close of Business: You review which stores met their promise times and plan tomorrow.

Is this the right role for me?

This role is for the steady coordinator who likes keeping a region in balance.
"""


def test_question_headings_are_read_for_what_they_ask() -> None:
    """"What will I be responsible for?" and "What does a typical day look like?": before, the
    responsibilities were read as overview, the day as pathway steps, and a certification with
    code "Mid-Morning" was made."""
    p = parse_page(QA_PAGE)
    assert p.overview_heading == "What does the role involve?" and len(p.overview) == 2
    assert [n for n, _ in p.responsibilities] == ["Queue Watching", "Refill Routing"]
    assert p.pathway_heading == "How do I get certified?" and [c.code for c in p.certifications] == ["CPFLA", "CPSCM"]
    assert [t for t, _, _ in p.day] == ["Before Opening", "Mid-Morning", "Close of Business"]
    assert (p.closing_heading, p.closing_link) == ("Is this the right role for me?", "")


@pytest.mark.parametrize(
    "old, new",
    [
        ("What will I be responsible for?", "What are my main duties?"),
        ("What does a typical day look like?", "What is a typical day like?"),
        ("How do I get certified?", "Which certifications should I earn?"),
        ("What does the role involve?", "What is the role?"),
    ],
)
def test_other_question_headings_are_read_too(old: str, new: str) -> None:
    assert facts(parse_page(QA_PAGE.replace(old, new))) == dataclasses.replace(facts(parse_page(QA_PAGE)), **_heading_fields(old, new))


def _heading_fields(old: str, new: str) -> dict[str, str]:
    """The stored heading a question heading's rewording changes (only the overview's and the pathway's are kept)."""
    fields = {"What does the role involve?": "overview_heading", "How do I get certified?": "pathway_heading"}
    return {fields[old]: new} if old in fields else {}


@pytest.mark.parametrize("line", ["Mid-Morning: You reroute the refills of two stores to central fill.", "Mid-Morning – Refill Rerouting"])
def test_a_code_that_is_no_code_is_refused_on_its_line(line: str) -> None:
    """A day line under the pathway, its label read as a certification code: refused, never a
    certification "Mid-Morning"."""
    text = _seed_with("pathway", "Your Certification Pathway\n\nCPOM\nCertified Pharmacy Operations Manager\nShows you can lead.\nView Details\n" + line + "\nYou move work to where there is room.\nView Details\n\n")
    with pytest.raises(PageError) as e:
        parse_page(text)
    assert e.value.line == text.splitlines().index(line) + 1 and "'Mid-Morning' is not a certification code" in e.value.message


def test_a_day_of_one_line_entries_under_a_heading_worded_any_way_is_the_day() -> None:
    """Before: the day's entries ("Before Opening: You check …", one line each) became the last
    step's description, with no error."""
    p = parse_page(QA_PAGE.replace("What does a typical day look like?", "How It Goes"))
    assert p.day == parse_page(QA_PAGE).day and p.certifications == parse_page(QA_PAGE).certifications


def test_a_day_with_no_heading_after_the_steps_is_refused_not_folded_into_a_certification() -> None:
    text = QA_PAGE.replace("What does a typical day look like?\n", "")
    with pytest.raises(PageError) as e:
        parse_page(text)
    assert e.value.line == text.splitlines().index("Before Opening: You check the overnight refill volumes and decide what each store sends on.") + 1
    assert "day entry" in e.value.message and "CPSCM" in e.value.message


NUMBERED_PAGE = """Career Path: District Field Trainer – Council on Pharmacy Standards

District Field Trainer

Train every new hire in the district, one store at a time.

{h1}Overview

The District Field Trainer moves between stores, onboarding new technicians.

You keep the training records of every store in the district.

{h2}Key Responsibilities

1. Onboarding: Running the first weeks of training for new technicians.
2. Checkoffs: Observing technicians and documenting their skills.

{h3}Certification Pathway

1. CRPFT – Certified Retail Pharmacy Field Trainer: validates your on-the-job training skills.
2. CPOM – Certified Pharmacy Operations Manager: shows you can lead store teams.

{h4}A Day in the Life

Most days start in the car.

{day}
{h5}Ready to Train the Next Generation?

This role is for the patient technician who loves teaching.

Explore Field Training Certifications
"""
DAY_UNDER = "7:30 AM – Route Planning\nYou plan the order of today's store visits.\n12:30 PM – Coaching Visit\nYou work the counter beside the team.\n"
DAY_ONE_LINE = "7:30 AM – Route Planning. You plan the order of today's store visits.\n12:30 PM – Coaching Visit. You work the counter beside the team.\n"


def _numbered(mark: str, day: str = DAY_UNDER) -> str:
    return NUMBERED_PAGE.format(day=day, **{f"h{n}": mark.format(n=n) for n in range(1, 6)})


@pytest.mark.parametrize("mark", ["{n}. ", "## {n}. ", "{n}) ", "{n} – ", "{n} | ", "Section {n} – "])
@pytest.mark.parametrize("day", [DAY_UNDER, DAY_ONE_LINE], ids=["text-under", "one-line"])
def test_numbered_section_headings_are_headings(mark: str, day: str) -> None:
    """"1. Overview", "2. Key Responsibilities": before, refused ("expected at least one section"),
    or ("1 – Overview", "Section 4 – A Day in the Life") the day was folded into the last step."""
    p = parse_page(_numbered(mark, day))
    assert p == parse_page(_numbered("", day)) and p.overview_heading == "Overview"
    assert [n for n, _ in p.responsibilities] == ["Onboarding", "Checkoffs"] and [c.code for c in p.certifications] == ["CRPFT", "CPOM"]
    assert [(t, title) for t, title, _ in p.day] == [("7:30 AM", "Route Planning"), ("12:30 PM", "Coaching Visit")]
    assert (p.day_intro, p.closing_heading) == ("Most days start in the car.", "Ready to Train the Next Generation?")
    assert p.certifications[1].description == "Shows you can lead store teams."


def test_a_numbered_line_is_a_heading_only_when_it_reads_as_one() -> None:
    """Numbered steps ("1. CPOM – …") and numbered responsibilities stay steps and responsibilities."""
    p = parse_page(_numbered("{n}. "))
    assert len(p.responsibilities) == 2 and len(p.certifications) == 2 and p.pathway_intro == ""


@pytest.mark.parametrize("mark", ["Step {one}:", "Step {One}:", "Step {one} –", "Step {One}.", "{First} step:"])
def test_steps_numbered_in_words_are_steps(mark: str) -> None:
    """"Step one: CPRMT – Certified …. Validates …": before, "expected certification blocks"."""
    words = [{"one": "one", "One": "One", "First": "First"}, {"one": "two", "One": "Two", "First": "Second"}]
    steps = "".join(f"{mark.format(**w)} {code} – {name}. {why}\n" for w, (code, name, why) in zip(words, ONE_LINE_CERTS))
    assert certs(parse_page(_seed_with("pathway", f"Certification Pathway:\n\n{steps}\n"))) == ONE_LINE_CERTS


def test_ninth_and_tenth_are_ordinal_words() -> None:
    steps = "".join(f"{w}, {code} – {name}: {why}\n" for w, (code, name, why) in zip(["Ninth", "Tenth"], ONE_LINE_CERTS))
    assert certs(parse_page(_seed_with("pathway", f"Certification Pathway\n\n{steps}\n"))) == ONE_LINE_CERTS


def test_a_time_and_task_header_line_is_dropped_from_the_day() -> None:
    """"Time | Task" over "06:45 | Census Review" rows: before, it ended the day's intro."""
    day = "A Day in the Life\n\nYour day follows the census.\n\nTime | Task\n06:45 | Census Review\nYou review the overnight arrivals.\n14:00 | Discharge Push\nYou check the discharges.\n\n"
    p = parse_page(_seed_with("day", day))
    assert p.day_intro == "Your day follows the census." and [t for t, _, _ in p.day] == ["06:45", "14:00"]


def test_headings_ending_in_a_colon_are_stored_without_it() -> None:
    """"About the Role:", "Certification Pathway:": before, stored with the colon."""
    seed = parse_page(seed_text())
    text = seed_text()
    for heading in (seed.overview_heading, seed.pathway_heading, "Core Responsibilities", "A Day in the Life", seed.closing_heading):
        text = text.replace(f"\n{heading}\n", f"\n{heading}:\n")
    assert parse_page(text) == seed


PROSE_PATHWAY = (
    "Your Certification Pathway\n\nMost managers build their credentials in a clear order.\n\n"
    "Each step builds on the last. Start with CHPOP (Certified Hospital Pharmacy Operations Pharmacist), which validates your hospital operations expertise. "
    "Next, take CPOM – Certified Pharmacy Operations Manager – to show you can lead teams. It is the core credential. "
    "Finally, add the Certified Medication Safety Officer (CMSO), which proves you can embed safety in daily work.\n\n"
)


def test_a_pathway_written_as_one_paragraph_is_read_step_by_step() -> None:
    """Before: "expected certification blocks"."""
    p = parse_page(_seed_with("pathway", PROSE_PATHWAY))
    assert p.pathway_intro == "Most managers build their credentials in a clear order. Each step builds on the last."
    assert certs(p) == [
        ("CHPOP", "Certified Hospital Pharmacy Operations Pharmacist", "Validates your hospital operations expertise."),
        ("CPOM", "Certified Pharmacy Operations Manager", "To show you can lead teams. It is the core credential."),
        ("CMSO", "Certified Medication Safety Officer", "Proves you can embed safety in daily work."),
    ]


def test_a_description_that_names_steps_in_order_stays_a_description() -> None:
    """Only a paragraph that is the whole pathway is read as its steps."""
    text = seed_text().replace("and managing the pharmacy supply chain.", "and managing the pharmacy supply chain. First, earn CPOM. Then CMSO builds on it.")
    assert certs(parse_page(text))[-1][2].endswith("First, earn CPOM. Then CMSO builds on it.")


def test_a_paragraph_opening_like_a_one_line_step_is_every_step_it_names() -> None:
    """"First, CHPOP – Certified … – validates …. Next, CPOM – …": before, one step CHPOP whose
    description held the other steps."""
    paragraph = (
        "First, CHPOP – Certified Hospital Pharmacy Operations Pharmacist – validates your hospital operations expertise. "
        "Next, CPOM – Certified Pharmacy Operations Manager – shows you can lead teams and workflows."
    )
    assert certs(parse_page(_seed_with("pathway", f"Your Certification Pathway\n\n{paragraph}\n\n"))) == [
        ("CHPOP", "Certified Hospital Pharmacy Operations Pharmacist", "Validates your hospital operations expertise."),
        ("CPOM", "Certified Pharmacy Operations Manager", "Shows you can lead teams and workflows."),
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "First comes CHPOP, the Certified Hospital Pharmacy Operations Pharmacist, which validates your expertise. Next is CPOM, the Certified Pharmacy Operations Manager, which shows you can lead.",
        "CHPOP (Certified Hospital Pharmacy Operations Pharmacist) validates your expertise. CPOM (Certified Pharmacy Operations Manager) shows you can lead.",
    ],
    ids=["names-after-commas", "no-order-words"],
)
def test_a_pathway_paragraph_that_cannot_be_read_is_refused_saying_what_to_write(paragraph: str) -> None:
    text = _seed_with("pathway", f"Your Certification Pathway\n\n{paragraph}\n\n")
    with pytest.raises(PageError) as e:
        parse_page(text)
    assert e.value.line == text.splitlines().index(paragraph) + 1
    assert "'First, CPOM – Certified Pharmacy Operations Manager: why it matters'" in e.value.message


def test_a_description_after_a_name_starts_with_a_capital() -> None:
    """"First, CGIP – Certified …: validates …": before, the description began "validates"."""
    steps = "".join(f"{w}, {code} – {name}: {why[:1].lower() + why[1:]}\n" for w, (code, name, why) in zip(["First", "Then"], ONE_LINE_CERTS))
    assert certs(parse_page(_seed_with("pathway", f"Certification Pathway\n\n{steps}\n"))) == ONE_LINE_CERTS


def test_mangled_pages_raise_page_error_only() -> None:
    """Lines dropped, swapped, cut or numbered: the parser reads the page or refuses it, never crashes."""
    rng = random.Random(66)
    pages = [QA_PAGE, _numbered("{n}. ", DAY_ONE_LINE), _numbered("{n} – "), _seed_with("pathway", PROSE_PATHWAY)]
    _parse_mangled(rng, pages, 600, [
        lambda line: f"{rng.randint(1, 9)}{rng.choice(['. ', ') ', ' – ', ' | '])}{line}",
        lambda line: line.rstrip(".") + rng.choice(["?", ":", ""]),
    ])


def _parse_mangled(rng: random.Random, pages: list[str], rounds: int, edits: list) -> None:
    """Parse ``rounds`` copies of the pages with one to four lines dropped, swapped, cut or changed
    by one of ``edits``: each is read or refused with a PageError, never another exception."""
    for _ in range(rounds):
        lines = rng.choice(pages).splitlines()
        for _ in range(rng.randint(1, 4)):
            k = rng.randrange(len(lines))
            op = rng.randrange(3 + len(edits))
            if op == 0:
                del lines[k]
            elif op == 1:
                j = rng.randrange(len(lines))
                lines[k], lines[j] = lines[j], lines[k]
            elif op == 2:
                lines[k] = lines[k][: rng.randrange(len(lines[k]) + 1)]
            else:
                lines[k] = edits[op - 3](lines[k])
        try:
            parse_page("\n".join(lines))
        except PageError:
            pass


# ----------------------------------------------------------------------------- round 66, wave 3: blind writers' layouts


CREDENTIALS_PARAGRAPH = (
    "Start with CHPOP (Certified Hospital Pharmacy Operations Pharmacist), which validates your hospital operations expertise. "
    "Next, take CPOM – Certified Pharmacy Operations Manager – to show you can lead teams. "
    "Finally, add the Certified Medication Safety Officer (CMSO), which proves you can embed safety in daily work."
)
CREDENTIAL_CERTS = [
    ("CHPOP", "Certified Hospital Pharmacy Operations Pharmacist", "Validates your hospital operations expertise."),
    ("CPOM", "Certified Pharmacy Operations Manager", "To show you can lead teams."),
    ("CMSO", "Certified Medication Safety Officer", "Proves you can embed safety in daily work."),
]


@pytest.mark.parametrize("heading", ["Building Your Credentials", "Earning Your Operations Certifications", "Credentials You Will Earn"])
@pytest.mark.parametrize("intro", ["", "Each one builds on the last.\n\n"])
def test_a_credentials_heading_over_a_paragraph_of_steps_is_the_pathway(heading: str, intro: str) -> None:
    """"Building Your Credentials" over "Start with CODE (Certified …), which …. Next, …": before,
    the paragraph was stored as one more responsibility named after the heading, and the role had
    no pathway, with no error."""
    p = parse_page(_seed_with("pathway", f"{heading}\n\n{intro}{CREDENTIALS_PARAGRAPH}\n\n"))
    assert p.pathway_heading == heading and certs(p) == CREDENTIAL_CERTS
    assert p.pathway_intro == intro.strip()
    assert p.responsibilities == parse_page(seed_text()).responsibilities and len(p.day) == 3


def test_an_unreadable_paragraph_under_a_credentials_heading_is_refused_on_its_line() -> None:
    """Before: stored as a responsibility, no pathway, no error."""
    paragraph = "CHPOP (Certified Hospital Pharmacy Operations Pharmacist) validates your expertise. CPOM (Certified Pharmacy Operations Manager) shows you can lead."
    text = _seed_with("pathway", f"Building Your Credentials\n\n{paragraph}\n\n")
    e = error_of(text)
    assert e.line == text.splitlines().index(paragraph) + 1 and "cannot be read step by step" in e.message


def test_certifications_named_in_a_paragraph_with_no_pathway_heading_are_refused() -> None:
    """A heading that says nothing of certification over the paragraph: before, the page imported
    with no pathway and the paragraph as a responsibility; now refused where the paragraph is."""
    text = _seed_with("pathway", f"How to Grow\n\n{CREDENTIALS_PARAGRAPH}\n\n")
    e = error_of(text)
    assert e.line == text.splitlines().index(CREDENTIALS_PARAGRAPH) + 1
    assert "CHPOP looks like a certification but the page has no certification pathway heading" in e.message


def test_a_credentials_sentence_over_the_steps_is_no_heading() -> None:
    steps = "How You Get There\n\nYour credentials build from operations to leadership.\n\n1) Certified Hospital Pharmacy Operations Pharmacist (CHPOP) - {0}\n2) Certified Pharmacy Operations Manager (CPOM) - {1}\n\n"
    p = parse_page(_seed_with("pathway", steps.format(*(c[2] for c in ONE_LINE_CERTS))))
    assert p.pathway_heading == "How You Get There" and p.pathway_intro == "Your credentials build from operations to leadership."
    assert certs(p) == ONE_LINE_CERTS


EMOJI_DUTIES = [
    ("Sepsis Alert Response", "Answering every sepsis alert page in the emergency department."),
    ("Sepsis Kit and Stock Readiness", "Keeping first-dose antibiotics stocked in the cabinets."),
    ("Nursing and Prescriber Education", "Teaching nurses the sepsis order set."),
]


@pytest.mark.parametrize("form", ["{e} {n} — {d}", "{e} {n}: {d}", "{e} {n}\n{d}", "{e}{n} – {d}"], ids=["dash", "colon", "next-line", "no-space"])
@pytest.mark.parametrize("emojis", [("🚨", "🧰", "🎓"), ("✅", "⭐", "👩\u200d⚕\ufe0f"), ("1\ufe0f\u20e3", "2\ufe0f\u20e3", "3\ufe0f\u20e3")], ids=["pictographs", "symbols-and-joined", "keycaps"])
def test_responsibilities_bulleted_with_emoji(form: str, emojis: tuple[str, str, str]) -> None:
    """"🧰 Sepsis Kit and Stock Readiness — Keeping …": before, the emoji stayed in the name, the
    whole line was repeated as the description and the name was cut at "and" ("🧰 Sepsis Kit")."""
    duties = "\n\n".join(form.format(e=e, n=n, d=d) for e, (n, d) in zip(emojis, EMOJI_DUTIES))
    p = parse_page(_seed_duties(f"Key Responsibilities\n\n{duties}\n\n"))
    assert p.responsibilities == EMOJI_DUTIES
    assert len(p.certifications) == 4 and len(p.day) == 3


def test_an_emoji_decorated_heading_over_steps_is_still_the_pathway_heading() -> None:
    steps = "📜 Credentials That Matter\n\n1) Certified Hospital Pharmacy Operations Pharmacist (CHPOP) - {0}\n2) Certified Pharmacy Operations Manager (CPOM) - {1}\n\n"
    p = parse_page(_seed_with("pathway", steps.format(*(c[2] for c in ONE_LINE_CERTS))))
    assert p.pathway_heading == "📜 Credentials That Matter" and certs(p) == ONE_LINE_CERTS


@pytest.mark.parametrize(
    "first",
    [
        "Director of Pharmacy Operations | Council on Pharmacy Standards",
        "Director of Pharmacy Operations – Council on Pharmacy Standards",
        "Director of Pharmacy Operations - CPS Careers",
        "Director of Pharmacy Operations | Careers | pharmacystandards.org",
        "Director of Pharmacy Operations — American Society of Pharmacy Leaders",
        "CAREER SPOTLIGHT: Director of Pharmacy Operations",
        "Career Spotlight – Director of Pharmacy Operations | Council on Pharmacy Standards",
    ],
)
@pytest.mark.parametrize("repeated", [True, False], ids=["title-below", "no-title-below"])
def test_a_title_line_with_the_site_after_it_is_the_title(first: str, repeated: bool) -> None:
    """"Title | Council on Pharmacy Standards" with no "Career Path:", or "CAREER SPOTLIGHT: Title":
    before, the whole line was the title (role id "…-council-on-pharmacy-standards" or
    "career-spotlight-…", or refused as over 80 characters)."""
    text = seed_text().replace("Career Path: Director of Pharmacy Operations – Council on Pharmacy Standards", first)
    if not repeated:
        text = text.replace("\nDirector of Pharmacy Operations\n", "\n", 1)
    assert facts(parse_page(text)) == facts(parse_page(seed_text()))


@pytest.mark.parametrize("first", ["Pharmacy Technician – Sterile Compounding", "Compounding Lead – Board Certification Prep"])
def test_a_title_with_a_dash_but_no_site_after_it_stays_whole(first: str) -> None:
    text = seed_text().replace("Career Path: Director of Pharmacy Operations – Council on Pharmacy Standards\nCAREER SPOTLIGHT\n\nDirector of Pharmacy Operations", first)
    assert parse_page(text).title == first


def test_a_time_alone_then_a_title_alone_then_the_text_is_one_entry() -> None:
    """"6:30 AM" / "Isolator Start-Up Checks" / "You review …": before, each description started with
    its title again and a title with "and" was cut ("Spill Kit Audit and Handoff" -> "Spill Kit Audit")."""
    day = (
        "A Day in the Life\n\nYour day follows the infusion schedule.\n\n"
        "6:30 AM\n\nIsolator Start-Up Checks\n\nYou review the overnight pressure logs.\n\n"
        "4:30 PM\n\nSpill Kit Audit and Handoff\n\nYou check every spill kit and hand off to the evening pharmacist.\n\n"
    )
    p = parse_page(_seed_with("day", day))
    assert p.day == [
        ("6:30 AM", "Isolator Start-Up Checks", "You review the overnight pressure logs."),
        ("4:30 PM", "Spill Kit Audit and Handoff", "You check every spill kit and hand off to the evening pharmacist."),
    ]
    assert p.day_intro == "Your day follows the infusion schedule." and p.closing_heading == parse_page(seed_text()).closing_heading


def test_a_time_alone_over_a_sentence_is_still_named_by_its_words() -> None:
    day = "A Day in the Life\n\n7:45 AM\nYou work the report queue\nand call the units about late doses.\n\n2:00 PM\nYou adjust the schedule.\n\n"
    p = parse_page(_seed_with("day", day))
    assert p.day[0] == ("7:45 AM", "Work the report queue", "You work the report queue and call the units about late doses.")


def test_descriptions_after_a_day_label_start_with_a_capital() -> None:
    """"Mid-morning, you walk …": before, the description began "you walk"; a first word with
    capitals of its own ("eGFR") is left as written."""
    day = COMMA_DAY.replace("Before noon, you review the pump library changes.", "Before noon, eGFR results come back and you adjust doses.")
    p = parse_page(_seed_with("day", day))
    assert [d for _, _, d in p.day] == [
        "You count the controlled substances in the vault.",
        "You walk the units with the charge nurses.",
        "eGFR results come back and you adjust doses.",
        "You hand over the open orders.",
    ]


@pytest.mark.parametrize("mark", ["At {}, you", "{}, you", "at {}, you"])
def test_day_parts_opened_by_a_clock_time_and_a_comma(mark: str) -> None:
    """"At 7:00, you open …": before, refused as a day with no times."""
    day = "A Day in the Life\n\nYour day follows the billing cycle.\n\n" + "".join(
        f"{mark.format(t)} {what}\n\n" for t, what in [("7:00", "open the exception report."), ("13:00", "pull the audit documents.")]
    )
    p = parse_page(_seed_with("day", day))
    assert p.day == [("7:00", "Open the exception report", "You open the exception report."), ("13:00", "Pull the audit documents", "You pull the audit documents.")]
    assert p.day_intro == "Your day follows the billing cycle."


@pytest.mark.parametrize(
    "rows",
    [
        "1 | Certified Hospital Pharmacy Operations Pharmacist (CHPOP) | {0}\n2 | Certified Pharmacy Operations Manager (CPOM) | {1}\n",
        "1 | CHPOP – Certified Hospital Pharmacy Operations Pharmacist | {0}\n2 | CPOM – Certified Pharmacy Operations Manager | {1}\n",
        "| 1 | CHPOP | Certified Hospital Pharmacy Operations Pharmacist | {0} |\n| 2 | CPOM | Certified Pharmacy Operations Manager | {1} |\n",
        "Step 1 | Certified Hospital Pharmacy Operations Pharmacist (CHPOP) | {0}\nStep 2 | Certified Pharmacy Operations Manager (CPOM) | {1}\n",
    ],
)
def test_a_pathway_laid_out_as_a_table(rows: str) -> None:
    """"1 | Certified … (CODE) | why" rows under "Step | Certification | Why": before, the names were
    stored as "2 | Certified …" with no error, or the page was refused; the header row ended the intro."""
    table = "Your Certification Pathway\n\nThese prove your skills.\n\nStep | Certification | Why\n" + rows.format(*(c[2] for c in ONE_LINE_CERTS)) + "\n"
    p = parse_page(_seed_with("pathway", table))
    assert certs(p) == ONE_LINE_CERTS and p.pathway_intro == "These prove your skills."


def test_mangled_wave_3_pages_raise_page_error_only() -> None:
    """The layouts above, lines dropped, swapped, cut, emoji-marked or piped: read or refused, never a crash."""
    rng = random.Random(663)
    duties = "\n\n".join(f"🧰 {n} — {d}" for n, d in EMOJI_DUTIES)
    pages = [
        _seed_with("pathway", f"Building Your Credentials\n\n{CREDENTIALS_PARAGRAPH}\n\n").replace("Career Path: Director of Pharmacy Operations – ", "Director of Pharmacy Operations | "),
        _seed_duties(f"Key Responsibilities\n\n{duties}\n\n"),
        _seed_with("day", "A Day in the Life\n\n6:30 AM\n\nIsolator Start-Up Checks\n\nYou review the logs.\n\nAt 13:00, you audit.\n\n13:30, you hand off.\n\n"),
        _seed_with("pathway", "Your Certification Pathway\n\nStep | Certification | Why\n1 | CPOM – Certified Pharmacy Operations Manager | Shows you can lead.\n| 2 | CMSO | Certified Medication Safety Officer | Proves safety. |\n\n"),
    ]
    _parse_mangled(rng, pages, 800, [
        lambda line: rng.choice(["🚨 ", "1\ufe0f\u20e3", "✅", "👩\u200d⚕\ufe0f "]) + line,
        lambda line: f"{rng.randint(1, 9)} | {line}" + rng.choice(["", " |", " | x"]),
        lambda line: line.replace(" – ", rng.choice([" | ", ", ", "\n"]), 1),
    ])


# ----------------------------------------------------------------------------- "At 9:00 AM you …", "CODE · Name" steps, titles cut at a phrase's end

AT_DAY = [
    ("9:00 AM", "lead a huddle with pharmacy managers to review key metrics from the previous 24 hours."),
    ("11:30 AM", "meet with a vendor for a demonstration of a new automated packaging machine."),
    ("2:00 PM", "turn the month's weights into a carbon footprint report for the sustainability committee."),
]
AT_TITLES = ["Lead a huddle", "Meet with a vendor", "Turn the month's weights"]


@pytest.mark.parametrize("form", ["At {} you {}", "At {}, you {}", "At {}: You {}", "At {} – you {}", "- At {} you {}"])
def test_day_entries_opening_at_a_clock_time(form: str) -> None:
    """"At 9:00 AM you lead …": before, the day was refused ("the text … says no time of day") except
    with a comma; now the time is the entry's time and its title is made from its words."""
    day = "A Day in the Life\n\nYour day is a hands-on mix of data analysis.\n\n" + "\n\n".join(form.format(t, s) for t, s in AT_DAY) + "\n\n"
    p = parse_page(_seed_with("day", day))
    assert p.day_intro == "Your day is a hands-on mix of data analysis."
    assert [(t, ti) for t, ti, _ in p.day] == [(t, ti) for (t, _), ti in zip(AT_DAY, AT_TITLES)]
    assert [d for _, _, d in p.day] == [f"You {s}" for _, s in AT_DAY]
    assert p.closing_heading == "Ready to Engineer the Future of Pharmacy Operations?"


def test_a_description_opening_at_a_clock_time_stays_its_entrys_text() -> None:
    """"Morning: First-Case Readiness Check", then "At 6 a.m. you walk …": the entry's text, not an entry of its own."""
    day = (
        "A Day in the Life\n\nMorning: First-Case Readiness Check\n\nAt 6 a.m. you walk the OR suites with the technician.\n\n"
        "Mid-Day: Committee Meeting\n\nYou meet with the anesthesia chief.\n\nAfternoon: Waste Review\n\nAt 3:00 PM you review the tray returns.\n\n"
    )
    p = parse_page(_seed_with("day", day))
    assert [(t, ti, d) for t, ti, d in p.day] == [
        ("Morning", "First-Case Readiness Check", "At 6 a.m. you walk the OR suites with the technician."),
        ("Mid-Day", "Committee Meeting", "You meet with the anesthesia chief."),
        ("Afternoon", "Waste Review", "At 3:00 PM you review the tray returns."),
    ]


def test_at_a_number_that_is_no_clock_time_is_no_day_entry() -> None:
    """"At 9 patients …" (no colon, no AM/PM) is a sentence: the day with no times stays refused."""
    day = "A Day in the Life\n\nAt 9 patients a day the queue moves fast.\n\nAt 10 stations you check the stock.\n\n"
    assert "says no time of day" in error_of(_seed_with("day", day)).message


@pytest.mark.parametrize("sep", [" · ", " — ", " | ", " • "])
def test_pathway_steps_one_a_line_code_then_name(sep: str) -> None:
    """"CHPOP · Certified …" one a line, with no reason after: before, refused with a line number
    ("expected certification blocks", or "has no description"); now steps with no description of
    their own (the importer gives the why)."""
    steps = "".join(f"{code}{sep}{name}\n" for code, name, _ in ONE_LINE_CERTS)
    p = parse_page(_seed_with("pathway", f"Your Certification Pathway\n\nThese prove your skills.\n\n{steps}\n"))
    assert certs(p) == [(code, name, "") for code, name, _ in ONE_LINE_CERTS]
    assert p.pathway_intro == "These prove your skills." and p.day[0][:2] == ("Morning", "Daily Operations Huddle")


@pytest.mark.parametrize(
    "form",
    [
        "{code} · {name}\n{why}\n\n",  # its reason on the line under it
        "{code} · {name} – {why}\n",
        "{code} · {name}. {why}\n",
        "{code} | {name} | {why}\n",
        "{code} · {name} · {why}\n",
    ],
)
def test_pathway_steps_one_a_line_with_a_reason(form: str) -> None:
    steps = "".join(form.format(code=code, name=name, why=why) for code, name, why in ONE_LINE_CERTS)
    p = parse_page(_seed_with("pathway", f"Your Certification Pathway\n\n{steps}\n"))
    assert certs(p) == ONE_LINE_CERTS


def test_text_after_a_list_of_steps_without_reasons_is_refused() -> None:
    """Text under the last of a list of "CODE · Name" lines that give no reason could be its reason or
    a note on the whole pathway: refused with its line, never made the last step's why."""
    text = _seed_with("pathway", "Your Certification Pathway\n\nCHPOP · Certified Hospital Pharmacy Operations Pharmacist\nCPOM · Certified Pharmacy Operations Manager\nTogether these prove you can lead.\n\n")
    e = error_of(text)
    assert e.line == text.splitlines().index("Together these prove you can lead.") + 1
    assert "CPOM" in e.message and "reason" in e.message


def test_a_block_step_without_description_is_still_refused() -> None:
    """"CPOM – Certified …" then "View Details", no text between: a block missing its description, as before."""
    text = _seed_with("pathway", "Your Certification Pathway\n\nCPOM – Certified Pharmacy Operations Manager\n\nView Details\n\nCMSO – Certified Medication Safety Officer\n\nProves safety.\n\nView Details\n\n")
    assert "CPOM" in error_of(text).message and "no description" in error_of(text).message


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("You turn the month's weights into a carbon footprint report for the committee.", "Turn the month's weights"),
        ("You work through the overnight queue of pharmacy bills that were held.", "Work through the overnight queue"),
        ("You verify a batch of an oral suspension compounded from tablets against its formula.", "Verify a batch of an oral suspension"),
        ("You prepare each dose for an oral syringe pump delivery today.", "Prepare each dose"),
        ("You review the new automated packaging machine vendor contract terms.", "Review the new automated packaging machine vendor contract terms"),
        ("You meet with a vendor for a demonstration of a new machine.", "Meet with a vendor"),
    ],
)
def test_a_title_cut_from_a_sentence_ends_at_a_phrase_boundary(sentence: str, title: str) -> None:
    """"Turn the month's weights into a carbon [footprint report]": before, cut mid-phrase by the word
    limit; now before the phrase's small word, or on to the phrase's end a word or two later."""
    day = f"A Day in the Life\n\n7:30 AM – {sentence}\n\n9:00 AM – You check the queue.\n\n"
    assert parse_page(_seed_with("day", day)).day[0][1] == title


def test_mangled_at_day_and_dotted_steps_raise_page_error_only() -> None:
    rng = random.Random(667)
    day = "A Day in the Life\n\n" + "\n\n".join(f"At {t} you {s}" for t, s in AT_DAY) + "\n\n"
    steps = "Your Certification Pathway\n\n" + "".join(f"{code} · {name}\n" for code, name, _ in ONE_LINE_CERTS) + "\n"
    _parse_mangled(rng, [_seed_with("day", day), _seed_with("pathway", steps)], 600, [
        lambda line: line.replace(" · ", rng.choice([" | ", " — ", "\n", " "]), 1),
        lambda line: rng.choice(["At ", "At 7:00 ", "By 9 AM, "]) + line,
    ])


# ----------------------------------------------------------------------------- day headings and labels in the writers' own words

_NIGHT_PAGE = """Night Shift Charge Technician | Council on Pharmacy Standards

Run the technician team through the night.

ABOUT THE ROLE

The Night Shift Charge Technician leads the technicians who keep an inpatient pharmacy going overnight.

WHAT YOU'LL DO

- Shift Assignments and Huddles: Assigning technicians to the IV room and cart fill at the start of each shift.
- IV Room Oversight: Keeping the overnight IV batches on time and the cleanroom documentation done.
- Handoff to Day Shift: Writing the shift report on open issues and shortages for the day supervisor.

HOW TO GET CERTIFIED

1. CSPTL — Certified Sterile Preparation Team Leader. Proves you can lead technicians in the IV room.
2. CPOM — Certified Pharmacy Operations Manager. Demonstrates your skills in leading pharmacy teams.

{heading}

Dusk — You take handoff from the evening supervisor and hold a five-minute huddle to hand out assignments.

Midnight — You check the first cart fill under tech-check-tech, then help with a run of stat antibiotics.

{label} — With the floors quiet, you run the cabinet restock and chase two stockouts on the oncology unit.

Dawn — You finish the cart exchange, write the shift report and walk the day supervisor through it.
"""


@pytest.mark.parametrize("heading", ["A NIGHT ON THE JOB", "A DAY IN THE LIFE", "A Shift in the Life", "Your Night, Hour by Hour"])
@pytest.mark.parametrize("label", ["Small Hours", "Late Night", "Shift Handover", "Bench Time"])
def test_a_night_page_reads_its_day_however_the_heading_and_labels_are_worded(heading: str, label: str) -> None:
    """eval242's night page: "A NIGHT ON THE JOB" was refused (its entries read as CPOM's text: the
    duty lines "Handoff to Day Shift: …" above were taken for the day's first run), and "Small Hours
    — …" was folded into the Midnight entry."""
    p = parse_page(_NIGHT_PAGE.format(heading=heading, label=label))
    assert [t for t, _, _ in p.day] == ["Dusk", "Midnight", label, "Dawn"]
    assert p.day[2][2].startswith("With the floors quiet") and "floors quiet" not in p.day[1][2]
    assert [c.code for c in p.certifications] == ["CSPTL", "CPOM"] and p.certifications[1].description == "Demonstrates your skills in leading pharmacy teams."
    assert [n for n, _ in p.responsibilities] == ["Shift Assignments and Huddles", "IV Room Oversight", "Handoff to Day Shift"]


_ALONE_DAY = (
    "{first}\nYou join the early shift at the fill station and note where technicians wait.\n\n"
    "Mid-Day\nYou hold quick coaching talks with three technicians.\n\n"
    "{third}\nYou meet a new shift lead to plan her first evening huddle.\n\n"
    "End of Day\nYou update each person's coaching goals.\n\n"
)


@pytest.mark.parametrize("heading", ["A NIGHT ON THE JOB", "A Shift in the Life", "Your Day, Hour by Hour", "What a Typical Night Looks Like"])
def test_a_day_heading_worded_otherwise_over_labels_alone_is_the_day(heading: str) -> None:
    """Labels alone on their line are no entries the heading search saw: the day was read as the last
    certification's text (or refused as a code). A heading speaking of a day, a night, a shift or
    the hours over lines that read as a day is the day's heading."""
    day = f"{heading}\n\n" + _ALONE_DAY.format(first="Early Morning", third="After Lunch")
    p = parse_page(_seed_with("day", day))
    seed = parse_page(seed_text())
    assert [t for t, _, _ in p.day] == ["Early Morning", "Mid-Day", "After Lunch", "End of Day"]
    assert p.certifications == seed.certifications and p.closing_heading == seed.closing_heading


def test_a_night_heading_over_paragraphs_opened_by_a_time_and_a_comma_is_the_day() -> None:
    """eval241's vial page under "What a Typical Night Looks Like": the paragraphs ("In the morning,
    you …") and the closing became the last certification's text."""
    day = (
        "What a Typical Night Looks Like\n\n"
        "In the morning, you run an audit of two medical units and coach the charge nurses.\n\n"
        "Around midday, you meet the infection preventionist to review a cluster of infections.\n\n"
        "In the afternoon, you crunch the audit numbers and send the monthly report.\n\n"
    )
    p = parse_page(_seed_with("day", day))
    seed = parse_page(seed_text())
    assert [t for t, _, _ in p.day] == ["In the morning", "Around midday", "In the afternoon"]
    assert p.certifications == seed.certifications and (p.closing_heading, p.closing) == (seed.closing_heading, seed.closing)


@pytest.mark.parametrize("first", ["Start of the Day", "First Thing", "Small Hours"])
@pytest.mark.parametrize("third", ["Small Hours", "Bench Time", "Close of Day", "Wrap-Up", "Shift Handover", "Overnight"])
def test_a_label_alone_on_its_line_is_an_entry_whatever_its_words(first: str, third: str) -> None:
    """conv170's "Start of the Day" (four words) was read into the day's intro, and a label the
    time-of-day words do not know ("Small Hours", "Bench Time") into the entry before it: laid out
    as the other parts are, a short label over its text is an entry."""
    p = parse_page(_seed_with("day", "A Day in the Life\n\n" + _ALONE_DAY.format(first=first, third=third)))
    assert [t for t, _, _ in p.day] == [first, "Mid-Day", third, "End of Day"]
    assert p.day_intro == "" and p.day[2][2] == "You meet a new shift lead to plan her first evening huddle."
    assert p.closing_heading == parse_page(seed_text()).closing_heading


@pytest.mark.parametrize("form", ["{label}:\n{text}", "{label}: {text}", "{label} — {text}"])
def test_a_label_the_time_words_do_not_know_is_an_entry_in_every_layout(form: str) -> None:
    parts = [("Dawn", "You scan the empty bins that came back overnight."), ("Small Hours", "You meet the buyer about two backordered antibiotics."), ("Afternoon", "You walk the carousel with a new technician."), ("End of Shift", "You review the day's usage report and flag slow movers.")]
    day = "A Day in the Life\n\n" + "".join(form.format(label=label, text=text) + "\n\n" for label, text in parts)
    p = parse_page(_seed_with("day", day))
    assert [(t, d) for t, _, d in p.day] == parts


def test_what_is_laid_out_as_no_part_of_the_day_stays_where_it_was() -> None:
    """A sub-heading over the day's intro, a title under its time, an aside in a description and the
    page's closing heading are not taken for parts by their layout."""
    day = (
        "A Shift in the Life\n\nIn Short\nYour day follows the infusion schedule.\n\n"
        "Dawn — You review the overnight pressure logs and sign the isolator checklist.\n"
        "Note: you also page the night pharmacist about anything odd in the log.\n\n"
        "Midnight — You check every spill kit and hand off to the evening pharmacist.\n\n"
        "Dusk — You close the isolator and file the day's cleaning records.\n\n"
    )
    p = parse_page(_seed_with("day", day))
    assert [t for t, _, _ in p.day] == ["Dawn", "Midnight", "Dusk"] and p.day_intro == "In Short Your day follows the infusion schedule."
    assert p.day[0][2].endswith("Note: you also page the night pharmacist about anything odd in the log.")
    alone = "A Day in the Life\n\n6:30 AM\nIsolator Start-Up Checks\nYou review the logs.\n\n9:00 AM\nVault Count\nYou count the vault.\n\n"
    closing = "Join the Team\nThis role suits the calm, careful technician.\nExplore Certifications\n"
    p = parse_page(_seed_with("day", alone).split("Ready to Engineer")[0] + closing)
    assert p.day == [("6:30 AM", "Isolator Start-Up Checks", "You review the logs."), ("9:00 AM", "Vault Count", "You count the vault.")]
    assert (p.closing_heading, p.closing_link) == ("Join the Team", "Explore Certifications")


def test_a_duty_list_under_a_shift_heading_is_no_day() -> None:
    """Some duties' names speak of a shift ("Handoff to Day Shift: Writing …"); the others between
    them say the list is no day, so the heading stays the responsibilities' (or the overview's)."""
    text = seed_text().replace("Core Responsibilities\n", "On Shift\n", 1)
    duties = "- Shift Assignments: Assigning technicians to the IV room at the start of each shift.\n- Vendor Calls: Calling vendors about every backorder before noon.\n- Handoff to Day Shift: Writing the shift report for the day supervisor.\n"
    start, end = text.index("On Shift\n") + len("On Shift\n"), text.index("Your Certification Pathway to")
    page_text = text[:start] + "\n" + duties + "\n" + text[end:]
    try:
        p = parse_page(page_text)
    except PageError as e:  # "On Shift" is no heading the parser knows: refused on its line, not merged into the overview
        assert e.line == page_text.splitlines().index("On Shift") + 1 and "'On Shift' heads a list" in e.message
        return
    assert [t for t, _, _ in p.day] == [t for t, _, _ in parse_page(seed_text()).day]
    assert "Vendor Calls" in [n for n, _ in p.responsibilities]


# ----------------------------------------------------------------------------- Markdown emphasis

# eval248's page as written: Markdown headings, each duty's name in bold ("- **Kit Standardization
# and Assembly** — …"). Before, the import stored ``name: '**Kit Standardization and Assembly**'``.
_BOLD_DUTIES_PAGE = """Career Path: Hospice Comfort Kit Pharmacy Coordinator – Council on Pharmacy Standards

## Hospice Comfort Kit Pharmacy Coordinator

Make sure every hospice patient has the right comfort medications in the home.

## Overview

The coordinator runs the program that builds, labels, and delivers sealed comfort kits.

## Core Responsibilities

- {mark_a} — Maintaining the approved kit contents for each hospice agency.
- {mark_b} — Serving as the pharmacy contact for hospice nurses and on-call teams.

## Certification Pathway

Step 1 — CEOLP: Certified End-of-Life Pharmacy Practitioner
Builds your grounding in symptom-focused medication use in hospice care.

Step 2 — CMSO: Certified Medication Safety Officer
Proves you can design kit labels and checks that prevent errors.

## A Day in the Life

7:30 AM — Overnight Kit Report
You review which kits were opened overnight and queue replacement kits.

1:00 PM — Agency Huddle
You meet with a hospice agency's clinical director to adjust the kit contents.
"""
_DUTY_NAMES = ["Kit Standardization and Assembly", "Hospice Nurse Support"]


def _bold_duties_page(mark: str) -> str:
    return _BOLD_DUTIES_PAGE.format(mark_a=mark.format(_DUTY_NAMES[0]), mark_b=mark.format(_DUTY_NAMES[1]))


@pytest.mark.parametrize("mark", ["**{}**", "__{}__", "*{}*", "_{}_", "`{}`", "***{}***", "**_{}_**"])
def test_markdown_emphasis_around_duty_names_is_dropped(mark: str) -> None:
    """"- **Kit Standardization and Assembly** — …": before, the name kept its asterisks (or
    underscores, backticks); the name is read as a reader sees it, the description unchanged."""
    p = parse_page(_bold_duties_page(mark))
    assert p == parse_page(_bold_duties_page("{}"))
    assert [n for n, _ in p.responsibilities] == _DUTY_NAMES
    assert p.responsibilities[0][1] == "Maintaining the approved kit contents for each hospice agency."


ONE_LINE_DUTIES = [("Workflow Optimization", "Designing and refining dispensing workflows."), ("Vendor Audits", "Reviewing every vendor contract each quarter.")]


@pytest.mark.parametrize("duty", ["- **{name}:** {text}", "- **{name}**: {text}", "* *{name}* — {text}", "• __{name}__ – {text}", "1. **{name}** - {text}", "🚨 **{name}** — {text}"])
def test_a_bold_duty_name_is_dropped_however_the_line_is_laid_out(duty: str) -> None:
    """The colon inside the bold ("**Name:** text"), an asterisk bullet before an italic name, a
    number or a pictograph as the bullet: the name without its marks, then its text."""
    duties = "Core Responsibilities\n\n" + "".join(duty.format(name=n, text=d) + "\n" for n, d in ONE_LINE_DUTIES)
    text = seed_text()
    a, b = text.index("Core Responsibilities"), text.index("Your Certification Pathway to")
    assert parse_page(text[:a] + duties + "\n" + text[b:]).responsibilities == ONE_LINE_DUTIES


@pytest.mark.parametrize(
    "steps",
    [
        "Step 1 — **CHPOP**: Certified Hospital Pharmacy Operations Pharmacist\n{0}\n\nStep 2 — **CPOM**: Certified Pharmacy Operations Manager\n{1}\n",
        "Step 1 — `CHPOP`: *Certified Hospital Pharmacy Operations Pharmacist*\n{0}\n\nStep 2 — `CPOM`: *Certified Pharmacy Operations Manager*\n{1}\n",
        "**Step 1** — CHPOP: Certified Hospital Pharmacy Operations Pharmacist\n{0}\n\n**Step 2** — CPOM: Certified Pharmacy Operations Manager\n{1}\n",
        "1. **Certified Hospital Pharmacy Operations Pharmacist (CHPOP)** — {0}\n2. **Certified Pharmacy Operations Manager (CPOM)** — {1}\n",
        "1. Certified Hospital Pharmacy Operations Pharmacist (**CHPOP**) — {0}\n2. Certified Pharmacy Operations Manager (**CPOM**) — {1}\n",
        "- **CHPOP** (_Certified Hospital Pharmacy Operations Pharmacist_): {0}\n- **CPOM** (_Certified Pharmacy Operations Manager_): {1}\n",
        "**CHPOP**\n\n**Certified Hospital Pharmacy Operations Pharmacist**\n\n{0}\n\nView Details\n**CPOM**\n\n**Certified Pharmacy Operations Manager**\n\n{1}\n\nView Details\n",
    ],
)
def test_markdown_emphasis_around_a_steps_code_and_name_is_dropped(steps: str) -> None:
    """A step's code and its certification's name in bold, italic or backticks: before, the code was
    not read as one (the step refused or lost) or the name kept its marks."""
    p = parse_page(_seed_with("pathway", "Your Certification Pathway\n\n" + steps.format(*(d for _, _, d in ONE_LINE_CERTS)) + "\n"))
    assert certs(p) == ONE_LINE_CERTS


@pytest.mark.parametrize("mark", ["**{}**", "__{}__", "*{}*", "## **{}**", "== *{}* =="])
def test_a_bold_heading_is_a_heading(mark: str) -> None:
    """"**Core Responsibilities**": before, the marks hid the heading, and the section was read as
    the overview's text or the page refused; now it reads as the heading alone, in Markdown
    heading marks too."""
    text = seed_text()
    for heading in ("The Conductor of Pharmacy Efficiency", "Core Responsibilities", "Your Certification Pathway to Operational Excellence", "A Day in the Life", "Ready to Engineer the Future of Pharmacy Operations?"):
        assert f"\n{heading}\n" in text
        text = text.replace(f"\n{heading}\n", "\n" + mark.format(heading) + "\n")
    assert facts(parse_page(text)) == facts(parse_page(seed_text()))


@pytest.mark.parametrize(
    "first, plain",
    [
        ("**Career Path: Director of Pharmacy Operations – Council on Pharmacy Standards**", "Career Path: Director of Pharmacy Operations – Council on Pharmacy Standards"),
        ("Career Path: **Director of Pharmacy Operations** – Council on Pharmacy Standards", "Career Path: Director of Pharmacy Operations – Council on Pharmacy Standards"),
        ("*Director of Pharmacy Operations* | Council on Pharmacy Standards", "Director of Pharmacy Operations | Council on Pharmacy Standards"),
        ("# **Director of Pharmacy Operations**", "# Director of Pharmacy Operations"),
        ("__Director of Pharmacy Operations__", "Director of Pharmacy Operations"),
    ],
)
def test_a_bold_title_line_gives_the_title_without_its_marks(first: str, plain: str) -> None:
    """The title line, or the title within it, in bold or italic (and the title's heading under it):
    before, the title (and the role's id made from it) kept the marks, or the line was not read as
    the title line; now the page reads as it does without them."""
    line = "Career Path: Director of Pharmacy Operations – Council on Pharmacy Standards"
    marked = seed_text().replace(line, first, 1).replace("\nDirector of Pharmacy Operations\n", "\n**Director of Pharmacy Operations**\n", 1)
    p = parse_page(marked)
    assert p.title == "Director of Pharmacy Operations"
    assert p == parse_page(seed_text().replace(line, plain, 1))


@pytest.mark.parametrize("entry", ["**{time}:** {title}", "**{time}**: {title}", "*{time}* — {title}", "{time} — **{title}**", "**{time} — {title}**", "- __{time}__: {title}"])
def test_markdown_emphasis_around_a_day_label_and_title_is_dropped(entry: str) -> None:
    """"**Morning:** Daily Operations Huddle", "*7:30 AM* — …": the day part's label and title
    without the marks (before, "**Morning" was no time of day: the day was refused)."""
    parts = [("Morning", "Daily Operations Huddle", "You lead a huddle with pharmacy managers."), ("7:30 PM", "Evening Handoff", "You brief the evening supervisor.")]
    day = "A Day in the Life\n\n" + "".join(entry.format(time=t, title=ti) + f"\n\n{d}\n\n" for t, ti, d in parts)
    assert parse_page(_seed_with("day", day)).day == parts


@pytest.mark.parametrize(
    "text, read",
    [
        ("- **Kit Assembly** — Maintaining kits.", "- Kit Assembly — Maintaining kits."),
        ("- **Kit Assembly:** Maintaining kits.", "- Kit Assembly: Maintaining kits."),
        ("Step 1 — `CEOLP`: *Certified End-of-Life Pharmacy Practitioner*", "Step 1 — CEOLP: Certified End-of-Life Pharmacy Practitioner"),
        ("***Morning***", "Morning"),
        ("**_Kit Assembly_** — text", "Kit Assembly — text"),
        ("**7:30 AM** — **Overnight Kit Report**", "7:30 AM — Overnight Kit Report"),
        # no emphasis, or none around a whole field: left as written
        ("CPhT_Adv", "CPhT_Adv"),
        ("CPhT_Adv_2 – Advanced Technician", "CPhT_Adv_2 – Advanced Technician"),
        ("Inventory Oversight* – Managing drug procurement.", "Inventory Oversight* – Managing drug procurement."),
        ("*Requires two years of experience.", "*Requires two years of experience."),
        ("* Requires two years of experience.", "* Requires two years of experience."),
        ("5 * 3 = 15 doses", "5 * 3 = 15 doses"),
        ("You *always* check the log.", "You *always* check the log."),
        ("Note: you *always* sign the log.", "Note: you *always* sign the log."),
        ("**Kit Assembly** Maintaining kits", "**Kit Assembly** Maintaining kits"),
        ("Start with **CCPTL** (Certified …), which …", "Start with **CCPTL** (Certified …), which …"),
        ("cps.org/_careers_", "cps.org/_careers_"),
        ("***", "***"),
        ("* * *", "* * *"),
        ("__init__ method", "__init__ method"),
    ],
)
def test_unemphasised_drops_only_marks_around_a_whole_field(text: str, read: str) -> None:
    assert unemphasised(text) == read


def test_asterisks_and_underscores_that_are_text_stay() -> None:
    """A code with underscores, a footnote's lone asterisk, a multiplication and emphasis inside a
    sentence are the page's text: kept as written, names and descriptions alike."""
    duties = (
        "Core Responsibilities\n\n"
        "- CPhT_Adv Mentoring — Coaching technicians toward the CPhT_Adv credential.\n"
        "- Inventory Oversight* — Managing 5 * 3 unit-dose packs per tray.\n"
        "- Error Review — You *always* read every incident report.\n\n"
    )
    text = seed_text()
    a, b = text.index("Core Responsibilities"), text.index("Your Certification Pathway to")
    text = text[:a] + "*Requires two years of supervisory experience.\n\n" + duties + text[b:]
    p = parse_page(text)
    assert p.responsibilities == [
        ("CPhT_Adv Mentoring", "Coaching technicians toward the CPhT_Adv credential."),
        ("Inventory Oversight*", "Managing 5 * 3 unit-dose packs per tray."),
        ("Error Review", "You *always* read every incident report."),
    ]
    assert p.overview[-1] == "*Requires two years of supervisory experience."


def test_a_line_full_of_marks_is_read_in_linear_time() -> None:
    """A hostile page's one long line of marks (": *a* x " 25,000 times, "*a : " with no closing):
    read at once, not in a time that grows with the square of the line (minutes)."""
    import time

    for junk in (": *a* x " * 25000, "*a : " * 40000, "**_" * 60000 + "a" + "_**" * 60000):
        text = seed_text().replace("\nCore Responsibilities\n", "\n" + junk + "\n\nCore Responsibilities\n", 1)
        t = time.monotonic()
        p = parse_page(text)
        assert time.monotonic() - t < 5 and len(p.responsibilities) == 4
    assert unemphasised(": *a* x " * 3) == ": *a* x " * 3


# ----------------------------------------------------------------------------- a masthead line around the title

# A page in the style of the writers' pages: the title alone on the first line, then the pitch.
_FORGERY_PAGE = """Prescription Forgery Detection Specialist
{masthead}Spot the altered, stolen and fake prescriptions before they are filled, and help the pharmacy team do the same.

About the Role

A Prescription Forgery Detection Specialist reviews prescriptions that look wrong: altered quantities, stolen prescription pads and fake electronic prescriptions.

You work across a chain of community pharmacies, document every confirmed forgery and train staff to recognize tampering.

Key Responsibilities

1. Suspicious Prescription Review – Examining flagged paper and electronic prescriptions for alterations and mismatched prescriber details.
2. Prescriber Verification – Calling and confirming with prescriber offices using independently found contact numbers.

Pathway to Certification

1) CRXFI – Certified Prescription Fraud Investigator: builds your skill in investigating, documenting and reporting prescription fraud cases.
2) CMSO – Certified Medication Safety Officer: shows you can fold forgery prevention into the pharmacy's wider medication safety program.

A Day in the Life

{day}
Think Like an Investigator
For the skeptical, detail-loving pharmacy professional who reads every prescription twice.
"""
_FORGERY_DAY = """In the morning, you work through the overnight queue of flagged prescriptions from twelve stores, calling the clinic to verify.

Around midday, you run monitoring program reports for three patients flagged by pharmacists and find one filling at five pharmacies in a month.

In the afternoon, you write up a confirmed forged pad, send a fraud alert to the regional pharmacies and update the red-flag checklist.

{last}, you hold a short video training for new technicians on checking prescription security features.
"""
_PITCH = "Spot the altered, stolen and fake prescriptions before they are filled, and help the pharmacy team do the same."


def _forgery_page(masthead: str = "", last: str = "At the end of the day") -> str:
    return _FORGERY_PAGE.format(masthead=masthead, day=_FORGERY_DAY.format(last=last))


@pytest.mark.parametrize(
    "masthead",
    [
        "Council on Pharmacy Standards | Career Spotlight\n",  # the writer's page
        "CAREER SPOTLIGHT\n",
        "Career Spotlight · Council on Pharmacy Standards · March 2025\n",
        "Council on Pharmacy Standards — Career Spotlight — Updated May 2024\n",
        "Career Spotlight | cps.org\n",
        "Council on Pharmacy Standards\n",
        "By Dana Lee, PharmD | Council on Pharmacy Standards\n",
        "By Dana Lee\n",
        "March 12, 2025\n",
        "Council on Pharmacy Standards | Career Spotlight\n\nBy Dana Lee · June 2025 · 5 min read\n\n",
    ],
)
def test_a_masthead_line_between_the_title_and_the_pitch_is_skipped(masthead: str) -> None:
    """"Council on Pharmacy Standards | Career Spotlight" under the title: before, it was stored
    as the pitch, and the real pitch and the "About the Role" heading became overview paragraphs."""
    p = parse_page(_forgery_page(masthead))
    assert facts(p) == facts(parse_page(_forgery_page()))
    assert p.title == "Prescription Forgery Detection Specialist" and p.tagline == _PITCH
    assert p.overview_heading == "About the Role" and len(p.overview) == 2 and p.overview[0].startswith("A Prescription Forgery")


@pytest.mark.parametrize(
    "masthead",
    [
        "Council on Pharmacy Standards | Career Spotlight",
        "Career Spotlight | Council on Pharmacy Standards",
        "Career Spotlight – cps.org",
        "By Dana Lee | Council on Pharmacy Standards",
        "Council on Pharmacy Standards",
        "March 12, 2025",
    ],
)
def test_a_masthead_line_above_the_title_is_skipped(masthead: str) -> None:
    """Above the title: before, the masthead (or its part before a "|") was taken for the title,
    and the role named after it."""
    p = parse_page(masthead + "\n" + _forgery_page())
    assert facts(p) == facts(parse_page(_forgery_page()))
    career_path = "Career Path: Prescription Forgery Detection Specialist – Council on Pharmacy Standards\nCAREER SPOTLIGHT\n\n"
    assert facts(parse_page(masthead + "\n" + career_path + _forgery_page())) == facts(p)  # (above the "Career Path:" line too)


@pytest.mark.parametrize(
    "first",
    [
        "Prescription Forgery Detection Specialist | Career Spotlight",
        "Prescription Forgery Detection Specialist – Career Spotlight – Council on Pharmacy Standards",
        "Prescription Forgery Detection Specialist | Council on Pharmacy Standards | March 2025",
    ],
)
def test_a_masthead_after_the_title_on_its_line_is_no_part_of_the_title(first: str) -> None:
    """"Title | Career Spotlight": before, "Career Spotlight" went into the title and the role id."""
    p = parse_page(_forgery_page().replace("Prescription Forgery Detection Specialist\n", first + "\n", 1))
    assert facts(p) == facts(parse_page(_forgery_page()))


def test_a_byline_under_the_pitch_is_no_overview_heading() -> None:
    """"By Dana Lee · June 2025" under the pitch: before, the overview's heading, with "About the
    Role" an overview paragraph."""
    text = _forgery_page().replace(_PITCH + "\n", _PITCH + "\nBy Dana Lee · June 2025\n")
    assert facts(parse_page(text)) == facts(parse_page(_forgery_page()))
    text = _forgery_page().replace(_PITCH + "\n", _PITCH + "\n\nBy Dana Lee\n")  # alone, a heading under it
    assert facts(parse_page(text)) == facts(parse_page(_forgery_page()))


@pytest.mark.parametrize(
    "pitch",
    [
        "By keeping forged prescriptions off the counter, you protect patients and the pharmacy.",
        "By Design, Not by Chance: spot forged prescriptions before they are filled.",
        "Join the Council on Pharmacy Standards career spotlight on fraud: spot forged prescriptions early.",
        "Council on Pharmacy Standards-certified specialists spot forged prescriptions before they are filled.",
        "Spot forged prescriptions · Train the team · Protect patients.",
        "Spot forged prescriptions — by day, by night, by every channel.",
        "May 2025 – the month forged pads flooded the region – showed why this role matters.",
        "Since 2019 – the pharmacy's last line against forged prescriptions.",
        "By Design",
    ],
)
def test_a_pitch_with_a_mastheads_words_stays_the_pitch(pitch: str) -> None:
    """A pitch that speaks of the council, a spotlight, a date or "by …" in its own words, or uses
    a separator, is no masthead: it stays the pitch."""
    p = parse_page(_forgery_page().replace(_PITCH, pitch))
    assert p.tagline == pitch and p.overview_heading == "About the Role" and len(p.overview) == 2


def test_a_heading_that_reads_like_a_byline_stays_the_overviews_heading() -> None:
    """"By Your Side Every Shift" alone over the overview's paragraphs is its heading, not a byline."""
    text = _forgery_page().replace(_PITCH + "\n\nAbout the Role\n", _PITCH + "\n\nBy Your Side Every Shift\n")
    p = parse_page(text)
    assert p.tagline == _PITCH and p.overview_heading == "By Your Side Every Shift" and len(p.overview) == 2
    text = _forgery_page().replace(_PITCH + "\n", "By Your Side Every Shift\n")  # no pitch: that line is the pitch, as before
    assert parse_page(text).tagline == "By Your Side Every Shift"


@pytest.mark.parametrize(
    "line",
    [
        "Council on Pharmacy Standards | Career Spotlight | Spot the altered, stolen and fake prescriptions before they are filled.",
        "Career Spotlight — Spot the altered, stolen and fake prescriptions before they are filled.",
        "Spot the altered, stolen and fake prescriptions before they are filled. | cps.org",
    ],
)
def test_a_masthead_run_into_the_pitch_is_refused_on_its_line(line: str) -> None:
    """A masthead and the pitch on one line: which part is the pitch cannot be told safely, so the
    page is refused on that line, never a masthead stored as the pitch."""
    with pytest.raises(PageError) as e:
        parse_page(_forgery_page().replace(_PITCH, line))
    assert e.value.line == 2 and "runs a masthead" in e.value.message and "on lines of their own" in e.value.message


# ----------------------------------------------------------------------------- a day timed by words placing a part in the day


def test_late_in_the_day_is_an_entry_of_its_own() -> None:
    """The writer's day: "In the morning, …", "Around midday, …", "In the afternoon, …", "Late in
    the day, you hold …". Before, "Late in the day" was read as the whole day ("Every day") and its
    paragraph merged into the afternoon's entry."""
    p = parse_page(_forgery_page(last="Late in the day"))
    assert [(t, title) for t, title, _ in p.day] == [
        ("In the morning", "Work through the overnight queue"),
        ("Around midday", "Run monitoring program reports"),
        ("In the afternoon", "Write up a confirmed forged pad"),
        ("Late in the day", "Hold a short video training"),
    ]
    assert p.day[2][2].endswith("update the red-flag checklist.")
    assert p.day[3][2] == "You hold a short video training for new technicians on checking prescription security features."


_LEADS = [
    "Late in the day", "Early in the day", "Later in the day", "Later that day", "Late in the shift", "Early in the shift",
    "Late in the afternoon", "Early in the morning", "At the end of the day", "Toward the end of the day", "Toward evening",
    "By late afternoon", "By mid-afternoon", "End of day",
]


@pytest.mark.parametrize("lead", _LEADS)
def test_a_lead_placing_a_part_in_the_day_opens_an_entry_last_or_first(lead: str) -> None:
    """Each lead that places a moment within the day is an entry of its own, as the day's last part
    and as its first (before, "Early in the day, you …" first was made the day's intro)."""
    p = parse_page(_forgery_page(last=lead))
    assert [t for t, _, _ in p.day] == ["In the morning", "Around midday", "In the afternoon", lead]
    first = _forgery_page(last="Toward evening").replace("In the morning, you work", f"{lead}, you work")
    p = parse_page(first)
    assert [t for t, _, _ in p.day] == [lead, "Around midday", "In the afternoon", "Toward evening"] and p.day_intro == ""


@pytest.mark.parametrize("whole", ["Every day", "On a typical day", "On a busy day", "Some days", "Most shifts", "Throughout the day", "On late shifts"])
def test_a_comma_after_the_whole_day_still_opens_no_entry(whole: str) -> None:
    """A lead naming the day as a whole (or days, shifts) is still no part of it: the day's intro."""
    day = f"{whole}, you balance the queue and the training calendar.\n\n" + _FORGERY_DAY.format(last="At the end of the day")
    p = parse_page(_FORGERY_PAGE.format(masthead="", day=day))
    assert p.day_intro == f"{whole}, you balance the queue and the training calendar." and len(p.day) == 4


def test_one_late_in_the_day_paragraph_inside_an_entry_stays_its_text() -> None:
    """One such paragraph in a day labelled "Morning: …" is that entry's text, as before."""
    day = "Morning: Overnight Queue\nYou work the queue.\n\nLate in the day, you call the clinic back.\n\nAfternoon: Fraud Alert\nYou write the alert.\n"
    p = parse_page(_FORGERY_PAGE.format(masthead="", day=day))
    assert p.day == [("Morning", "Overnight Queue", "You work the queue. Late in the day, you call the clinic back."), ("Afternoon", "Fraud Alert", "You write the alert.")]


def test_a_long_masthead_like_line_is_read_in_linear_time() -> None:
    """A hostile first or second line of many masthead parts ("Title | cps.org | cps.org …", dates,
    bylines): read at once (before, the first line's parts were matched again after each one cut
    off, in a time growing with the square of the line)."""
    import time

    tail = "\n" + _forgery_page().split("\n", 1)[1]
    for junk in ("Title" + " | cps.org" * 40000, " · ".join(["Updated: May 2024"] * 30000) + " x", " | ".join(["By Dana Lee"] * 40000), "Title" + " - x" * 40000):
        for text in (junk + "\n" + _forgery_page(), "Prescription Forgery Detection Specialist\n" + junk + tail):
            t = time.monotonic()
            try:
                parse_page(text)
            except PageError:
                pass
            assert time.monotonic() - t < 5


def test_a_heading_asking_what_the_role_does_is_the_overview_even_if_its_title_says_certification() -> None:
    """"What does a Certification Routing Coordinator do?" asks about the role, not its pathway:
    before, "certif" in the title made it the pathway's heading and the import was refused."""
    for heading in ("What does a Certification Routing Coordinator actually do?", "What is a Certification Routing Coordinator?"):
        page = QA_PAGE.replace("Refill Routing Coordinator", "Certification Routing Coordinator").replace("What does the role involve?", heading)
        p = parse_page(page)
        assert p.overview_heading == heading and len(p.overview) == 2
        assert p.pathway_heading == "How do I get certified?" and [c.code for c in p.certifications] == ["CPFLA", "CPSCM"]


@pytest.mark.parametrize("line", ["Learn more: https://example.org/careers/refill-routing", "Learn more at <https://example.org/careers>", "Learn more – https://example.org/x"])
def test_a_closing_link_keeps_its_words_not_its_address(line: str) -> None:
    """The page's last line "Learn more: https://…" is the button: before, the address was kept in its text."""
    p = parse_page(QA_PAGE + "\n" + line + "\n")
    assert p.closing_link == "Learn more" and p.closing == "This role is for the steady coordinator who likes keeping a region in balance."


_LABELLED_DUTIES = """What will I be responsible for?

Responsibility: Queue Watching
Spotting stores that fall behind before patients notice.

Responsibility: Refill Routing
Moving refills between stores and central fill.
"""

_LABELLED_PAIRS = """What will I be responsible for?

Responsibility: Queue Watching
Details: Spotting stores that fall behind before patients notice.

Responsibility: Refill Routing
Details: Moving refills between stores and central fill.
"""

_LABELLED_STEPS = """How do I get certified?

Step 1: CPFLA
Certification: Certified Prescription Fulfillment Logistics Analyst
Why it matters: Shows you can route prescriptions between sites.

Step 2: CPSCM
Certification: Certified Pharmacy Supply Chain Manager
Why it matters: Makes sure the stock follows the work.
"""


@pytest.mark.parametrize("duties", [_LABELLED_DUTIES, _LABELLED_PAIRS])
def test_labelled_blocks_name_duties_by_their_values_not_their_labels(duties: str) -> None:
    """"Responsibility: Queue Watching" over its text (or over "Details: …"): before, every duty was
    named "Responsibility" (or each line was a duty of its own, named "Details")."""
    start, end = QA_PAGE.index("What will I be responsible for?"), QA_PAGE.index("How do I get certified?")
    p = parse_page(QA_PAGE[:start] + duties + "\n" + QA_PAGE[end:])
    assert p.responsibilities == [
        ("Queue Watching", "Spotting stores that fall behind before patients notice."),
        ("Refill Routing", "Moving refills between stores and central fill."),
    ]


def test_labels_every_step_repeats_are_no_part_of_its_name_or_reason() -> None:
    """"Certification: Certified …" and "Why it matters: …" under each step: before, the labels were
    kept in the certification's name and reason."""
    start, end = QA_PAGE.index("How do I get certified?"), QA_PAGE.index("What does a typical day look like?")
    p = parse_page(QA_PAGE[:start] + _LABELLED_STEPS + "\n" + QA_PAGE[end:])
    assert [(c.code, c.name, c.description) for c in p.certifications] == [
        ("CPFLA", "Certified Prescription Fulfillment Logistics Analyst", "Shows you can route prescriptions between sites."),
        ("CPSCM", "Certified Pharmacy Supply Chain Manager", "Makes sure the stock follows the work."),
    ]


@pytest.mark.parametrize("masthead", ["Council on Pharmacy Standards - Career Paths", "Careers | cps.org"])
def test_a_site_section_beside_the_council_s_name_is_a_masthead(masthead: str) -> None:
    """"Council on Pharmacy Standards - Career Paths" over the pitch: before, the page was refused as
    a masthead run into other text (conv300's writer had to edit the line)."""
    lines = QA_PAGE.splitlines()
    p = parse_page("\n".join([lines[0], masthead, *lines[1:]]) + "\n")
    assert p.tagline == "Send each refill to the store that has room for it." and p.overview_heading == "What does the role involve?"


@pytest.mark.parametrize(
    "closing",
    [
        "A quiet, precise career in the middle of every region: if you like balance, this may be the role for you.",
        "If you like keeping a region in balance, this coordinator role may be your next step.",
    ],
)
def test_a_closing_paragraph_after_one_line_day_entries_is_the_closing(closing: str) -> None:
    """The day as one-line entries ("Close of Business – Review: You review …") and then the page's
    closing paragraph with no heading: before, the paragraph was glued onto the last entry's text."""
    start = QA_PAGE.index("What does a typical day look like?")
    day = """What does a typical day look like?

Before Opening – Volume Check: You check the overnight refill volumes and decide what each store sends on.
Close of Business – Promise Review: You review which stores met their promise times and plan tomorrow.

"""
    p = parse_page(QA_PAGE[:start] + day + closing + "\n")
    assert [(t, title) for t, title, _ in p.day] == [("Before Opening", "Volume Check"), ("Close of Business", "Promise Review")]
    assert p.day[-1][2] == "You review which stores met their promise times and plan tomorrow." and p.closing == closing


# ----------------------------------------------------------------------------- round 84: importer leftovers


@pytest.mark.parametrize("mark", ["Step 1 · ", "Step 1 • ", "Step one · "])
def test_steps_numbered_with_a_middle_dot_are_the_pathway(mark: str) -> None:
    """"Step 1 · CPFLA · Certified …" over "Why: …": before, the whole pathway was refused as no
    certification blocks (a writer of round 83 had to rewrite it)."""
    second = mark.replace("1", "2").replace("one", "two")
    pathway = (
        f"How do I get certified?\n\n{mark}CPFLA · Certified Prescription Fulfillment Logistics Analyst\nWhy: Shows you can route prescriptions between sites.\n\n"
        f"{second}CPSCM · Certified Pharmacy Supply Chain Manager\nWhy: Makes sure the stock follows the work.\n\n"
    )
    a, b = QA_PAGE.index("How do I get certified?"), QA_PAGE.index("What does a typical day look like?")
    p = parse_page(QA_PAGE[:a] + pathway + QA_PAGE[b:])
    assert [(c.code, c.name, c.description) for c in p.certifications] == [
        ("CPFLA", "Certified Prescription Fulfillment Logistics Analyst", "Shows you can route prescriptions between sites."),
        ("CPSCM", "Certified Pharmacy Supply Chain Manager", "Makes sure the stock follows the work."),
    ]


@pytest.mark.parametrize("link", ["Learn More\nhttps://example.org/careers/refill-routing", "[Learn More]\n<https://example.org/careers>", "Learn More"])
def test_an_address_alone_under_the_button_is_not_the_link_text(link: str) -> None:
    """The button's words, then its address alone on the last line: before, the address was kept
    as the call to action's link text and the button's words were glued onto the closing text. And
    "Learn More" under the closing's question heading: before, the page was refused, a day entry
    ("Mid-Morning: …") read as a certification closed by it."""
    p = parse_page(QA_PAGE + "\n" + link + "\n")
    assert (p.closing, p.closing_link) == ("This role is for the steady coordinator who likes keeping a region in balance.", "Learn More")


def test_steps_written_pathway_step_n_with_a_why_line() -> None:
    """"Pathway step 1 - CODE: Certified …" then "Why: …" on the next line: before, refused ("expected
    certification blocks")."""
    steps = "".join(f"Pathway step {k} - {code}: {name}\nWhy: {desc}\n\n" for k, (code, name, desc) in enumerate(THREE_CERTS, 1))
    p = parse_page(_seed_with("pathway", f"Which certifications get you there?\n\n{steps}"))
    assert certs(p) == THREE_CERTS


def _closing_replaced(closing: str) -> str:
    """The seed page with its closing (heading, text, button) replaced by ``closing``."""
    text = seed_text()
    return text[: text.index("Ready to Engineer")] + closing


def test_a_closing_paragraph_alone_after_the_last_day_entry_is_the_closing() -> None:
    """A page that ends with one short paragraph after its day ("A job for people who like rules and
    the outdoors in equal measure."): before, glued to the last entry's text."""
    p = parse_page(_closing_replaced("A job for people who like rules and the outdoors in equal measure.\n"))
    assert p.day[-1][2].endswith("without overspending on labor.")
    assert p.closing == "A job for people who like rules and the outdoors in equal measure."


def test_a_day_whose_entries_run_to_several_paragraphs_keeps_the_last_ones_second() -> None:
    """Guard: when the entries are written in several paragraphs, the last entry's second paragraph
    is its own, not a closing."""
    text = seed_text().replace("its potential impact on technician workflow and error rates.", "its potential impact on technician workflow and error rates.\n\nYou write up your notes for the committee.")
    p = parse_page(text[: text.index("Ready to Engineer")] + "Then you head home after checking the schedule once more.\n")
    assert p.day[-1][2].endswith("once more.") and p.closing == ""


@pytest.mark.parametrize(
    "block",
    [
        "Step {k}\nCode: {code}\nName: {name}\nWhy it matters: {desc}\n\n",
        "Step {k}\nCertification: {code} – {name}\nWhy: {desc}\n\n",
        "Certification code: {code}\nFull name: {name}\nDescription: {desc}\n\n",
    ],
)
def test_steps_written_as_labelled_fields(block: str) -> None:
    """"Code: CPOM" / "Name: Certified …" / "Why it matters: …" under "Step 1", or "Certification:
    CPOM – Certified …" then "Why: …": before, refused ("expected certification blocks")."""
    steps = "".join(block.format(k=k, code=code, name=name, desc=desc) for k, (code, name, desc) in enumerate(THREE_CERTS, 1))
    p = parse_page(_seed_with("pathway", f"Which certifications should I earn?\n\n{steps}"))
    assert certs(p) == THREE_CERTS


@pytest.mark.parametrize("label", ["Role", "Job title", "Position"])
def test_a_first_line_labelled_role_gives_the_title_without_its_label(label: str) -> None:
    """"Role: Director of Pharmacy Operations" as the first line: before, the label was kept in the
    title and its id ("role-director-of-pharmacy-operations")."""
    text = seed_text()
    first, rest = text.split("\n", 1)
    p = parse_page(f"{label}: Director of Pharmacy Operations\n{rest}")
    assert p.title == "Director of Pharmacy Operations"
