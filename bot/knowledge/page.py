"""Parse the text of a council *career spotlight* page into its parts.

Pages are copied from the council's website, so the parser keys on the page's structure
(section headings, certification code lines, "View Details", "Time: Title" day entries)
rather than on exact wording, and tolerates what copies vary in: CRLF, stray whitespace,
bullet characters, missing optional sections, any number of certifications or day entries.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.chars import bad_in_text, describe
from bot.knowledge.files import limit_text, size_text

MAX_PAGE_BYTES = 2 * 1024 * 1024


class PageError(Exception):
    """The page cannot be parsed: ``line`` is where, the message says what was expected."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


@dataclass
class PageCert:
    code: str
    name: str
    description: str
    line: int


@dataclass
class Page:
    title: str
    tagline: str = ""
    overview_heading: str = ""
    overview: list[str] = field(default_factory=list)
    responsibilities: list[tuple[str, str]] = field(default_factory=list)
    pathway_heading: str = ""
    pathway_intro: str = ""
    certifications: list[PageCert] = field(default_factory=list)
    day_intro: str = ""
    day: list[tuple[str, str, str]] = field(default_factory=list)
    closing_heading: str = ""
    closing: str = ""
    closing_link: str = ""


TITLE_LINE = re.compile(r"^career\s+path\s*:\s*(?P<title>.+?)\s*(?:[–—|-]\s*council on pharmacy standards)?\s*$", re.I)
# A first line naming the title, then the council or the site ("Cleanroom Aseptic Technique Trainer |
# Council on Pharmacy Standards", "… – CPS Careers", "… | cps.org"), as a page header or a browser tab
# writes it with no "Career Path:" before.
_SITE_SEP = re.compile(r"\s*[|·•–—]\s*|\s+-\s+")
_SITE = re.compile(r"^(?:the\s+)?council\s+on\s+pharmacy\s+standards$|^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|net|edu|gov|info)(?:/\S*)?$", re.I)
_ORGANISATION = re.compile(  # "CPS Careers", "Pharmacy Practice Council", "American Society of …" (not "Board Certification Prep")
    r"^(?:\S+\s+){0,4}(?:council|association|society|board|institute|academy|foundation|federation|alliance|commission|organi[sz]ation|careers?)$"
    r"|^(?:the\s+)?(?:\S+\s+){0,2}(?:council|association|society|board|institute|academy|foundation|federation|alliance|commission)\s+(?:of|on|for)\s+\S.*$",
    re.I,
)
_SPOTLIGHT_TITLE = re.compile(r"^career\s+spotlight\s*(?::|\s[–—|-])\s*(?P<title>\S.*)$", re.I)  # "CAREER SPOTLIGHT: Hub Manager"
_LABELLED_TITLE = re.compile(r"^(?:role|job\s+title|role\s+title|title|position|job)\s*:\s*(?P<title>\S.*)$", re.I)  # "Role: Hub Manager", "Job title: …": the label is no part of the title (nor of its id)
_BUTTON = re.compile(r"^(start|begin|explore|view|see|learn)\b.{0,60}$", re.I)
_RESPONSIBILITIES = re.compile(
    r"^((your|the|core|key|main|primary|major|daily|everyday|day-to-day|day to day)\s+){0,2}(responsibilities|duties)\s*:?$"
    r"|^what you(['’]ll| will)?( be)? (do|doing|own|owning|handle|handling|be responsible for)\s*:?$|^what the (role|job|position) (involves|entails|covers|includes)\s*:?$",
    re.I,
)
_PATHWAY = re.compile(
    r"^(the\s+|your\s+)?certification\s+(pathway|path|roadmap)\b.*$|^your\s+(certification\s+)?(pathway|path|roadmap)\b.*$"
    r"|^(recommended|suggested|relevant|key)\s+certifications\b.*$|^certifications\s*:?$"
    r"|^(the\s+|your\s+)?(pathway|path|roadmap|route)\s+to\s+(your\s+)?certification\b.*$"
    r"|^(building|build|earning|earn|growing|grow|stacking|stack)\s+your\s+([\w-]+\s+){0,3}(credentials|certifications)\b[^.!?]*$"  # "Building Your Credentials"
    r"|^(your|key|recommended|suggested|essential|core)\s+credentials\s*:?$",  # (a sentence "Your credentials build …." is no heading)
    re.I,
)
_DAY = re.compile(r"^(a\s+)?(typical\s+)?day\s+in\s+the\s+life\b.*$|^a\s+typical\s+day\b.*$", re.I)
_KINDS = {"responsibilities": _RESPONSIBILITIES, "pathway": _PATHWAY, "day": _DAY}
# The overview's own heading ("Overview", "Role Summary", "About the Role"): never the page's tagline.
_OVERVIEW = re.compile(r"^(?:(?:the\s+)?(?:role|job|position|career)\s+)?(?:overview|summary|introduction|at\s+a\s+glance)\s*:?$|^about\s+(?:the|this)\s+(?:role|job|position|career)\s*:?$", re.I)
# A heading asked as a question ("What will I be responsible for?", "How do I get certified?", "What
# does a typical day look like?") opens the section it asks about; one asking about the role itself
# ("What does the role involve?") opens none, so it stays the overview's heading.
_QUESTION = re.compile(r"^(?:what|what's|which|how)\b.*\?$", re.I)
# "What does a Certification Exam Psychometrician do?", "What is a Certification Eligibility Specialist?":
# the role itself is asked, whatever its title says ("What is a typical day like?" asks about the day).
_WHAT_IT_DOES = re.compile(r"^what\s+does\s+(?:a|an|the|this|our)\s+[^?]+?\s+(?:actually\s+|really\s+)?do\?$|^what\s+is\s+(?:a|an)\s+[^?]+?(?<!\blike)\?$", re.I)
_ASKS = {
    "responsibilities": re.compile(r"\bresponsib|\bduties\b|\bwhat\s+(?:will|would|do|am)\s+(?:i|you)\s+(?:be\s+)?(?:do|doing|handle|own)\b", re.I),
    "pathway": re.compile(r"\bcertif|\bcredential", re.I),
    "day": re.compile(
        r"\bday\s+in\s+the\s+life\b|\b(?:typical|average|normal|ordinary|usual|regular|working)\s+(?:work\s*)?day\b|\b(?:my|your|the|a|their)\s+day\b.*\b(?:look|like)\b|\bday\s+(?:on|at)\s+the\s+job\b",
        re.I,
    ),
}
# A section heading's number: "1. Overview", "2) Key Responsibilities", "3 – Certification Pathway",
# "4 | A Day in the Life", "Section 2 – …" ("## 1. Overview" is "1. Overview" once cleaned).
_SECTION_NUMBER = re.compile(r"^(?:(?:section|part)\s+\d{1,2}(?:[.):]|\s+[|–—-])?|\d{1,2}(?:[.)]|\s+[|–—-]))\s+(?=\S)", re.I)
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
_NUMBERED_MARK = (  # "1. ", "2) ", "(3) ", "a) ", "(b) ", "Step 1. ", "Step 2: ", "Step one: ", "Step Two – ", "Step 3 · ", "Pathway step 1 - " (not "7:00 AM")
    r"(?:step\s+)?\(?\d{1,2}[.)]\s+|\(?[a-j]\)\s+|(?:(?:pathway|path|career|certification)\s+)?step\s+(?:\d{1,2}|" + _NUMBER_WORDS + r")\s*[:.–—·•-]\s*"
)
_BULLET = re.compile(r"^(?:[•·●○◦▪▫■□‣⁃∙*+\-–—]\s*|" + _NUMBERED_MARK + ")", re.I)
# A pictograph as a list item's bullet ("🚨 Sepsis Alert Response — …", "✅ …", "1️⃣ …"), with its
# variation selector, skin tone or the pictographs joined to it. Not one of ``_BULLET``'s marks, so
# that a heading decorated with one ("📜 Certifications That Build a Career") stays a heading.
_PICTOGRAPH_CHAR = r"[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
_PICTOGRAPH = r"(?:" + _PICTOGRAPH_CHAR + r"|\d\ufe0f?\u20e3)(?:[\ufe0f\u20e3\U0001f3fb-\U0001f3ff]|\u200d?" + _PICTOGRAPH_CHAR + r")*\s*"
_PICTOGRAPH_MARK = re.compile(r"^" + _PICTOGRAPH)
_LIST_MARK = re.compile(r"^(?:[•·●○◦▪▫■□‣⁃∙]\s*|[*+\-–—]\s+|" + _PICTOGRAPH + "|" + _NUMBERED_MARK + ")", re.I)
_VIEW_DETAILS = re.compile(r"^(view|see)\s+details\b.*$|^learn\s+more$", re.I)
_CODE = re.compile(r"^[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*$")
_CODE_NAME = re.compile(r"^(?P<code>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s*(?:[–—:|·•]|\s-\s|,(?=\s*[Cc]ertifi))\s*(?P<name>.+)$")  # ("CPOM · Certified …", "CPOM, Certified …" too)
_NAME_CODE = re.compile(r"^(?P<name>.+?)\s*\((?P<code>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\)$")
_CODE_PAREN = re.compile(r"^(?P<code>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s*\((?P<name>[Cc]ertified\b[^()]{3,100})\)$")  # "CHSPP (Certified Human Subjects Protection Pharmacist)", its text on the next line
# A whole step on one line, the code in brackets: "Certified Foo Bar (CFOO) – why it matters",
# "CFOO (Certified Foo Bar): why it matters".
_STEP_LINES = (
    re.compile(r"^(?P<name>[^()]{3,100}?)\s*\((?P<code>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\)\s*[:.|–—-]\s*(?P<desc>\S.*)$"),
    re.compile(r"^(?P<code>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s*\((?P<name>[^()]{3,100})\)\s*[:.|–—-]\s*(?P<desc>\S.*)$"),
)
_CLOCK = r"\d{1,2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[-–—]\s*\d{1,2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?"
# A clock time read whole at the start of a line: never cut inside itself ("07:45 | Report Queue" is
# not "07" then "45 | Report Queue"), nor before more digits.
_WHOLE_CLOCK = _CLOCK + r"(?!\d|:\d)"
# What may stand between a day label and its title: a colon, a dash, or a pipe, a slash, a bullet
# or a middle dot ("07:45 | Report Queue", "7:45 AM / Report Queue", "Opening • Counter Setup").
_LABEL_SEP = r"(?::|[–—]|\s-\s|\s*[|•·]|\s/(?=\s))"
_DAY_ENTRY = re.compile(r"^(?P<time>" + _WHOLE_CLOCK + r"|[A-Z][A-Za-z0-9\-]*(?:\s+[A-Za-z0-9][A-Za-z0-9\-]*){0,3}(?:\s*\(" + _CLOCK + r"\))?)\s*" + _LABEL_SEP + r"\s*(?P<title>\S.*)$")
# Words that make a label a time of day ("Morning", "Mid-Day", "End of Day", "Monday"), so a
# closing heading such as "Next Steps: Get Certified" is not mistaken for a day entry.
_TIME_WORD = re.compile(
    r"\b(?:first\s+thing|first\s+light|daybreak|sunrise|sunset|(?:mid-?)?morning|mid-?day|noon|lunch(?:time)?|(?:mid-?|late\s+)?afternoon|evening|(?:mid-?)?night|overnight|day|shift|dawn|dusk"
    r"|weekend|wrap-?up|late|early|(?:small|wee|after|early|late|office)\s+hours|(?:mon|tues|wednes|thurs|fri|satur|sun)day|[ap]\.?m\.?)\b",
    re.I,
)
# A moment of the working day named by what happens then, alone or placed relative to it ("At
# Opening", "Closing", "Close of Business", "Shift Change", "Toward the End", "Before the Rush").
_MOMENT = re.compile(
    r"^(?:(?:at|before|after|near|by|until|till|around|toward|towards)\s+(?:the\s+)?)?(?:open(?:ing)?|clos(?:e|ing)(?:\s+of\s+business)?|hand-?off|handover|shift\s+change)(?:\s+time)?$"
    r"|^(?:at|by|before|toward|towards|near)\s+the\s+(?:start|end|finish)$"
    r"|^(?:before|after|until|till|toward|towards)\s+(?:the\s+)?(?!(?:you|we|they|i|it)\b)[a-z-]+(?:\s+[a-z-]+)?$",
    re.I,
)


def _first_line_title(line: str) -> str | None:
    """The title a first line gives: "Career Path: Title – Council on Pharmacy Standards", "CAREER
    SPOTLIGHT: Title", "Title | Council on Pharmacy Standards"; None for a line that is no such line."""
    m = TITLE_LINE.match(line) or _SPOTLIGHT_TITLE.match(line) or _LABELLED_TITLE.match(line)
    title = m.group("title") if m else line
    title = _site_title(title) or (title if m else None)
    return None if title is None or _masthead(title, strict=True) else title  # ("Career Spotlight | cps.org": a masthead, no title)


def _site_title(line: str) -> str | None:
    """The title of a first line "Title | Council on Pharmacy Standards" (or "– CPS Careers", "|
    cps.org", "| Career Spotlight"): the words before the site's name or another part of a masthead
    (``_masthead_part``), which is no part of the role's title (nor its id)."""
    end = len(line)  # (the parts from the last separator back, each read once: linear in the line's length)
    for sep in reversed(list(_SITE_SEP.finditer(line))):
        if not line[: sep.start()].strip() or _masthead_part(line[sep.end() : end].strip(), alone=False) is None:
            break
        end = sep.start()
    title = line[:end].rstrip()
    return title if end < len(line) and _heading_like(title) else None


def _site_name(text: str) -> bool:
    """The council's name, a web address, or a short capitalised name of an organisation ("CPS Careers")."""
    return bool(_SITE.match(text)) or (len(text.split()) <= 6 and bool(_ORGANISATION.match(text)) and _title_cased(text))


# A masthead or byline line above or under the title, before the one-line pitch: "Council on Pharmacy
# Standards | Career Spotlight", "Career Spotlight · cps.org · March 2025", "By Dana Lee, PharmD —
# Updated May 2024". Each part of it, split at a separator (``_MASTHEAD_SEP``), is the publisher's or
# a site's name (``_site_name``), a word of the publication (``MASTHEAD_WORDS``), a date (``_DATE``)
# or a byline (``_BYLINE``, a name after "By"). Kept as data: a masthead's new kind of part goes here.
_MASTHEAD_SEP = re.compile(r"\s*[|·•–—]\s*|\s+-\s+|\s+/\s+")
MASTHEAD_WORDS = (
    r"(?:career\s+)?spotlights?(?:\s+series)?",  # "CAREER SPOTLIGHT" (not "Career Profile" nor "Career Path": a heading's words too)
    r"\d{1,3}\s*-?\s*min(?:ute)?s?\s+read",  # "5 min read"
)
_MASTHEAD_WORD = re.compile(r"^(?:" + "|".join(MASTHEAD_WORDS) + r")$", re.I)
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE = re.compile(  # "March 2025", "March 12, 2025", "12 March 2025", "2025-03-12", "Updated: May 2024", "Spring 2025", "Issue 12"
    r"^(?:(?:last\s+)?(?:updated|published|posted|revised|reviewed)(?:\s*:\s*|\s+on\s+|\s+))?"
    r"(?:" + _MONTH + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+\d{4}"
    r"|(?:spring|summer|fall|autumn|winter)\s+\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:19|20)\d{2}"
    r"|(?:issue|vol\.?|volume|no\.)\s*\d{1,4})$",
    re.I,
)
# "By Dana Lee", "By J. R. Ortiz, PharmD, BCPS", "Written by the CPS Careers Team": a name in capitals
# (its particles and "and" apart) after "By", or the publisher's name (``_site_name``).
_BYLINE = re.compile(r"^(?i:(?:written|posted|reported|compiled)\s+)?(?i:by)\s+(?:(?i:the)\s+)?(?P<name>\S.*)$")
_PERSON = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|de|del|da|van|von|der|den|la|le|du|bin|al))*(?:,\s*[A-Z][A-Za-z.]*)*$")
_PERSON_WORDS = 6  # at most this many words in a byline's name


def _byline(part: str, alone: bool) -> bool:
    """A byline: "By" and a name ("By Dana Lee, PharmD") or the publisher's ("By the Council on
    Pharmacy Standards"). Alone on its line the name needs two words or more ("By Design" may be a
    pitch's words)."""
    m = _BYLINE.match(part)
    if m is None:
        return False
    name = m.group("name")
    if _site_name(name):
        return True
    words = [w for w in name.split(",")[0].split() if w[:1].isupper()]
    return bool(_PERSON.match(name)) and (2 if alone else 1) <= len(words) and len(name.split(",")[0].split()) <= _PERSON_WORDS


def _masthead_part(part: str, alone: bool) -> str | None:
    """What a part of a masthead line is: "site" (the council's name, a web address), "name" (an
    organisation's, which may be a title such as "Board of Pharmacy Inspector" too), "words"
    ("Career Spotlight"), "date" or "byline"; None for a part that is none of them."""
    if _SITE.match(part):
        return "site"
    if _MASTHEAD_WORD.match(part):
        return "words"
    if _DATE.match(part):
        return "date"
    if _byline(part, alone):
        return "byline"
    return "name" if _site_name(part) else None


# A site section's name ("Career Paths", "Careers", "Career Profiles"): a masthead's words only beside
# the council's name or a web address, as alone they may be a heading's.
_SITE_SECTION = re.compile(r"^careers?(?:\s+(?:paths?|profiles?|hub|centre|center|guides?|library))?$", re.I)


def _masthead_parts(text: str) -> tuple[list[str], list[str | None]]:
    """A line's parts between separators, and what each is (``_masthead_part``)."""
    parts = [p.strip() for p in _MASTHEAD_SEP.split(text.strip()) if p.strip()]
    kinds = [_masthead_part(p, alone=len(parts) == 1) for p in parts]
    if "site" in kinds:
        kinds = ["words" if k is None and _SITE_SECTION.match(p) else k for p, k in zip(parts, kinds)]
    return parts, kinds


def _masthead(text: str, strict: bool = False, byline: bool = True) -> bool:
    """A masthead or byline line (``MASTHEAD_WORDS``): every part of it one, and not only
    organisations' names ("CPS Careers", which may be a title such as "Board of Pharmacy
    Inspector"): those only beside another part, and never when ``strict`` (above the title). A
    byline alone ("By Dana Lee") only when ``byline``: where the line stands says whether it may be
    a heading's words instead ("By Your Side Every Shift")."""
    _, kinds = _masthead_parts(text)
    if not kinds or None in kinds or all(k == "name" for k in kinds):
        return False
    return not (strict and "name" in kinds) and (byline or kinds != ["byline"])


def _refuse_masthead_with_text(line: tuple[int, str]) -> None:
    """The line where the pitch goes, part masthead (the council's name or a web address, "Career
    Spotlight") and part other text: which part is the pitch cannot be told safely, so the page is
    refused on that line rather than a masthead stored as the role's tagline. A date or "by …"
    beside other text may be the pitch's own words ("May 2025 – the month …"): left as written."""
    parts, kinds = _masthead_parts(line[1])
    if len(parts) < 2 or None not in kinds or not {"site", "words"} & set(kinds):
        return
    masthead = " | ".join(p for p, k in zip(parts, kinds) if k is not None)
    raise PageError(
        line[0],
        f"{line[1][:80]!r} runs a masthead ({masthead[:60]!r}) into other text; put the masthead line "
        f"(publisher, 'Career Spotlight', date, byline) and the role's one-line pitch on lines of their own",
    )


def _time_label(label: str) -> bool:
    """Whether a label names when in the day: a clock time, a time-of-day word or a moment."""
    label = label.strip()
    return _clock_label(label) or bool(_TIME_WORD.search(label) or _MOMENT.match(label))


def _clock_label(label: str) -> bool:
    """A clock time ("7:30", "7 AM", "7-9 a.m."); a number alone ("5 – Ready to Train?") is a
    section's number, not an hour."""
    label = label.strip()
    return label[:1].isdigit() and not label.isdigit()


# A label placed relative to a moment ("Before Opening", "After School", "Until Close"): a time
# of day too when it opens a day whose other labels are times ("Before Opening" then "Late Morning"),
# unlike a sub-heading such as "In Short: A Busy Day" above the day's intro.
_RELATIVE_TIME = re.compile(r"(?:before|after|until|till|between|during|around|pre|post|opening|closing|start\s+of|end\s+of)\b", re.I)
_SENTENCE_NAME = re.compile(r"^(?P<name>[A-Z][^.!?:]{2,60}?)\.\s+(?P<desc>[A-Z].+)$")  # a name ending in a full stop, then its text
_SPLIT_NAME = re.compile(r"^(?P<name>(?:[^:–—]|(?<=\w)[–—](?=\w)){3,80}?)\s*(?::|\s[–—-]\s)\s*(?P<desc>\S.+)$")  # (a dash between letters is the name's own: "ED–Inpatient Handoff Design — …")

# A clock time that cannot be a number ("07:45", "7 AM", "7:45 a.m.") then a capitalised title with
# nothing between: "07:45 Report Queue".
_SURE_CLOCK = r"\d{1,2}(?::\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?|\s*[AaPp]\.?[Mm]\.?)"
_CLOCK_TITLE = re.compile(r"^(?P<time>" + _SURE_CLOCK + r"(?:\s*[-–—]\s*" + _SURE_CLOCK + r")?)(?<!\s)\s+(?![AaPp]\.?[Mm]\b)(?P<title>[A-Z][^:]*)$")


def _day_entry(text: str, strict: bool) -> re.Match[str] | None:
    """``Morning: Daily Operations Huddle`` -> time and title; ``strict`` wants a time-of-day label."""
    m = _DAY_ENTRY.match(text) or _CLOCK_TITLE.match(text)
    if not m or len(m.group("time")) > 30 or not _heading_like(m.group("title")):
        return None
    time = m.group("time")
    if strict and not _time_label(time):
        return None
    return m


_TITLE_THEN_TEXT = re.compile(r"^(?P<title>[^.:!?]{3,80}?)[.:!?]\s+(?P<desc>\S.*)$")


def _inline_day_entry(text: str) -> tuple[str, str, str] | None:
    """``8:30 AM – Clinic Huddle. You meet …`` or ``Early Morning – Route Review: text``: a day
    entry written on one line, its title ended by a full stop or a colon (a time of day first)."""
    m = _DAY_ENTRY.match(text)
    if not m or _heading_like(m.group("title")):
        return None  # (a title alone on its line is read by ``_day_entry``)
    time = m.group("time").strip()
    if len(time) > 30 or not _time_label(time):
        return None
    split = _TITLE_THEN_TEXT.match(m.group("title"))
    if not split or len(split.group("title").split()) > 8 or split.group("title").split()[0].lower() in _SUBJECTS:  # ("You review the report. …": a sentence, no title)
        sentence = m.group("title").strip()
        if sentence.endswith((".", "!")) and ((sentence[:1].isupper() and len(sentence.split()) >= _SENTENCE_WORDS) or _label_cased(time)):
            label = _LABEL_DASH.split(time, maxsplit=1)
            if len(label) == 2:
                return label[0], label[1], sentence  # "Evening - Handoff: You brief …": its title between
            return time, _lead(sentence), sentence  # "7:30 AM – You review the overnight turnaround times.": no title of its own
        return None
    return time, split.group("title").strip(), split.group("desc")


_SENTENCE_WORDS = 5

# A label that says when, in any case, then the entry's text: "early morning: you check the queue …",
# "Early Morning. You …", "7:30 am – you …".
_AT = r"(?:(?i:at|by|around)\s+(?=\d))?"  # "At 7:00: you …": the "At" no part of the time
_ANY_LABEL = re.compile(r"^" + _AT + r"(?P<time>" + _WHOLE_CLOCK + r"|[A-Za-z][A-Za-z\-]*(?:\s+[A-Za-z][A-Za-z\-]*){0,3})\s*(?::|\s[–—-]\s|[–—]|\s*[|•·]|\s/(?=\s)|\.(?=\s))\s*(?P<text>\S.*)$")
# "At 9:00 AM you review …", "Around 14:30 the courier …": a clock time after "At" then the text with
# nothing between, the time one that cannot be a number ("9:00", "9 AM"), so "At 9 patients …" stays text.
_AT_CLOCK = re.compile(r"^(?i:at|by|around)\s+(?P<time>" + _SURE_CLOCK + r"(?:\s*[-–—]\s*" + _SURE_CLOCK + r")?)(?!\d|:\d),?\s+(?P<text>[A-Za-z].*)$")
_NOT_LABEL = frozenset({"you", "your", "we", "our", "they", "their", "i", "my", "it", "its", "he", "she", "his", "her", "this", "that", "there", "when", "while", "if", "as"})
# A label's last word when it names a part of the day ("early morning", "end of shift", "first thing"),
# unlike "late" at the end of a sentence ("Most days run late: …").
_TIME_NOUN = re.compile(r"(?:mid-?)?(?:morning|day|noon|lunch(?:time)?|afternoon|evening|night|overnight|shift|dawn|dusk|wrap-?up|thing|hours)$", re.I)


def _any_label(label: str) -> bool:
    """Whether a label in any case says when: a clock time, a moment ("before opening") or words
    ending on a part of the day ("late morning")."""
    words = label.lower().split()
    if _clock_label(label) or _MOMENT.match(label):
        return True
    return words[0] not in _NOT_LABEL and bool(_TIME_NOUN.match(words[-1])) and _time_label(label)


def _labelled(body: list[tuple[int, str]], comma: bool = False, least: int = 2) -> dict[int, tuple[str, str]]:
    """Lines of the day that start with a time of day however written ("early morning: you …",
    "Late Morning. You …"; with ``comma``, "First thing, you …"): {position: (time, text)}. Only
    when ``least`` lines or more do, so that one sentence such as "Most days run late: …" in a
    description stays text. Lines "At 9:00 AM you …" (the time after "At", nothing between it and the
    text) count only among themselves, and one right under an entry's title ("Morning: First-Case
    Check", then "At 6 a.m. you walk …") is that entry's text, not an entry."""
    found: dict[int, tuple[str, str]] = {}
    at: dict[int, tuple[str, str]] = {}
    for pos, (_, t) in enumerate(body):
        item = _unbullet(t)
        m = _COMMA_LABEL.match(item) if comma else _ANY_LABEL.match(item)
        bare = None if comma or m else _AT_CLOCK.match(item)
        if (m or bare) and _AT_WORD.match(item) and not comma and pos and _titled_entry(_unbullet(body[pos - 1][1])):
            continue
        if m and (_part_label if comma else _any_label)(m.group("time")):
            time = m.group("time").strip()
            found[pos] = (time[:1].upper() + time[1:], m.group("text"))  # ("early morning" is "Early morning", as titles are)
        elif bare:
            at[pos] = (bare.group("time").strip(), bare.group("text"))
    return {**(found if len(found) >= least else {}), **(at if len(at) >= least else {})}


_AT_WORD = re.compile(r"^(?i:at|by|around)\s+\d")


def _titled_entry(text: str) -> bool:
    """A day entry's time and title with no text of its own ("Morning: First-Case Readiness Check")."""
    m = _day_entry(text, True)
    return m is not None and not m.group("title").rstrip().endswith((".", "!", "?"))


# "First thing, you count …", "Before noon, you …", "At 7:00, you …": a part of the day named or a
# clock time (its "At" no part of the time), then a comma.
_COMMA_LABEL = re.compile(r"^(?:(?i:at|by|around)\s+(?=\d))?(?P<time>" + _WHOLE_CLOCK + r"|[A-Za-z][A-Za-z\-]*(?:\s+[A-Za-z][A-Za-z\-]*){0,5}),\s+(?P<text>\S.*)$")
_WHOLE_DAY = frozenset({"each", "every", "any", "most", "some", "all", "on", "a", "one", "typical", "no", "throughout"})
# Words that place a label ending on "day" or "shift" within it: "End of day", "At the end of the
# shift" ("of"), "Mid day", "Late in the day", "Early in the shift", "Later that day". A label ending
# so without one of them is the day as a whole ("Every day", "On a typical day", "Most shifts").
# Kept as data: a word a page places its part of the day with goes here.
WITHIN_DAY_WORDS = frozenset({"of", "mid", "late", "later", "early", "earlier"})
_DAY_NOUNS = frozenset({"day", "days", "shift", "shifts"})
_SENTENCE_OPENERS = frozenset({"the", "a", "an", "you", "your", "we", "our", "they", "their", "he", "she", "his", "her", "i", "my", "it", "this"})
_DAY_POINTS = frozenset({"end", "start", "beginning", "middle", "rest", "first", "last"})  # "The end of the day, you …": a label after all


def _part_label(label: str) -> bool:
    """A label before a comma that names a part of the day ("First thing", "Mid-morning", "Before
    noon", "End of day", "Late in the day"), not the day as a whole ("Every day", "On a typical
    day", "Most shifts")."""
    words = label.lower().split()
    whole = words[-1] in _DAY_NOUNS and not WITHIN_DAY_WORDS.intersection(words[:-1])
    sentence = words[0] in _SENTENCE_OPENERS and len(words) > 1 and not (_TIME_WORD.search(words[1]) or words[1] in _DAY_POINTS)  # "The lead works a late day, from …": a sentence's subject, no label
    return _any_label(label) and words[0] not in _WHOLE_DAY and not whole and not sentence


def _label_cased(label: str) -> bool:
    """A label capitalised as labels are ("At Opening", "End of Day"), unlike the start of a
    sentence ("Your day moves fast"): its sentence is an entry's however short or lower-case
    ("At Opening: you count the vault.", "Before Close: You restock.")."""
    return label[:1].isupper() and all(w[0].isupper() for w in label.split() if len(w) > 3 and w[0].isalpha())


_LABEL_DASH = re.compile(r"\s+[-–—]\s+")
_BARE_CLOCK = re.compile(r"^" + _CLOCK + r"$")


_WHEN_WORDS = WITHIN_DAY_WORDS | _DAY_NOUNS | {"the", "in", "a", "end", "start"}  # "Late Night", "End of the Shift": words that only say when


def _only_when(text: str) -> bool:
    """A bare time whose every word says when ("Late Night", "Evening Shift"), unlike a title that
    names a time among other words ("Family Information Night")."""
    return _bare_time(text) and (_clock_label(text.strip()) or all(w in _WHEN_WORDS or _TIME_WORD.search(w) for w in text.lower().removesuffix(":").split()))


def _bare_time(text: str) -> bool:
    """A line that only says when ("7:30 AM", "14:00", "Early Morning", "Dawn:"), the day's text under it."""
    text = text.strip().removesuffix(":").rstrip()
    return (bool(_BARE_CLOCK.match(text)) and any(ch.isdigit() for ch in text)) or (
        len(text.split()) <= BARE_LABEL_WORDS and text[:1].isupper() and _time_label(text) and _heading_like(text) and ":" not in text and not any(ch in text for ch in "–—")
        and _DAY_ENTRY.match(text) is None  # ("Evening Rush | Returns" is a label and its title)
    )  # ("Start of the Day": up to four words, as a label before a colon)


BARE_LABEL_WORDS = 4  # at most this many words make a day label alone on its line


def _same_title(line: str, title: str) -> bool:
    """Whether a heading-like ``line`` is the page's title written slightly differently."""
    if not _heading_like(line):
        return False
    lw, tw = (re.findall(r"[a-z0-9]+", t.casefold().replace("&", " and ")) for t in (line, title))
    return lw == tw or (set(tw) <= set(lw) and len(lw) <= len(tw) + 3)


def _is_code(text: str) -> bool:
    return len(text) <= 16 and bool(_CODE.match(text)) and sum(c.isupper() for c in text) >= 2 and text.casefold() not in _ORDER_WORDS  # ("FIRST - CDIVS (…)": the list's order, never a code)


_ORDER_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "next", "then", "finally", "lastly", "last", "step", "steps"})


def _heading_like(text: str) -> bool:
    return len(text.split()) <= 14 and not text.endswith((".", ",", ";"))


def _section_kind(text: str) -> str | None:
    """The section a heading opens, by its wording or, asked as a question, by what it asks about."""
    if not _heading_like(text):
        return None
    kind = next((kind for kind, rx in _KINDS.items() if rx.match(text)), None)
    if kind is None and _QUESTION.match(text) and not _WHAT_IT_DOES.match(text):
        kind = next((kind for kind, rx in _ASKS.items() if rx.search(text)), None)
    asked, mark, said = text.partition("?")
    if kind is None and mark and said.strip() and _QUESTION.match(asked + mark):  # "How do I get there? The certification pathway": a question, then the section's name
        kind = next((kind for kind, rx in _KINDS.items() if rx.match(said.strip())), None)
    return kind


def _unnumbered(text: str) -> str:
    """A section heading without its number ("2. Key Responsibilities"), only when the rest reads as
    a section's heading, so that numbered steps ("1. CPOM – …") and items keep theirs."""
    m = _SECTION_NUMBER.match(text)
    return text[m.end() :] if m and _section_kind(text[m.end() :]) else text


def _heading_text(text: str) -> str:
    """A heading as stored: without its section number ("1. Overview") or closing colon ("About the Role:")."""
    m = _SECTION_NUMBER.match(text)
    return (text[m.end() :] if m else text).rstrip(":").rstrip()


# A heading marked up as on a wiki ("== Key Responsibilities ==") or in Markdown ("## Overview").
_HEADING_MARKS = re.compile(r"^(?:(?P<eq>={1,6})\s*(?P<wiki>[^=\s].*?)\s*(?P=eq)|#{1,6}\s+(?P<md>\S.*?)(?:\s+#+)?)$")


_QUOTE_MARKS = re.compile(r"^(?:>\s*)+(?=\S)")


def _clean(text: str) -> str:
    """The line's text, its heading marks and emphasis (``unemphasised``) dropped so the heading,
    the name or the label reads as any other."""
    text = re.sub(r"\s+", " ", html.unescape(text).replace("\u00a0", " ").replace("\u200b", "")).strip()
    text = _QUOTE_MARKS.sub("", text)  # "> Help children breathe easier …": a Markdown quote's marks, no part of the text
    m = _HEADING_MARKS.match(text)
    return unemphasised((m.group("wiki") or m.group("md")).strip() if m else text)


# Markdown emphasis: "**bold**", "__bold__", "*italic*", "_italic_", "***both***", "`code`": a run of
# one mark (``_MARK_RUN``), at most ``_LONGEST_MARK`` long, opening on text and closed by the next run
# of the same length that follows text. So "5 * 3" is no emphasis (a mark between spaces), nor is an
# underscore inside a word ("CPhT_Adv_2": a closing "_" never has a letter after it).
_MARK_RUN = re.compile(r"\*+|_+|`+")
_LONGEST_MARK = {"*": 3, "_": 3, "`": 2}
# Where a field of a line starts, or ends: after (before) a colon, a dash, a bar, a bullet, a bracket or
# a slash between spaces ("**Kit Assembly** — …", "CPOM – **Certified …**", "**7:30 AM** | …",
# "(**CPOM**)"); a slash in an address ("cps.org/_careers_") is none.
_FIELD_START = re.compile(r"(?:[:|·•–—(]|(?:^|(?<=\s))[-/])\s*")
_FIELD_END = re.compile(r"\s*(?:[:|·•–—(),;.!?]|[-/](?:\s|$))")
_SPACES = re.compile(r"\s*")
_NESTED_MARKS = 3  # how many marks inside one another are dropped ("**_Kit Assembly_**": two)


def unemphasised(text: str) -> str:
    """``text`` with the Markdown emphasis dropped from around each of its whole fields, as a
    reader sees it: the whole line, or a part of it between its bullet or number (``_unbullet``) or
    a separator (``_FIELD_START``) and the line's end or a separator (``_FIELD_END``), or a part
    ending with its own colon or full stop. "- **Kit Assembly** — Maintaining …" is "- Kit Assembly
    — Maintaining …", "Step 1 — `CEOLP`: *Certified …*" is "Step 1 — CEOLP: Certified …", "**Morning:**
    You …" is "Morning: You …", "## **Overview**" (once its heading marks are gone) "Overview".
    Emphasis inside a sentence ("you *always* check") stays as written, and so does an asterisk or an
    underscore that is no emphasis ("CPhT_Adv", a footnote's lone "*", "5 * 3"). Shared by the page
    parser (each line, ``_clean``) and the importer (texts an older import stored with their marks);
    linear in the line's length, however many marks a hostile page puts on it."""
    body = _unbullet(text)
    return text[: len(text) - len(body)] + _unemphasised_fields(body, _NESTED_MARKS)


def _unemphasised_fields(body: str, nested: int) -> str:
    """``unemphasised`` of a line without its bullet; ``nested``: how many more marks inside one
    another to drop."""
    runs = {m.start(): m.group() for m in _MARK_RUN.finditer(body)}
    closing: dict[str, list[int]] = {}  # run -> where it may close (after text; for "_", no letter after)
    for pos, run in runs.items():
        after = body[pos + len(run) : pos + len(run) + 1]
        if pos and not body[pos - 1].isspace() and not (run[0] == "_" and (after.isalnum() or after == "_")):
            closing.setdefault(run, []).append(pos)
    out: list[str] = []
    done = 0  # body[:done] is in ``out``
    starts = iter(sorted({0, *(m.end() for m in _FIELD_START.finditer(body))}))
    at: int | None = next(starts, None)
    while at is not None:
        run = runs.get(at, "") if at >= done else ""
        inner_at = at + len(run)
        ends = closing.get(run, []) if 0 < len(run) <= _LONGEST_MARK[run[0]] and body[inner_at : inner_at + 1].strip() else []
        k = bisect.bisect_right(ends, inner_at)
        close = ends[k] if k < len(ends) else -1
        end = close + len(run)
        inner = body[inner_at:close]
        if close < 0 or not (end == len(body) or _FIELD_END.match(body, end) or (inner.endswith((":", ".")) and body[end].isspace())):
            at = next(starts, None)
            continue
        out += [body[done:at], _unemphasised_fields(inner, nested - 1) if nested > 1 else inner]
        done = end
        # (a part ending with its own colon, "**Kit Assembly:** …", is followed by another field)
        spaces = _SPACES.match(body, end)
        at = spaces.end() if spaces and inner.endswith((":", ".")) else next(starts, None)
    return "".join(out) + body[done:]


def read_page_file(path: Path) -> str:
    """The text of a page file. OSError when it cannot be opened (missing, a folder: IsADirectoryError),
    PageError for what it holds; never blocks on a FIFO or reads a device without end."""
    return read_page_bytes(read_page_file_bytes(path))


def read_page_file_bytes(path: Path) -> bytes:
    """The bytes of a page file, at most ``MAX_PAGE_BYTES`` (see ``read_page_file``)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "is a folder, not a page file")
        if not stat.S_ISREG(st.st_mode):
            raise PageError(1, "not a regular file (a FIFO, socket or device); save the page's text as a .txt file")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_PAGE_BYTES:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > MAX_PAGE_BYTES:
        raise PageError(1, f"page is over {MAX_PAGE_BYTES:,} bytes; a spotlight page is a few KB (limit {limit_text(MAX_PAGE_BYTES)})")
    return b"".join(chunks)


def read_page_bytes(raw: bytes) -> str:
    if len(raw) > MAX_PAGE_BYTES:
        raise PageError(1, f"page is {size_text(len(raw), MAX_PAGE_BYTES)}; a spotlight page is a few KB (limit {limit_text(MAX_PAGE_BYTES)})")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise PageError(line, f"not UTF-8 text (byte 0x{raw[e.start]:02x}); save the page as UTF-8") from None


_SMALL_TITLE_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with"})


def _cased_title(title: str, lines: list[tuple[int, str]]) -> str:
    """A title typed in capitals ("PHARMACY GOOD CATCH PROGRAM LEAD") as titles are written
    ("Pharmacy Good Catch Program Lead"): a word the page's sentences also write in capitals is an
    acronym and stays so ("HIPEC", "ICU"); small words after the first are lower case, unless part
    of a hyphenated word ("ON-CALL" is "On-Call")."""
    acronyms: set[str] = set()
    for _, text in lines:  # (a sentence's capitals; not a heading's or a masthead's "TITLE | CPS Careers")
        if title in text:
            continue  # the title line itself ("LIPID CLINIC PHARMACIST – Council on Pharmacy Standards"): its capitals are the title's
        caps = re.findall(r"\b[A-Z][A-Z0-9]+\b", text)
        if 2 * len(caps) < len(re.findall(r"\b[A-Za-z][A-Za-z0-9]*\b", text)):
            acronyms.update(c for c in caps if c.casefold() not in _ORDER_WORDS)  # ("SECOND: CSDMF, Certified …": a pathway's ordinal, no acronym)
    def cased(part: str, first: bool, alone: bool) -> str:
        bare = part.strip("()[],.:;!?&/–—'’")
        if bare in acronyms or not bare.isalpha():
            return part
        return part.lower() if not first and alone and bare.lower() in _SMALL_TITLE_WORDS else part[:1].upper() + part[1:].lower()
    return " ".join("-".join(cased(part, not k and not n, "-" not in word) for n, part in enumerate(word.split("-"))) for k, word in enumerate(title.split()))  # ("CLOSED-SYSTEM" is "Closed-System")


_RULE = re.compile(r"^(?:[-*_=~–—]\s*){3,}$")  # a horizontal rule ("---", "* * *", "___", "===")


def parse_page(text: str) -> Page:
    """Split the page into sections by their headings, then parse each one."""
    lines = [(n, _unnumbered(_clean(t))) for n, t in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1)]
    lines = [(n, t) for n, t in lines if t and not _RULE.match(t)]  # ("---" between sections: a line drawn, no text)
    for n, t in lines:
        bad = bad_in_text(t)
        if bad:  # raw, or from an entity such as &#27;
            raise PageError(n, f"{describe(bad[1])} at column {bad[0] + 1} is not page text; delete it")
    if not lines:
        raise PageError(1, "the page is empty; expected 'Career Path: <title> – Council on Pharmacy Standards' and the page text")

    i = 0
    title = ""
    while i < len(lines) - 1 and _masthead(lines[i][1], strict=True):
        i += 1  # a masthead above the title ("Council on Pharmacy Standards | Career Spotlight")
    title_line = lines[i][0]
    first = _first_line_title(lines[i][1])
    if first:
        title, i = first, i + 1
    while i < len(lines) and _masthead(lines[i][1], strict=not title):  # "CAREER SPOTLIGHT", "Council on Pharmacy Standards | Career Spotlight"
        i += 1
    if i < len(lines) and title and lines[i][1].casefold() != title.casefold() and _same_title(lines[i][1], title):
        i += 1  # the heading spells the title a little differently ("Supply-Chain", "(DPO)"): the title line wins
    elif i < len(lines) and (not title or lines[i][1].casefold() == title.casefold()):
        if not title and not _heading_like(lines[i][1]):
            raise PageError(lines[i][0], f"expected the role title (e.g. 'Director of Pharmacy Operations'), got {lines[i][1][:60]!r}")
        if not title or title.isupper():  # else keep the title line's spelling over an UPPERCASE heading
            title, title_line = lines[i][1], lines[i][0]
        i += 1
    if not title:
        raise PageError(lines[0][0], "expected the role title")
    def followed_by_heading(k: int) -> bool:
        return k + 1 < len(lines) and _heading_like(lines[k + 1][1])

    # Between the title and the pitch, a masthead or the title line again: no pitch, nor overview
    # (a byline alone, when the pitch's sentence follows it).
    while i < len(lines) and (_masthead(lines[i][1], byline=not followed_by_heading(i)) or (_first_line_title(lines[i][1]) or "").casefold() == title.casefold()):
        i += 1
    if i < len(lines):
        _refuse_masthead_with_text(lines[i])
    # Under the pitch, a masthead or a byline ("By Dana Lee · June 2025"): no overview heading (a byline
    # alone, when a heading follows it, so that it cannot be the overview's heading itself).
    while i + 1 < len(lines) and _masthead(lines[i + 1][1], byline=followed_by_heading(i + 1)):
        del lines[i + 1]

    starts: list[tuple[int, str]] = []
    for k in range(i, len(lines)):
        kind = _section_kind(lines[k][1])
        if kind is not None and kind not in {s[1] for s in starts}:
            starts.append((k, kind))
    blocks = _cert_blocks(lines, i) or _numbered_certs(lines, i)
    named = blocks or _named_cert_lines(lines, i)
    if named and "pathway" not in {kind for _, kind in starts}:
        heading = _pathway_heading(lines, i, named[0], {k for k, _ in starts})
        if heading is not None:  # worded some other way ("Certifications That Build Your … Career")
            starts = sorted(starts + [(heading, "pathway")])
    if "pathway" not in {kind for _, kind in starts}:
        heading = _certification_heading(lines, i, {k for k, _ in starts})
        if heading is not None:  # "How to Get Certified" over a list: its steps are read, or refused, not lost
            starts = sorted(starts + [(heading, "pathway")])
    if "day" not in {kind for _, kind in starts}:
        # "A NIGHT ON THE JOB" over "Dusk" / "You take handoff …": found by its words and what is under it,
        # before the nearest heading-like line above the entries (a sub-heading "In Short" over the intro)
        heading = _worded_day_heading(lines, i, {k for k, _ in starts})
        if heading is None:
            heading = _day_heading(lines, i, {k for k, _ in starts})
        if heading is not None:  # worded some other way ("A Day on the Job", "Your Shift, Hour by Hour")
            starts = sorted(starts + [(heading, "day")])
    if "responsibilities" not in {kind for _, kind in starts}:
        heading = _responsibilities_heading(lines, i, min((k for k, _ in starts), default=len(lines)))
        if heading is not None:  # worded some other way ("Responsibilities at a Glance", "The Work Itself")
            starts = sorted(starts + [(heading, "responsibilities")])
    if not starts:
        raise PageError(lines[min(i, len(lines) - 1)][0], "expected at least one section: 'Core Responsibilities', 'Your Certification Pathway to …' or 'A Day in the Life'")

    if not re.search(r"[A-Za-z0-9]", title):  # no role id can be made from it (and no file named)
        raise PageError(title_line, f"the title {title[:60]!r} has no letters or digits (A-Z, 0-9) to make a role id from; give the page an English title")
    _refuse_second_headings(lines, i, starts)
    _refuse_swallowed_list(lines, i, starts)
    _refuse_stray_blocks(lines, blocks, starts)
    _refuse_unheaded_certifications(lines, i, starts)

    page = Page(title=_cased_title(title, lines) if title.isupper() else title)
    _intro(page, lines[i : starts[0][0]])
    for idx, (k, kind) in enumerate(starts):
        end = starts[idx + 1][0] if idx + 1 < len(starts) else len(lines)
        body = lines[k + 1 : end]
        last = idx + 1 == len(starts)
        rest = {"responsibilities": _responsibilities, "pathway": _pathway, "day": _day}[kind](page, lines[k], body, last)
        if rest:
            _closing(page, rest)
    page.certifications = [dataclasses.replace(c, name=_cased_title(c.name, lines)) if c.name.isupper() else c for c in page.certifications]  # ("CERTIFIED PULMONARY FUNCTION TESTING PHARMACIST" as names are written)
    return page


def _unbullet(text: str) -> str:
    """A list item's text without its bullet (``• CPOM``, ``- Morning: Huddle``, as web pages give
    them), and without a step number after the bullet (``- Step 1 – CPOM: …``)."""
    text = _LIST_MARK.sub("", text, count=1)
    number = _NUMBERED.match(text)  # (at the start only: "Early Morning (06:45) | …" keeps its "45) ")
    return text[number.end() :] if number else text


# An ordinal word before a step ("First, CMSO – …", "Then: …", "2nd – …", "Second step: …"): the list's order, not the step's name.
_ORDINAL = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|then|after\s+that|finally|lastly|last|\d{1,2}(?:st|nd|rd|th))(?:\s+step)?\s*(?:[,:]|\s[–—-]|[–—])\s*",
    re.I,
)


_ARROW = re.compile(r"\s*(?:→|⟶|➔|➜|->|=>)\s*")
_ARROW_NUMBER = re.compile(r"^(step\s+)?(\d{1,2})\s*(?:→|⟶|➔|➜|->|=>)\s*", re.I)
# "Step 2" alone on its line above a step's block: the list's order, no part of any step.
_BARE_STEP = re.compile(r"^(?:step\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)|\d{1,2}[.)]?|\d{1,2}(?:st|nd|rd|th)|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|finally|lastly)(?:\s+step)?)\s*[:.]?$", re.I)  # ("FIRST", "2nd" alone above its block: the order, no text)


def _unarrow(text: str) -> str:
    """Arrows read as the dashes a step line uses ("Step 1 → CPOM – Certified …: why", "CPOM →
    Certified … → why"), only where the line then reads as a step, so a description's "A -> B" stays."""
    if not _ARROW.search(text):
        return text
    bare = _BULLET_MARK.sub("", text, count=1)
    dashed = _ARROW.sub(" – ", _ARROW_NUMBER.sub(lambda m: f"{m.group(1) or ''}{m.group(2)}. ", bare, count=1))
    return dashed if _code_of(_step_item(dashed, certified=True)) is not None else text


def _step_item(text: str, certified: bool = False) -> str:
    """A pathway line without its bullet, number or ordinal word ("First, CMSO – Certified …: why",
    "Finally: CFOO (Certified Foo Bar): why"); the ordinal only goes when a certification follows it
    (one named "Certified …" when ``certified``, as outside a pathway section), so that "First,
    you …" stays text. Arrows read as dashes ("Step 1 → CMSO – …")."""
    text = _unbullet(_unarrow(_untabled(text)))
    m = _ORDINAL.match(text)
    if m is None:
        return text
    rest = text[m.end() :]
    if _is_code(rest):
        return text if certified else rest
    found = _CODE_NAME.match(rest) or _NAME_CODE.match(rest) or _CODE_PAREN.match(rest) or _step_line(rest)
    if found and _is_code(found.group("code")) and (not certified or _CERTIFIED.search(found.group("name"))):
        return rest
    return text


# A row of a pathway table, its step's number first: "1 | Certified … (CPOM) | why", "| 2 | CPOM | Certified … | why |".
_TABLE_ROW = re.compile(r"^\|?\s*(?:step\s+)?\d{1,2}\s*\|\s*(?P<cells>.+?)\s*\|?$", re.I)
# The table's header row ("Step | Certification | Why"): no part of the pathway's intro.
_STEP_TABLE_HEADER = re.compile(r"^\|?\s*(?:(?:step|#|no\.?|order)\s*\|\s*)?(?:certifications?|credentials?|code)(?:\s*\|\s*[A-Za-z][A-Za-z &/'’]{0,30}?)+\s*\|?$", re.I)


def _untabled(text: str) -> str:
    """A pathway table's row as the step on one line it says ("1 | Certified … (CPOM) | why" ->
    "Certified … (CPOM): why"), so that the row's number is no part of the certification's name."""
    m = _TABLE_ROW.match(text)
    cells = [c.strip() for c in m.group("cells").split("|")] if m else []
    if len(cells) == 3 and _is_code(cells[0]):
        return f"{cells[0]} – {cells[1]}: {cells[2]}"  # "CPOM | Certified … | why"
    if len(cells) == 2 and not _is_code(cells[0]):
        return f"{cells[0]}: {cells[1]}"  # "Certified … (CPOM) | why", "CPOM – Certified … | why"
    return text


def _code_of(text: str) -> str | None:
    """The certification code a block's first line names (``CPOM``, ``CPOM – Name``, ``Name (CPOM)``,
    ``Certified Name (CPOM): why``)."""
    if _is_code(text):
        return text
    m = _CODE_NAME.match(text) or _NAME_CODE.match(text) or _CODE_PAREN.match(text) or _step_line(text, certified=True)
    return m.group("code") if m and _is_code(m.group("code")) else None


def _step_line(text: str, certified: bool = False) -> re.Match[str] | None:
    """A pathway step written whole on one line, its code in brackets before or after a name
    capitalised as names are ("Certified Foo Bar (CFOO) – why it matters"). Outside a pathway
    section (``certified``) the name must say "Certified …", so that a duty such as "Drug Use
    Review (DUR): running …" is not taken for a step."""
    for rx in _STEP_LINES:
        m = rx.match(text)
        if m and _is_code(m.group("code")) and _title_cased(m.group("name")) and len(m.group("desc").split()) >= 2:
            return m if not certified or _CERTIFIED.search(m.group("name")) else None
    return None


def _cert_blocks(lines: list[tuple[int, str]], start: int) -> list[int]:
    """Where certification blocks start: a code line followed, within a few lines and before the
    next code line or question heading, by "View Details". The structure, not the heading's wording,
    says "pathway"."""
    out = []
    for k in range(start, len(lines)):
        if _code_of(_step_item(lines[k][1], certified=True)) is None:
            continue
        for j in range(k + 1, min(k + 6, len(lines))):
            t = _step_item(lines[j][1], certified=True)
            if _VIEW_DETAILS.match(t):
                out.append(k)
                break
            if _code_of(t) is not None or t.endswith("?"):
                break  # (a question is the next section's heading: "Learn More" under the closing is no step's)
    return out


_NUMBERED = re.compile(_NUMBERED_MARK, re.I)
_BULLET_MARK = re.compile(r"^(?:[•·●○◦▪▫■□‣⁃∙]\s*|[*+\-–—]\s+)")


def _numbered_certs(lines: list[tuple[int, str]], start: int) -> list[int]:
    """Numbered lines that name a certification ("Step 1. CPOM – Certified …: …", "First, CPOM –
    Certified …: …", "Step 1 → CPOM …", a code under "Step 1" alone), for a page whose
    certifications have no "View Details" after them."""
    def numbered(k: int) -> bool:
        text = _BULLET_MARK.sub("", _unarrow(lines[k][1]), count=1)
        return bool(_NUMBERED.match(text) or _ORDINAL.match(text)) or (k > start and bool(_BARE_STEP.match(_unbullet(lines[k - 1][1]))))  # ("Step 2" above "CPOM")
    return [k for k in range(start, len(lines)) if numbered(k) and _code_of(_step_item(lines[k][1], certified=True)) is not None]


def _named_cert_lines(lines: list[tuple[int, str]], start: int) -> list[int]:
    """Two or more lines naming a certification in full ("CNPO – Certified Neonatal …"), each
    followed by a line of its own text, under a heading worded any way ("Certifications That
    Build a Neonatal Satellite Career")."""
    def named(k: int, whole: bool = False) -> bool:
        item = _step_item(lines[k][1], certified=True)
        m = _CODE_NAME.match(item) or _NAME_CODE.match(item) or _CODE_PAREN.match(item)
        if whole:  # its text on the line too ("CNPO – Certified Neonatal …: why")
            m = _CODE_NAME.match(item)
            return m is not None and _is_code(m.group("code")) and bool(_CERTIFIED.search(m.group("name"))) and len(_name_and_text(m.group("name"))) == 2
        return m is not None and _is_code(m.group("code")) and bool(_CERTIFIED.search(m.group("name")))
    found = [k for k in range(start, len(lines)) if named(k, whole=True) or (k + 1 < len(lines) and named(k) and not named(k + 1))]
    found = sorted(set(found) | {k for k in range(start, len(lines)) if _step_line(_step_item(lines[k][1], certified=True), certified=True)})  # "- CFOO (Certified …): why"
    return found if len(found) >= 2 else []


def _pathway_heading(lines: list[tuple[int, str]], start: int, first_block: int, taken: set[int]) -> int | None:
    """The heading above the first certification block: the nearest heading-like line before it,
    past at most two intro paragraphs; None if there is none (the page is then refused)."""
    skipped = 0
    for k in range(first_block - 1, start - 1, -1):
        t = lines[k][1]
        if _BARE_STEP.match(_unbullet(t)):
            continue  # "Step 1" above the first block
        if k in taken or _BULLET.match(t):
            return None
        if _heading_like(t) or _PATHWAY.match(t):
            return k
        skipped += 1
        if skipped > 2:
            return None
    return None


_CERT_WORDS = re.compile(r"\b(?:certif\w*|credentials?|pathway)\b", re.I)


def _certification_heading(lines: list[tuple[int, str]], start: int, taken: set[int]) -> int | None:
    """A heading that speaks of certification ("PATHWAY TO CERTIFICATION", "How to Get Certified")
    right above a list, on a page where no pathway was found otherwise: the pathway's heading, so
    that steps written in a way the parser cannot read are refused rather than imported as
    another section's text, leaving the role with no pathway. So is one right above a paragraph
    naming a certification by its code and name ("Start with CCPTL (Certified …), which …"). Up to
    two intro paragraphs may come between when the list's first item names a certification ("- CPOM
    – Pharmacy Operations …") or the paragraph does."""
    for k in range(start, len(lines) - 1):
        t = lines[k][1]
        if k in taken or _BULLET.match(t) or not _heading_like(t) or _BUTTON.match(t) or not _CERT_WORDS.search(t) or _named_certification(t):
            continue  # (a line naming a certification is a step, not the heading above the steps)
        if _LIST_MARK.match(lines[k + 1][1]) or _named_certification(lines[k + 1][1]):
            return k
        for j in range(k + 2, min(k + 4, len(lines))):
            if j - 1 in taken or _heading_like(lines[j - 1][1]):
                break  # (an intro paragraph ends with a full stop)
            if _named_certification(lines[j][1]):
                return k
            if _LIST_MARK.match(lines[j][1]):
                if _code_of(_step_item(lines[j][1])) is not None:
                    return k
                break
    return None


_DUTY_WORDS = re.compile(r"responsibilit|\bduties\b|\btasks\b|\bwhat\s+you(?:['’]ll|\s+will)?\s+do\b|\b(?:the|your)\s+work\b", re.I)
# Whole headings that name the duties in other words ("What You'll Be Doing", "On the Job", "The
# Work", "What the Job Involves", "Day-to-Day Duties"), read after ``_duty_heading_key`` (lower case,
# straight apostrophes, "day to day" as "day-to-day", no closing colon). Kept as data: a wording a
# new page uses goes here. Such a heading heads the responsibilities only over a list of duties
# (``_heads_list``); over a paragraph it stays the overview's.
DUTY_HEADINGS = (
    r"(?:here's\s+|here\s+is\s+)?what\s+you(?:'ll|\s+will|'re\s+going\s+to|\s+are\s+going\s+to|'d|\s+would|'re|\s+are)?\s+(?:be\s+)?"
    r"(?:do|doing|handle|handling|own|owning|tackle|tackling|take\s+on|work\s+on|working\s+on|be\s+responsible\s+for|responsible\s+for|spend\s+your\s+(?:time|days?)\s+(?:on|doing))",
    r"what\s+you\s+do",
    r"what\s+(?:does|do)\s+(?:an?|the|this|our|your)\s+[a-z'-]+(?:\s+[a-z'-]+){0,6}?\s+(?:actually\s+|really\s+)?do",
    r"(?:what|how)\s+(?:the|this|your)\s+(?:role|job|position|work)\s+(?:involves|entails|covers|includes|looks\s+like)",
    r"what\s+(?:does|will|would)\s+(?:the|this|your|my)\s+(?:role|job|position|work)\s+(?:involve|entail|cover|include)",
    r"(?:the|your)\s+(?:daily\s+|everyday\s+|day-to-day\s+)?(?:work|job)(?:\s+itself)?",
    r"on\s+the\s+job",
    r"in\s+(?:this|the)\s+(?:role|job|position)(?:,?\s+you(?:'ll|\s+will))?",
    r"(?:your\s+|the\s+)?day-to-day(?:\s+(?:duties|work|tasks|responsibilities))?",
    r"(?:(?:your|the|core|key|main|primary|major|daily|everyday|day-to-day)\s+){0,2}(?:duties|responsibilities|tasks)",
)
# What may follow such a heading's words: "… Every Day", "… Each Shift", "… in This Role", "… Here".
_DUTY_HEADING_TAIL = r"(?:\s+(?:each|every|on\s+an?|in\s+an?)\s+[a-z-]+(?:\s+[a-z-]+)?|\s+(?:in\s+this\s+(?:role|job|position)|here|daily|at\s+a\s+glance))?"
_DUTY_HEADING = re.compile(r"^(?:" + "|".join(DUTY_HEADINGS) + r")" + _DUTY_HEADING_TAIL + r"\s*[?!]?$")


def _duty_heading_key(text: str) -> str:
    """A heading as ``DUTY_HEADINGS`` reads it: lower case, straight apostrophes, "day to day"
    written "day-to-day", no closing colon."""
    text = re.sub(r"\s+", " ", text.casefold().replace("’", "'").replace("‘", "'")).strip().removesuffix(":").rstrip()
    return re.sub(r"\bday[\s-]+to[\s-]+day\b", "day-to-day", text)


def _names_duties(text: str) -> bool:
    """Whether a short heading names the duties: "Responsibilities at a Glance", "The Work Itself"
    (``_DUTY_WORDS``) or a whole heading of ``DUTY_HEADINGS`` ("What You'll Be Doing", "On the Job")."""
    return bool(_DUTY_WORDS.search(text) or _DUTY_HEADING.match(_duty_heading_key(text)))


def _heads_list(after: list[tuple[int, str]]) -> bool:
    """Whether the lines right under a heading are a list of duties: a bulleted or numbered item, or
    "Name: text" lines (two, or a name over its sentence twice)."""
    if not after:
        return False
    first = after[0][1]
    return bool(_LIST_MARK.match(first)) or (_named_line(first) is not None and len(after) > 1 and _named_line(after[1][1]) is not None) or _named_pairs(after[:4])


def _responsibilities_heading(lines: list[tuple[int, str]], start: int, end: int) -> int | None:
    """A short heading that speaks of duties ("Responsibilities at a Glance", "What You'll Do Each
    Day", "The Work Itself", "What You'll Be Doing", "On the Job": ``_names_duties``) right above a list (bulleted, or "Name: text" lines), before the
    page's other sections: the responsibilities' heading, so the list is not read as overview. A
    short line over a paragraph stays overview."""
    for k in range(start, min(end, len(lines) - 1)):
        t, after = lines[k][1], lines[k + 1][1]
        if _BULLET.match(t) or not _heading_like(t) or len(t.split()) > 8 or _BUTTON.match(t) or not _names_duties(t):
            continue
        if _LIST_MARK.match(after) or _named_line(after) is not None or _named_pairs(lines[k + 1 : k + 5]):
            return k
    return None


_KIND_NAMES = {"responsibilities": "responsibilities", "pathway": "certification pathway", "day": "day in the life"}


def _refuse_second_headings(lines: list[tuple[int, str]], start: int, starts: list[tuple[int, str]]) -> None:
    """A second heading of a section the page already has ("What You'll Do" over a list, then "Core
    Responsibilities"): only the first opens the section, so the second and its text would be read
    as the text of the section it stands in. Refused on its line."""
    opened = {kind: k for k, kind in starts}
    for k in range(start, len(lines)):
        kind = _section_kind(lines[k][1])
        if kind is not None and kind in opened and opened[kind] != k:
            first = lines[opened[kind]]
            raise PageError(
                lines[k][0],
                f"'{lines[k][1][:60]}' is a second {_KIND_NAMES[kind]} heading (the first is '{first[1][:60]}' on line {first[0]}); "
                f"it and its text would be read as part of another section: put the whole section under one heading",
            )


def _refuse_swallowed_list(lines: list[tuple[int, str]], start: int, starts: list[tuple[int, str]]) -> None:
    """A short heading over a list (``_heads_list``) before the page's first section is a section
    the parser cannot place: its heading and its list would be read as overview paragraphs. Refused
    on the heading's line, never merged into the overview."""
    first = starts[0][0] if starts else len(lines)
    for k in range(start, first - 1):
        t = lines[k][1]
        if _item_mark(t) or _named_line(t) is not None or not _heading_like(t) or len(t.split()) > 10 or _BUTTON.match(t):
            continue
        if not _heads_list(lines[k + 1 : first]):
            continue
        taken = next((lines[j][1] for j, kind in starts if kind == "responsibilities"), None)
        if _names_duties(t) and taken is not None:
            raise PageError(
                lines[k][0],
                f"'{t[:60]}' heads a list of duties, but the page's responsibilities are already under '{taken[:60]}' (line {lines[next(j for j, kind in starts if kind == 'responsibilities')][0]}); "
                f"the list would be read as overview paragraphs: put all the duties under one heading",
            )
        raise PageError(
            lines[k][0],
            f"'{t[:60]}' heads a list, but it is not a heading of a section the importer knows, so the heading and its list would be read as "
            f"overview paragraphs; if the list is the role's duties, head it 'Key Responsibilities' (or 'What You'll Do'), "
            f"otherwise write it into the overview's paragraphs",
        )


def _named_pairs(lines: list[tuple[int, str]]) -> bool:
    """Two unbulleted responsibilities, each a capitalised name over a sentence of its own."""
    return len(lines) == 4 and all(_heading_like(n) and len(n.split()) <= 6 and _title_cased(n) and d.endswith((".", "!")) and len(d.split()) >= 4 for (_, n), (_, d) in (lines[:2], lines[2:]))


def _day_heading(lines: list[tuple[int, str]], start: int, taken: set[int]) -> int | None:
    """The heading above a run of day entries ("Morning: Safety Huddle", each followed by its
    description, or "7:30 AM – Route Planning. You …" on one line) when no heading says "A Day in
    the Life": the nearest heading-like line before the first entry, past at most two intro
    paragraphs. The entries' shape, not the heading's wording, says "a day"."""
    def entry(k: int) -> bool:
        item = _unbullet(lines[k][1])
        return bool(_day_entry(item, True) and k + 1 < len(lines) and not _day_entry(_unbullet(lines[k + 1][1]), True) or _inline_day_entry(item))
    entries = [k for k in range(start, len(lines)) if entry(k)]
    runs = [k for k in entries if any(0 < j - k <= 4 for j in entries)]
    firsts = [k for n, k in enumerate(runs) if n == 0 or k - runs[n - 1] > 4]  # each run's first entry
    for first in firsts:  # (a run of duty lines that read as entries, "- Handoff to Day Shift: Writing …", is under a heading of its own)
        heading = _heading_above(lines, start, first, taken)
        if heading is not None:
            return heading
    return None


def _heading_above(lines: list[tuple[int, str]], start: int, first: int, taken: set[int]) -> int | None:
    """The nearest heading-like line above ``first``, past at most two intro paragraphs; None when a
    section's heading or a list item comes first."""
    skipped = 0
    for k in range(first - 1, start - 1, -1):
        t = lines[k][1]
        if k in taken or _BULLET.match(t):
            return None
        if _heading_like(t) and not _day_entry(t, True):
            return k
        skipped += 1
        if skipped > 2:
            return None
    return None


# Words a heading over the day may use instead of "A Day in the Life" ("A NIGHT ON THE JOB", "A
# Shift in the Life", "Your Day, Hour by Hour", "What a Typical Night Looks Like"); the lines under
# it decide (``_reads_as_day``).
_DAY_HEADING_WORDS = re.compile(r"\b(?:day|days|night|nights|shift|shifts|hour|hours|morning|mornings|evening|afternoon|routine|rhythm|clock|rota)\b", re.I)
_DAY_INTRO_LINES = 2  # at most this many lines of intro between a day's heading and its first part


def _worded_day_heading(lines: list[tuple[int, str]], start: int, taken: set[int]) -> int | None:
    """A short heading speaking of a day, a night, a shift or the hours, not of duties or
    certification, over lines that read as a day (``_reads_as_day``) up to the next section: the
    day's heading, however it is worded."""
    for k in range(start, len(lines) - 1):
        t = lines[k][1]
        if k in taken or _BULLET.match(t) or not _heading_like(t) or len(t.split()) > 10 or _BUTTON.match(t):
            continue
        if not _DAY_HEADING_WORDS.search(t) or _DUTY_WORDS.search(t) or _CERT_WORDS.search(t) or _day_entry(_unbullet(t), True) or _inline_day_entry(_unbullet(t)):
            continue
        end = min((j for j in taken if j > k), default=len(lines))
        if _reads_as_day(lines[k + 1 : end]):
            return k
    return None


def _reads_as_day(body: list[tuple[int, str]]) -> bool:
    """Two or more timed parts (``_day_parts``), the first within ``_DAY_INTRO_LINES`` of the top,
    each at most four lines after the one before, and the list items or named lines between them
    that are none (an aside such as "Note: …" apart) fewer than half as many: a day, not a list of
    duties some of whose names speak of a shift ("Handoff to Day Shift: Writing …")."""
    bare, labelled, timed = _day_parts(body)
    if len(timed) < 2 or timed[0] > _DAY_INTRO_LINES or any(b - a > 4 for a, b in zip(timed, timed[1:])):
        return False
    between = [t for pos, (_, t) in enumerate(body) if timed[0] < pos < timed[-1] and pos not in timed]
    items = [t for t in between if _LIST_MARK.match(t) or ((named := _named_line(t)) is not None and named[0].split()[0].lower() not in _ASIDE)]
    return 2 * len(items) < len(timed)


def _refuse_stray_blocks(lines: list[tuple[int, str]], blocks: list[int], starts: list[tuple[int, str]]) -> None:
    """A certification block outside the pathway section would be read as some other section's
    text (and no certification created): say so instead."""
    pathway = next((n for n, (_, kind) in enumerate(starts) if kind == "pathway"), None)
    for k in blocks:
        inside = pathway is not None and starts[pathway][0] < k and (pathway + 1 == len(starts) or k < starts[pathway + 1][0])
        if not inside:
            code = _code_of(_step_item(lines[k][1], certified=True))
            raise PageError(lines[k][0], f"{code} looks like a certification (code, name, description, 'View Details') but is not under the certification pathway's heading; put a heading such as 'Your Certification Pathway' right above the certifications")


_CERTIFIED = re.compile(r"\b(?:certified|certification|certificate)\b", re.I)


def _refuse_unheaded_certifications(lines: list[tuple[int, str]], start: int, starts: list[tuple[int, str]]) -> None:
    """A page with no certification pathway section but a line such as "CTCP – Certified
    Transitions of Care Pharmacist", or a paragraph naming one ("Start with CCPTL (Certified …)"):
    its pathway would be lost into another section's text, with no certification created. Say
    where instead."""
    if any(kind == "pathway" for _, kind in starts):
        return
    for n, t in lines[start:]:
        item = _step_item(t, certified=True)
        m = _CODE_NAME.match(item) or _NAME_CODE.match(item) or _CODE_PAREN.match(item) or _step_line(item, certified=True)
        code = m.group("code") if m and _is_code(m.group("code")) and _CERTIFIED.search(m.group("name")) else _named_certification(t)
        if code is not None:
            raise PageError(n, f"{code} looks like a certification but the page has no certification pathway heading above it; put a heading such as 'Your Certification Pathway' right above the certifications")


def _title_like(text: str) -> bool:
    """A short line in Title Case ("Protect Patients. Protect Your People."): a closing heading,
    even when it ends with a full stop."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if len(w) > 3 or w[0].isupper()]
    if not 2 <= len(text.split()) <= 12 or text.endswith((",", ";", ":")) or not words:
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _closing_within(body: list[tuple[int, str]], first: int, end: int) -> int | None:
    """Where the closing starts inside the last item's text (``body[first:end]``, its description
    lines): a Title Case line after the first, followed by more text; or, with no heading, a
    paragraph after the first that speaks to the reader ("If you are the process-driven pharmacist
    …, this could be your next step. Learn more at …")."""
    for k in range(first + 1, end):
        if (k < end - 1 and _title_like(body[k][1])) or _CALL_TO_ACTION.search(body[k][1]):
            return k
    return None


CLOSING_PARAGRAPH_LINES = 3  # a closing paragraph after the last entry is this short


def _paragraph_after(body: list[tuple[int, str]], starts: list[tuple[int, bool]], end: int) -> int | None:
    """Where a closing paragraph of its own starts after the last entry's text ("… return the kits to
    the vault." then, after a blank line, "A job for people who like rules and the outdoors …"):
    on a page whose other entries are each one paragraph, a short last paragraph after a blank line."""
    def gap(at: int, whole: bool, stop: int) -> int | None:
        first = at + (not whole)
        return next((k for k in range(first + 1, stop) if body[k][0] - body[k - 1][0] > 1), None)
    bounds = [*(s for s, _ in starts[1:]), end]
    if len(starts) < 2 or any(gap(at, whole, stop) is not None for (at, whole), stop in zip(starts[:-1], bounds[:-1])):
        return None  # (a page whose entries run to several paragraphs: the last one's second is its own)
    k = gap(*starts[-1], end)
    return k if k is not None and end - k <= CLOSING_PARAGRAPH_LINES else None


_CALL_TO_ACTION = re.compile(
    r"^(?:if\s+(?:you|this)\b|ready\s+to\b|interested\b|learn\s+more\b|explore\b|find\s+out\b|think\s+(?:this|you)\b|sounds?\s+like\b|could\s+this\b|this\s+could\s+be\s+your\b|curious\b|start\s+your\b|visit\b)|https?://|\bwww\."
    r"|\b(?:this|it)\s+(?:may|might|could|can)\s+be\s+(?:the|your)\s+(?:role|career|job|path|calling|next\s+step)\b|\b(?:role|career|job)\s+for\s+you\b",  # "…: if you like clear rules, this may be the role for you."
    re.I,
)


_BRACKETED = re.compile(r"^\[\s*(?P<text>[^\]]+?)\s*\](?:\([^)]*\))?$")  # "[Start Your Certification Pathway]", "[Apply Now](https://…)"


# A button's words with the address it leads to after them ("Learn more: https://…", "Apply at <https://…>").
_ADDRESSED = re.compile(r"^(?P<text>\S.*?)\s*(?::|\bat\b|[–—-]|→)?\s*<?https?://\S+?>?$", re.I)


_BARE_ADDRESS = re.compile(r"^<?https?://\S+?>?$", re.I)


def _unbracketed(text: str) -> str:
    """A link button's text as an export writes it ("[Start Your Certification Pathway]", "Learn more:
    https://…"), unwrapped: the address is where the button leads, no part of its words."""
    m = _BRACKETED.match(text) or _ADDRESSED.match(text)
    return m.group("text") if m else text


def _button(text: str) -> bool:
    """A call-to-action button's text ("Start Your Certification Pathway"), bracketed or not."""
    text = _unbracketed(text)
    return bool(_BUTTON.match(text)) and _heading_like(text)


def _intro(page: Page, lines: list[tuple[int, str]]) -> None:
    """Tagline, call-to-action button text, overview heading and paragraphs."""
    texts = [t for _, t in lines]
    if texts and not _button(texts[0]) and not (len(texts) >= 2 and _OVERVIEW.match(_heading_text(texts[0]))):
        page.tagline = texts.pop(0)
    while texts and _button(texts[0]):
        texts.pop(0)
    if len(texts) >= 3 and _OVERVIEW.match(_heading_text(texts[0])) and _heading_like(texts[1]):
        texts.pop(0)  # "## Overview" over "### The Pharmacist Behind the Rhythm Lab": the second heading names it
    if len(texts) >= 2 and _heading_like(texts[0]):
        page.overview_heading = _heading_text(texts.pop(0))
    page.overview = texts


def _responsibilities(page: Page, head: tuple[int, str], body: list[tuple[int, str]], last: bool) -> list[tuple[int, str]]:
    items: list[list[str]] = []
    has_bullets = any(_item_mark(t) for _, t in body)
    if not has_bullets and not last and _prose(body):  # "You assemble the records … You read every incident report …": a sentence each
        page.responsibilities = [item for _, t in body for item in _prose_items(t)]
        return []
    rest: list[tuple[int, str]] = []
    item_at, whole = 0, False  # where the last item starts in ``body``; whether its line holds its text too
    end = len(body)
    for pos, (n, t) in enumerate(body):
        bullet = _item_mark(t)
        if has_bullets and not items and not bullet and t.endswith(":"):
            continue  # "In this role, you will:": the lead-in to the list
        if has_bullets and bullet:
            t = t[bullet.end():]
            m = _SPLIT_NAME.match(t)
            items.append([m.group("name"), m.group("desc")] if m and len(m.group("name").split()) <= 8 else [t])
            item_at, whole = pos, len(items[-1]) > 1 or not _heading_like(t)
        elif not has_bullets and (named := _named_line(t)) is not None:
            items.append(named)  # "Staff Scheduling — Building the weekly schedule …": a name and its text on one line, no bullet
            item_at, whole = pos, True
        elif not has_bullets and _heading_like(t) and (not items or len(items[-1]) > 1):
            items.append([t])
            item_at, whole = pos, False
        elif items and len(items[-1]) > 1 and last and _heading_like(t):
            rest, end = body[pos:], pos
            break
        elif items:
            items[-1].append(t)
        else:
            raise PageError(n, f"expected a bulleted responsibility under '{head[1]}', got {t[:60]!r}")
    closing = _closing_within(body, item_at + (not whole), end) if last and items and len(items[-1]) > 1 + whole else None
    if closing is not None:  # "Protect Patients. Protect Your People." closes the page
        items[-1] = items[-1][: len(items[-1]) - (end - closing)]
        rest = body[closing:]
    if not items:
        raise PageError(head[0], f"expected responsibilities (bulleted name, then description) after '{head[1]}'")
    for k, it in enumerate(items):
        if len(it) < 2 and (m := _SENTENCE_NAME.match(it[0])) is not None:
            items[k] = it = [m.group("name"), m.group("desc")]  # "1. Temperature log review. Reads every fridge log …": a short first sentence names the duty
        if len(it) < 2:
            raise PageError(head[0], f"responsibility {it[0]!r} has no description")
    page.responsibilities = [(it[0], " ".join(it[1:])) for it in _unlabelled(items)]
    return rest


def _unlabelled(items: list[list[str]]) -> list[list[str]]:
    """Responsibilities written as labelled blocks, the labels being the layout's words, not the
    duties' names: "Responsibility: Product Safety Reports" over its text, or that line then
    "Details: Writing the safety assessment …" (every item repeats the same label, or the same two)."""
    labels = [it[0].casefold() for it in items]
    if len(items) >= 4 and len(items) % 2 == 0 and len(set(labels[0::2])) == len(set(labels[1::2])) == 1 and labels[0] != labels[1] and all(len(it) == 2 for it in items):
        return [[name[1], *text[1:]] for name, text in zip(items[0::2], items[1::2])]
    if len(items) >= 2 and len(set(labels)) == 1 and all(len(it) >= 3 and _heading_like(it[1]) for it in items):
        return [it[1:] for it in items]
    return items


# The same short label opening each step's name or reason ("Certification: Certified …", "Why it matters: …").
_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z'’ ]{0,24}?):\s+(?=\S)")


def _without_shared_label(texts: list[str]) -> list[str]:
    """``texts`` without the label every one of them opens with, when two or more do."""
    found = [_LABEL.match(t) for t in texts]
    if len(texts) < 2 or any(m is None for m in found) or len({m.group("label").casefold() for m in found if m}) != 1:
        return texts
    return [t[m.end() :] for t, m in zip(texts, found) if m]


def _item_mark(text: str) -> re.Match[str] | None:
    """A responsibility's bullet, number or pictograph ("🚨 Sepsis Alert Response — …"): the mark
    goes, so the name is the words after it and the text after the name is the description."""
    return _BULLET.match(text) or _PICTOGRAPH_MARK.match(text)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_SUBJECTS = frozenset({"you", "they", "he", "she", "we"})
_JOINERS = frozenset({"and", "so", "to", "when", "while", "before", "after", "because", "which", "that", "for", "with", "from", "by", "where", "who", "whom", "whose"})
PROSE_MIN_WORDS = 8  # a responsibility written as a sentence is at least this long
LEAD_WORDS = 7  # at most this many words of a sentence name its responsibility
_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had", "gets", "get", "will", "can", "may", "must", "should", "needs", "comes", "arrives", "becomes"})
_LEAD_TAIL = frozenset(
    {"a", "an", "the", "each", "every", "all", "of", "in", "on", "at", "our", "their", "your", "its", "and", "or", "how", "what", "why", "who"}
    | {"to", "for", "with", "from", "by", "into", "onto", "about", "over", "under", "between", "across", "through", "per", "via", "as", "than", "within", "without", "during", "against", "among", "toward", "towards", "before", "after", "until"}
    | {"but", "nor", "so", "yet", "if", "because", "where", "which", "that", "whom", "whose", "when", "while", "this", "these", "those", "some", "any", "no", "his", "her", "my", "another", "both", "either", "such", "most", "more", "many", "few", "several", "other", "same", "very"}
)
# A word that looks like it describes the next one ("an oral [syringe]", "the high-alert [drips]",
# "the controlled [substances]"): a title cut by the word limit does not end on it.
_ADJECTIVE = re.compile(r"^[a-z]+-[a-z]+$|^[a-z]+(?:ous|ful|less|able|ible|ive|ic|al|ary|ory|ed)$")


def _prose(body: list[tuple[int, str]]) -> bool:
    """Responsibilities written as paragraphs: no bullets, no "Name: text" lines, every line one or
    more full sentences."""
    return bool(body) and all(t.endswith((".", "!")) and len(t.split()) >= PROSE_MIN_WORDS and _named_line(t) is None for _, t in body)


def _prose_items(line: str) -> list[tuple[str, str]]:
    """One line of prose responsibilities: "Price Data Review. You pull …" is a name and its text
    (a short capitalised name before the first full stop); otherwise a responsibility per sentence."""
    m = _SENTENCE_AFTER_NAME.match(line)
    if m and len(m.group("name").split()) <= LEAD_WORDS and _title_cased(m.group("name")) and m.group("name").split()[0].lower() not in _SUBJECTS:
        return [(m.group("name").strip(), m.group("desc").strip())]
    return [(_lead(sentence), sentence) for sentence in _SENTENCE_END.split(line) if sentence.strip()]


def _lead(sentence: str) -> str:
    """A responsibility's name from its sentence, in the page's own words: the words before the
    first comma or joining word, without the subject ("You assemble dispensing records, …" ->
    "Assemble dispensing records"). Cut by the word limit instead, it ends before a verb such as
    "is", on the noun phrase ("A new concentration of a drip is added …" -> "A new concentration
    of a drip"), not mid-phrase: never on a small word ("the", "for", "where") nor inside a
    phrase the next word goes on with ("… library for high-alert [drips]" -> "… library", "Turn
    the month's weights into a carbon [footprint report]" -> "Turn the month's weights")."""
    words = sentence.split()
    if words and words[0].lower() in _SUBJECTS:
        words = words[1:]
    head: list[str] = []
    for i, w in enumerate(words):
        if len(head) >= LEAD_WORDS:
            verb = next((k for k, h in enumerate(head) if k >= 2 and h.lower() in _VERBS), None)
            head = head[:verb] if verb is not None else _phrase_end(head, words[i:])
            break
        if (len(head) >= 3 and w.lower() in _JOINERS) or w in ("-", "–", "—"):
            break
        head.append(w.rstrip(",;:.!?()"))
        if w.endswith((",", ";", ":", ".", "!", "?", ")")):
            break
    while len(head) > 1 and head[-1].lower() in _LEAD_TAIL:
        head = head[:-1]  # ("… report each": no name ends on a small word)
    text = " ".join(head)
    return text[:1].upper() + text[1:]


_EXTRA_LEAD_WORDS = 2  # how far past the word limit a name may run to end its phrase


def _untailed(words: list[str]) -> list[str]:
    """``words`` without the small words at their end ("… report for the" -> "… report")."""
    while len(words) > 1 and words[-1].lower() in _LEAD_TAIL:
        words = words[:-1]
    return words


def _phrase_boundary(word: str) -> bool:
    """Whether a name may end right before ``word``: a small word ("for", "the", "and"), a joining
    word, a verb such as "is" or a participle opening a phrase of its own ("… an oral suspension" +
    "compounded from tablets"), or no word at all (a number, a dash, a bracket)."""
    bare = word.lower().strip(",;:.!?()")
    return not word[:1].isalpha() or bare in _LEAD_TAIL | _JOINERS | _VERBS or (len(bare) > 4 and bare.endswith("ed"))


def _phrase_end(head: list[str], rest: list[str]) -> list[str]:
    """``head`` cut by the word limit before ``rest`` (the sentence's words after it), ended at a
    natural boundary. When the word after it goes on with its phrase ("… into a carbon" +
    "footprint report"), the name stops before the phrase's small word ("into", "a": "Turn the
    month's weights"), keeping two words or more; failing that it runs on a word or two to where
    the phrase ends ("… vendor contract terms."); failing that ``_noun_end``."""
    kept = _untailed(head)
    after = (head[len(kept) :] + rest)[:1]
    if not after or _phrase_boundary(after[0]):
        return kept
    small = max((k for k, h in enumerate(kept) if h.lower() in _LEAD_TAIL), default=0)
    back = _untailed(kept[:small])
    if len(back) >= 2:
        return back
    for extra in range(1, _EXTRA_LEAD_WORDS + 1):
        if extra > len(rest) or not rest[extra - 1][:1].isalpha():
            break
        if rest[extra - 1].endswith((",", ";", ":", ".", "!", "?", ")")) or extra == len(rest) or _phrase_boundary(rest[extra]):
            return _untailed(head + [w.rstrip(",;:.!?()") for w in rest[:extra]])
    return _noun_end(head, rest[0])


def _noun_end(head: list[str], after: str) -> list[str]:
    """``head`` cut by the word limit before ``after``: when its last word describes ``after`` ("an
    oral" + "syringe"), back to before the phrase's small word ("for", "an"), keeping two words."""
    if not _ADJECTIVE.match(head[-1]) or after.lower().strip(",;:.!?()") in _LEAD_TAIL | _JOINERS | _VERBS or not after[:1].isalpha():
        return head
    small = max((k for k, h in enumerate(head) if h.lower() in _LEAD_TAIL), default=0)
    kept = head[:small]
    while len(kept) > 1 and kept[-1].lower() in _LEAD_TAIL:
        kept = kept[:-1]
    return kept if len(kept) >= 2 else head


def _named_line(text: str) -> list[str] | None:
    """"Staff Scheduling — Building the weekly schedule …", "Vendor Audits: reviewing …": an
    unbulleted responsibility, a short capitalised name then its text on one line."""
    m = _SPLIT_NAME.match(text)
    if m is None:
        return None
    name = m.group("name").strip()
    words = name.split()
    if not 1 <= len(words) <= 8 or not name[0].isupper() or name.endswith((".", ",", ";")) or sum(w[0].isupper() for w in words if len(w) > 3) < 0.5 * sum(1 for w in words if len(w) > 3):
        return None
    return [name, m.group("desc")]


def _name_and_text(named: str) -> list[str]:
    """"Certified Pharmacy Operations Manager: shows you can lead teams": the name, then its
    description, when a step gives both on one line (a colon or a dash after a name-like start)."""
    m = _SPLIT_NAME.match(named)
    sep = named[len(m.group("name")) : len(m.group("name")) + 3] if m else ""
    if m and (":" in sep or "—" in sep or "–" in sep) and _heading_like(m.group("name")) and len(m.group("desc").split()) >= 3:
        return [m.group("name"), m.group("desc")]  # (a colon or a dash between: "… Manager — shows you can lead teams")
    m = _SENTENCE_AFTER_NAME.match(named)
    if m and _CERTIFIED.search(m.group("name")) and _title_cased(m.group("name")) and len(m.group("desc").split()) >= 3:
        return [m.group("name"), m.group("desc")]  # "Certified Pharmacy Operations Manager. Shows you can lead teams."
    m = _NAME_BAR_TEXT.match(named)
    if m and _heading_like(m.group("name")) and _title_cased(m.group("name")) and len(m.group("desc").split()) >= 3:
        return [m.group("name"), m.group("desc")]  # "CPOM | Certified Pharmacy Operations Manager | shows you can lead teams"
    return [named]


_NAME_BAR_TEXT = re.compile(r"^(?P<name>[^|·•]{3,80}?)\s+[|·•]\s+(?P<desc>\S.+)$")


_SENTENCE_AFTER_NAME = re.compile(r"^(?P<name>[^.:–—]{3,80}?)\.\s+(?P<desc>[A-Z].+)$")


def _title_cased(name: str) -> bool:
    """Most longer words capitalised, as a certification's full name is."""
    long = [w for w in name.split() if len(w) > 3]
    return bool(long) and sum(w[0].isupper() for w in long) >= 0.75 * len(long)


def _pathway(page: Page, head: tuple[int, str], body: list[tuple[int, str]], last: bool) -> list[tuple[int, str]]:
    page.pathway_heading = _heading_text(head[1])
    body = [(n, t) for n, t in body if not _STEP_TABLE_HEADER.match(t)]
    intro: list[str] = []
    certs: list[PageCert] = []
    current: list[str] | None = None
    cur_line = head[0]
    closed = False  # the last block ended with "View Details"
    listed = False  # the current step is "CPOM · Certified …" alone on its line: a list's item, its why may be left out
    rest: list[tuple[int, str]] = []

    def finish(details: bool = False) -> None:
        nonlocal current
        if current is None:
            return
        code, *text = current
        if not text:
            raise PageError(cur_line, f"certification {code} has no full name on the next line")
        if len(text) == 1:
            text = _name_and_text(text[0])  # "CPOM", then "Certified Pharmacy Operations Manager — shows you can lead teams"
        name, desc = text[0], " ".join(text[1:])
        if not desc and (details or not listed):  # (a block, "View Details" under it, says why)
            raise PageError(cur_line, f"certification {code} ({name}) has no description")
        certs.append(PageCert(code, name, _capitalised(desc), cur_line))  # ("" for a listed step: the importer says why)
        current = None

    def bare_list() -> bool:
        """The steps so far are a list of "CODE · Name" lines, none with a why: text under the
        last is no more its why than the others'."""
        return listed and current is not None and len(current) == 2 and bool(certs) and all(not c.description for c in certs)

    prose = _prose_pathway(body, last)
    for pos, (n, t) in enumerate(body if prose is None else []):  # (a paragraph of steps is read whole)
        if _BARE_STEP.match(_unbullet(t)):
            continue  # "Step 2" above its block
        t = _unbracketed(_step_item(_field_value(t)))  # ("[CRCLP]" over its name, "[View Details]": an export's link text)
        code_line = _is_code(t)
        m_cn = None if code_line else (_CODE_NAME.match(t) or _NAME_CODE.match(t) or _CODE_PAREN.match(t))
        if m_cn and not _is_code(m_cn.group("code")):
            m_cn = None
        step = None if code_line or m_cn else _step_line(t)
        code = step.group("code") if step else m_cn.group("code") if m_cn else t if code_line else None
        if code is not None and not _code_like(code):
            raise PageError(
                n,
                f"'{code}' is not a certification code (a code is capitals, such as 'CPOM'); if this line belongs to another section, "
                f"such as the day, put that section's heading (e.g. 'A Day in the Life') above it",
            )
        if step:
            finish()
            current = [step.group("code"), step.group("name").strip(), step.group("desc")]  # "Certified Foo Bar (CFOO) – why it matters"
            cur_line, closed, listed = n, False, False
        elif code_line or m_cn:
            finish()
            current = [m_cn.group("code"), *_name_and_text(m_cn.group("name"))] if m_cn else [t]
            cur_line, closed, listed = n, False, m_cn is not None
        elif _VIEW_DETAILS.match(t):
            finish(details=True)
            closed = True
        elif bare_list() and last:
            finish()
            rest = body[pos:]  # (the page's closing, after a list of steps)
            break
        elif bare_list():
            raise PageError(
                n,
                f"{t[:60]!r} follows a list of certifications that give no reason each ({', '.join(c.code for c in certs)}, {current[0] if current else ''}), "
                f"so it cannot be told whether it is {current[0] if current else ''}'s reason or a note on the whole pathway; "
                f"give each step its reason on its line ('CPOM · Certified Pharmacy Operations Manager – why it matters') or move this text above the steps",
            )
        elif current is not None:
            _refuse_day_entry(n, t, f"certification {current[0]}'s description")
            current.append(t)
        elif certs and (closed or last):
            rest = body[pos:]
            break
        elif not certs:
            intro.append(t)
    finish()
    if prose is not None:
        intro, certs, rest = prose
    if not certs:
        paragraph = next(((n, t) for n, t in body if len(_codes_in(t)) >= 2), None)
        if paragraph is not None:  # "CGIP (Certified …) validates …. CPOSD (…) proves …": no order words
            raise PageError(paragraph[0], f"the certification pathway is a paragraph that cannot be read step by step; {_PROSE_HELP}")
        raise PageError(
            head[0],
            f"expected certification blocks (a code line such as 'CPOM', the full name, a description, 'View Details'; or a step on one line, "
            f"'Certified Pharmacy Operations Manager (CPOM) – why it matters') after '{head[1]}'",
        )
    seen: set[str] = set()
    for c in certs:
        if c.code in seen:
            raise PageError(c.line, f"certification {c.code} appears twice in this pathway")
        seen.add(c.code)
    page.pathway_intro = " ".join(intro)
    names, whys = _without_shared_label([c.name for c in certs]), _without_shared_label([c.description for c in certs])
    page.certifications = [dataclasses.replace(c, name=name, description=_capitalised(why)) for c, name, why in zip(certs, names, whys)]
    return rest


# A pathway written as one paragraph: each step a sentence opened by an order word ("Start with",
# "Next, take", "Then", "Finally, add the") and naming a certification by its code and its name, in
# brackets or after a dash ("CGIP (Certified …)", "CGIP – Certified … –", "Certified … (CGIP)").
_ORDER_OPENER = re.compile(
    r"^(?:first(?:ly)?|(?:start|begin)(?:ning)?\s+with|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|then|after\s+that|afterwards|finally|lastly|last)\b,?\s*"
    r"(?:(?:you\s+)?(?:take|earn|get|add|pursue|complete|comes?|is|move\s+on\s+to)\s+)?(?:the\s+|your\s+)?",
    re.I,
)
_CODE_TOKEN = r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
_PROSE_STEPS = (
    re.compile(r"^(?P<code>" + _CODE_TOKEN + r")\s*\((?P<name>[^()]{3,100})\)(?P<desc>.*)$"),
    re.compile(r"^(?P<code>" + _CODE_TOKEN + r")\s+[–—-]\s+(?P<name>[^,:;.()–—]{3,100}?)(?P<desc>(?:[,:;.]|\s[–—-]\s).*)$"),
    re.compile(r"^(?P<name>[^()]{3,100}?)\s*\((?P<code>" + _CODE_TOKEN + r")\)(?P<desc>.*)$"),
)
_PROSE_HELP = (
    "write each step with an order word, its code and its full name, one step a line, e.g. "
    "'First, CPOM – Certified Pharmacy Operations Manager: why it matters', or in one paragraph "
    "'Start with CPOM (Certified Pharmacy Operations Manager), which …. Next, …'"
)


def _prose_pathway(body: list[tuple[int, str]], last: bool) -> tuple[list[str], list[PageCert], list[tuple[int, str]]] | None:
    """A pathway written as a paragraph (``_prose_steps``), when no other line names a step: the
    intro before it, its steps, and what follows (the closing when the pathway ends the page, else
    more of the last step's text)."""
    pos = next((k for k, (_, t) in enumerate(body) if _steps_paragraph(t)), None)
    if pos is None or any(_code_of(_step_item(t)) is not None for k, (_, t) in enumerate(body) if k != pos):
        return None  # (steps of their own besides: read as steps)
    lead, steps = _prose_steps(*body[pos])
    after = body[pos + 1 :]
    if after and not last:
        for n, text in after:
            _refuse_day_entry(n, text, f"certification {steps[-1].code}'s description")
        steps[-1].description += " " + " ".join(text for _, text in after)
        after = []
    return [text for _, text in body[:pos]] + lead, steps, after


# A step's block written as labelled fields ("Code: CNRPS", "Name: Certified …", "Why it matters: …",
# "Certification: CSPAD – Certified …"): the label is no part of the code, the name or the why.
_STEP_FIELD = re.compile(
    r"^(?:(?:certification|cert|credential)\s+)?(?:code|name|full\s+name|title)\s*:\s*(?P<rest>\S.*)$"
    r"|^(?:certification|credential|why(?:\s+it\s+matters|\s+(?:take|get|earn)\s+it)?|description|what\s+it\s+(?:shows|proves|covers|validates))\s*:\s*(?P<more>\S.*)$",
    re.I,
)


def _field_value(text: str) -> str:
    """A labelled field of a step's block, without its label."""
    m = _STEP_FIELD.match(_unbullet(text))
    return (m.group("rest") or m.group("more")) if m else text


def _steps_paragraph(line: str) -> bool:
    """Two or more sentences of the line open with an order word and name a certification code."""
    return sum(1 for x in _SENTENCE_END.split(line) if _ORDER_OPENER.match(x) and _codes_in(x)) >= 2


def _prose_steps(n: int, line: str) -> tuple[list[str], list[PageCert]]:
    """A paragraph of steps (``_steps_paragraph``): the sentences before its steps, and the steps (a
    step's sentences after it are more of its text). Refused, saying what to write, when a sentence
    naming a code reads otherwise ("First comes CGIP, the Certified …")."""
    lead: list[str] = []
    steps: list[list[str]] = []
    for sentence in (x for x in _SENTENCE_END.split(line) if x.strip()):
        opener = _ORDER_OPENER.match(sentence)
        step = _prose_step(sentence[opener.end() :]) if opener else None
        if step is not None:
            steps.append(step)
        elif _codes_in(sentence):
            raise PageError(n, f"the certification pathway is a paragraph that cannot be read step by step at {sentence[:50]!r}; {_PROSE_HELP}")
        else:
            (steps[-1] if steps else lead).append(sentence)
    for step in steps:
        if len(step) < 3:
            raise PageError(n, f"certification {step[0]} ({step[1]}) has no description")
    return [" ".join(lead)] if lead else [], [PageCert(code, name, _capitalised(" ".join(desc)), n) for code, name, *desc in steps]


def _prose_step(text: str) -> list[str] | None:
    """"CGIP (Certified …), which validates …" -> code, name and, when the sentence goes on, its text."""
    for rx in _PROSE_STEPS:
        m = rx.match(text)
        if m and _is_code(m.group("code")) and _code_like(m.group("code")) and _title_cased(m.group("name")):
            desc = re.sub(r"^[\s,:;.–—-]*(?:(?:which|that)\s+)?", "", m.group("desc"))
            return [m.group("code"), m.group("name").strip(), *([desc] if desc else [])]
    return None


def _codes_in(text: str) -> list[str]:
    """The certification codes a sentence names ("CGIP", "CPOSD")."""
    return [w for w in re.findall(r"\b" + _CODE_TOKEN + r"\b", text) if _is_code(w) and _code_like(w)]


# A certification named in running text by its code and its full name: "CCPTL (Certified Community
# Pharmacy Technician Lead)", "CRXIC – Certified Retail …", "the Certified Pharmacy Operations Manager (CPOM)".
_NAMED_IN_TEXT = re.compile(
    r"\b(?P<code>" + _CODE_TOKEN + r")\s*(?:\(\s*|[–—]\s*|\s-\s+)(?=Certifi)"
    r"|\bCertified\s+(?:(?:[A-Z][\w'’-]*|and|of|in|for|the|&)\s+){1,10}\((?P<bracketed>" + _CODE_TOKEN + r")\)"
)


def _named_certification(text: str) -> str | None:
    """The code of the first certification ``text`` names with its full name (``_NAMED_IN_TEXT``)."""
    for m in _NAMED_IN_TEXT.finditer(text):
        code = m.group("code") or m.group("bracketed")
        if _is_code(code) and _code_like(code):
            return code
    return None


def _code_like(code: str) -> bool:
    """A certification code is mostly capitals ("CPOM", "CPTEd"), unlike a label such as "Mid-Morning"
    that a line of another section put where a code goes."""
    return sum(c.isupper() for c in code) > sum(c.islower() for c in code)


def _refuse_day_entry(n: int, text: str, into: str) -> None:
    """A day entry ("7:30 AM – Route Planning. You …") where another section's text goes is a day
    under a heading not read as one: refused, never made that text."""
    item = _unbullet(text)
    if _day_entry(item, True) or _inline_day_entry(item):
        raise PageError(n, f"{text[:60]!r} reads as a day entry, not as {into}; put a heading such as 'A Day in the Life' right above the day")


def _capitalised(text: str) -> str:
    """A description cut from after a name ("First, CGIP – Certified …: validates …") starts as a
    sentence does; a first word with capitals of its own ("eGFR") is left as written."""
    first = text.split(maxsplit=1)[:1]
    return text[:1].upper() + text[1:] if first and first[0].isalpha() and first[0].islower() else text


def _longest_description(body: list[tuple[int, str]], timed: list[int]) -> int:
    """How many lines the longest timed entry's description runs to (up to the next label)."""
    longest = 0
    for k in timed:
        end = next((j for j in range(k + 1, len(body)) if _day_entry(_unbullet(body[j][1]), False) or _inline_day_entry(_unbullet(body[j][1]))), len(body))
        longest = max(longest, end - k - 1)
    return longest


def _untimed_entry(body: list[tuple[int, str]], pos: int, timed: list[int], last: bool) -> re.Match[str] | None:
    """A label that names no time of day ("Before Opening: Cash Check", "After School: Audit")
    on a page whose other labels do. Its place says it is an entry: a timed entry follows it, or
    it is followed by its description and, on the page's last section, by a whole closing (a
    heading, its text, a link), so it cannot be the closing's heading itself. Before the first
    timed entry, it must be placed relative to a moment and its text no longer than the timed
    entries' texts, so a sub-heading over the day's intro is not taken for an entry."""
    m = _day_entry(_unbullet(body[pos][1]), False)
    if not m or not timed:
        return None
    if pos < timed[0]:  # before the first timed entry: placed relative to a moment, no longer than an entry
        return m if timed[0] - pos - 1 <= _longest_description(body, timed) and _RELATIVE_TIME.match(m.group("time")) else None
    if any(k > pos for k in timed):
        return m
    after = [t for _, t in body[pos + 1 :]]
    if not after or _day_entry(_unbullet(after[0]), False):
        return None  # (no description of its own)
    if not last:
        return m
    return m if any(_heading_like(t) or _title_like(t) for t in after[1:-2]) else None


# A table's header row over the day's rows ("Time | Task", "| When | What |"): no part of the day's text.
_TABLE_HEADER = re.compile(r"^\|?\s*(?:time|when|hour)\s*(?:\|\s*[A-Za-z][A-Za-z &/]{0,30}?\s*)+\|?$", re.I)


def _day_parts(body: list[tuple[int, str]]) -> tuple[set[int], dict[int, tuple[str, str]], list[int]]:
    """Where the day's timed parts start: times alone on their line over the text ({position}),
    lines opened by a time however written ({position: (time, text)}), and every timed part's
    position, in order."""
    # Labels naming a time of day ("Morning", "Mid-Day", "7:00 AM") first; any short label
    # ("Phase One: ...") only when the page uses no time-of-day labels at all.
    bare: set[int] = set()
    for pos, (_, t) in enumerate(body[:-1]):  # "7:30 AM", then what happens ("EVENING" over "Family Information Night": the title under it names a time)
        if _bare_time(_unbullet(t)) and not _only_when(_unbullet(body[pos + 1][1])) and pos - 1 not in bare:
            bare.add(pos)
    labelled = {**_labelled(body, comma=True), **_labelled(body)}
    timed = [pos for pos, (_, t) in enumerate(body) if pos in bare or pos in labelled or _day_entry(_unbullet(t), True) or _inline_day_entry(_unbullet(t))]
    if timed:  # the day's first part labelled its own way ("early morning: you …", "First thing, you …") before labelled ones
        first = {**_labelled(body[: timed[0]], comma=True, least=1), **_labelled(body[: timed[0]], least=1)}
        first = {pos: said for pos, said in first.items() if _part_label(said[0])}
        labelled.update(first)
        timed = sorted(set(timed) | set(first))
    return bare, labelled, timed


def _label_alone(text: str) -> str | None:
    """A short label alone on its line, capitalised as labels are ("Small Hours", "Bench Time",
    "Wrap-Up:"): the label, else None. A question or an exclamation ("Ready to Coach?") is a
    closing's heading, never a label."""
    label = _unbullet(text).strip().removesuffix(":").strip()
    words = label.split()
    if not 1 <= len(words) <= BARE_LABEL_WORDS or not _heading_like(label) or label.endswith(("?", "!")) or any(ch in label for ch in ":–—|"):
        return None
    return label if label[:1].isupper() and _label_cased(label) and words[0].lower() not in _NOT_LABEL | _ASIDE else None


# A description's own aside ("Note: you also …", "Tip — …"), never a part of the day.
_ASIDE = frozenset({"note", "notes", "tip", "tips", "example", "why", "result", "bonus", "also", "plus", "goal", "outcome", "remember", "reminder"})


def _label_and_text(text: str) -> tuple[str, str] | None:
    """A short label, capitalised as labels are, then a sentence on the same line ("Small Hours —
    With the floors quiet, you …", "Bench Time: You …"): the label and the sentence."""
    m = _ANY_LABEL.match(_unbullet(text))
    if m is None:
        return None
    label, said = m.group("time").strip(), m.group("text").strip()
    sep = text[text.find(m.group("time")) + len(m.group("time")) :].lstrip()[:1]
    if sep == "." or not label[:1].isupper() or not _label_cased(label) or label.split()[0].lower() in _NOT_LABEL | _ASIDE:
        return None  # ("Pharmacy Rounds. You …" may be a sentence; "You review: …" no label)
    return (label, said) if said.endswith((".", "!", "?")) and len(said.split()) >= _SENTENCE_WORDS else None


def _layout_parts(body: list[tuple[int, str]], bare: set[int], labelled: dict[int, tuple[str, str]], timed: list[int], last: bool) -> list[int]:
    """Day parts labelled by words the time-of-day list does not know ("Small Hours", "Bench Time",
    "Shift Handover"), found by the layout the day's other parts share: a label alone on its line
    over its text when two or more timed parts are written so, or a label then its sentence on one
    line when two or more are. Added to ``bare`` or ``labelled``; their positions are returned.

    Between the first and the last timed part such a line is a part (the day's text is no
    place for a label). Before the first it must be placed relative to a moment ("Start of the
    Day") and its text no longer than the parts' texts, so that a sub-heading over the day's intro
    stays intro. After the last, on the page's last section, a label alone must have its text and
    then the page's closing still after it, so that it is not the closing's own heading; a label
    and its sentence must come before any heading."""
    alone = [pos for pos in timed if pos in bare]
    inline = [pos for pos in timed if pos not in bare and (pos in labelled or _inline_day_entry(_unbullet(body[pos][1])))]
    if len(alone) < 2 and len(inline) < 2:
        return []
    found: list[int] = []
    longest = _longest_description(body, timed)
    for pos in range(len(body)):
        if pos in timed or pos + 1 >= len(body) and len(alone) >= 2:
            continue
        t = body[pos][1]
        label: str | None = None
        said = ""
        if len(alone) >= 2 and (label := _label_alone(t)) is not None:
            after = body[pos + 1][1]
            if pos - 1 in bare or _label_alone(after) is not None or _day_entry(_unbullet(after), False) or not after.rstrip().endswith((".", "!", "?")):
                continue  # ("6:30 AM" / "Isolator Checks" / "You …": a title under its time; a label needs its sentence)
        elif len(inline) >= 2 and (split := _label_and_text(t)) is not None:
            label, said = split
        else:
            continue
        if pos < timed[0]:
            if not (_RELATIVE_TIME.match(label) or _time_label(label)) or timed[0] - pos - 1 > longest:
                continue
        elif pos > timed[-1] and last:
            between = body[timed[-1] + 1 : pos]
            if any(_heading_like(x) or _title_like(x) for _, x in between if _label_alone(x) is None or x.rstrip().endswith(("?", "!"))):
                continue  # (the page's closing started before it)
            rest = [x for _, x in body[pos + 2 :]] if not said else []
            if not said and not any(_heading_like(x) or _title_like(x) for x in rest[:-1]):
                continue  # (a label alone with no closing after its text may be the closing's heading)
        if said:
            labelled[pos] = (label, said)
        else:
            bare.add(pos)
        found.append(pos)
    return found


_DAY_TITLE_WORDS = 6


def _day(page: Page, head: tuple[int, str], body: list[tuple[int, str]], last: bool) -> list[tuple[int, str]]:
    body = [(n, t) for n, t in body if not _TABLE_HEADER.match(t)]
    bare, labelled, timed = _day_parts(body)
    timed = sorted(set(timed) | set(_layout_parts(body, bare, labelled, timed, last)))
    strict = bool(timed)
    intro: list[str] = []
    entries: list[list[str]] = []
    rest: list[tuple[int, str]] = []
    entry_at, whole = 0, False  # where the last entry starts in ``body``; whether its line holds its text too
    starts: list[tuple[int, bool]] = []  # (entry_at, whole) of every entry
    end = len(body)
    for pos, (n, t) in enumerate(body):
        if pos in bare:
            entries.append([_unbullet(t).strip().removesuffix(":").rstrip(), ""])  # the title comes from the text under it (below)
            entry_at, whole = pos, False
            starts.append((entry_at, whole))
            continue
        m = _day_entry(_unbullet(t), strict) or _untimed_entry(body, pos, timed, last)
        inline = None if m else _inline_day_entry(_unbullet(t))
        if m:
            entries.append([m.group("time").strip(), m.group("title")])  # ("06:30 – Opening Count": the clock's own space is no part of it)
            entry_at, whole = pos, False
            starts.append((entry_at, whole))
        elif inline:
            entries.append([*inline[:2], _capitalised(inline[2])])  # "8:30 AM – Clinic Huddle. You meet the nurses …": one line
            entry_at, whole = pos, True
            starts.append((entry_at, whole))
        elif pos in labelled:
            time, said = labelled[pos]  # "early morning: you check the queue …": named by its own words (below)
            entries.append([time, said] if _heading_like(said) else [time, "", _capitalised(said)])
            entry_at, whole = pos, not _heading_like(said)
            starts.append((entry_at, whole))
        elif entries and len(entries[-1]) > 2 and _heading_like(t) and last:
            rest, end = body[pos:], pos
            break
        elif entries:
            entries[-1].append(t)
        else:
            intro.append(t)
    closing = (_closing_within(body, entry_at + (not whole), end) or _paragraph_after(body, starts, end)) if last and entries and len(entries[-1]) > 2 else None
    if closing is not None:  # "Protect Patients. Protect Your People." closes the page
        entries[-1] = entries[-1][: len(entries[-1]) - (end - closing)]
        rest = body[closing:]
    if not entries:
        raise PageError(head[0], _no_day_entries(head[1], intro, body))
    for e in entries:
        if not e[1] and len(e) > 3 and _heading_like(e[2]) and (_title_cased(e[2]) or (len(e[2].split()) <= _DAY_TITLE_WORDS and not e[2].endswith(("!", "?")) and e[3][:1].isupper() and e[3].endswith((".", "!", "?")))):
            e[1] = e.pop(2)  # "6:30 AM", then "Isolator Start-Up Checks" (or "Device check"), then "You review …": a title of its own
        if len(e) < 3:
            raise PageError(head[0], f"day entry '{e[0]}: {e[1]}' has no description")
        if not e[1] and len(e) == 3 and (m := _SENTENCE_NAME.match(e[2])) is not None and _title_cased(m.group("name")) and len(m.group("name").split()) <= _DAY_TITLE_WORDS:
            e[1], e[2] = m.group("name"), m.group("desc")  # "EARLY MORNING", then "Speaker Check-In. You go through …": the title ends at its full stop
        if not e[1]:
            e[1] = _lead(e[2])  # "7:30 AM" over "You review the overnight turnaround times …": named by its own words
    page.day_intro = " ".join(intro)
    page.day = [(e[0], e[1], " ".join(e[2:])) for e in entries]
    return rest


def _no_day_entries(heading: str, texts: list[str], body: list[tuple[int, str]]) -> str:
    """What to add to a day written with no times ("By midmorning you are …" paragraphs): day entries
    need a time (the role file's ``time`` is required), and the page's own text shows where."""
    if not texts:
        return f"expected day entries like 'Morning: Daily Operations Huddle' after '{heading}'"
    words = " ".join(texts[0].split()[:6]).rstrip(",;:.")
    return (
        f"expected day entries after '{heading}': the text from line {body[0][0]} on says no time of day. "
        f"Start each part of the day with when it happens and a colon, e.g. 'Early Morning: {words} …' or '7:30 AM: …' "
        f"(or put the time alone on the line above the part; or open two or more parts with one and a comma, 'Mid-morning, you …'); "
        f"a first paragraph left as it is stays the day's intro"
    )


def _closing(page: Page, lines: list[tuple[int, str]]) -> None:
    """The closing call to action: a heading, its text, and the link's text."""
    texts = [t for _, t in lines]
    if texts and _BARE_ADDRESS.match(texts[-1]):
        texts.pop()  # "https://…" alone under the button: where it leads, as in "Learn more: https://…", no words of its own
    if len(texts) >= 2 and (_heading_like(texts[0]) or _title_like(texts[0])):
        page.closing_heading = _heading_text(texts.pop(0))
    if texts and (_button(texts[-1]) or (_heading_like(texts[-1]) and len(texts) >= 2)):
        page.closing_link = _unbracketed(texts.pop())
    page.closing = " ".join(texts)
