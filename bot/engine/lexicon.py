"""General English cue words the matcher reads intent from.

These describe how people *ask* (greetings, "how do I become", "day to day", doses), never
what the knowledge says: everything about roles and certifications comes from
``knowledge/``, so a role or certification added there needs no change here.
Words are stems as produced by ``normalize.stem``.
"""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from into onto about as is are was were be been being am do does did
    doing have has had having i me my mine myself we us our ours you your yours he him his she her it its they them their this
    that these those there here what which who whom whose when where why how can could should would will shall may might must
    not no nor so than too very just also any some all each every both either neither much many more most other such own same
    only then once again further up down out off over under s t d ll m re ve y im ive id thats whats whos its theres hows
    like really basically actually exactly please thanks thank u ur pls plz hey hi hello yo ok okay lol etc something stuff thing
    things someone anyone one ones get got gets getting go going want wanted wanting need needs know tell give make makes sure
    mean means part kind sort bit lot way dont doesnt didnt isnt arent wont cant""".split()
)

# Nouns that name the *class* of thing asked about, not a particular one.
CERT_NOUNS = frozenset({"certification", "certifications", "cert", "certs", "credential", "credentials", "certificate", "exam"})
ROLE_NOUNS = frozenset({"role", "roles", "career", "careers", "job", "jobs", "position", "positions", "spotlight", "spotlights", "title", "titles", "path", "paths", "pathway", "pathways"})

# Head nouns of job titles: a question naming one of these that no known title has is
# about a role the knowledge base does not cover.
ROLE_HEADS = frozenset(
    """director manager officer pharmacist technician tech liaison specialist coordinator analyst supervisor buyer lead chief head
    administrator consultant educator informaticist informatician scientist resident intern preceptor leader executive president
    vp representative rep clinician nurse physician doctor engineer""".split()
)

GRATITUDE = frozenset({"thanks", "thank", "thx", "ty", "cheers", "appreciate", "appreciated", "awesome", "great", "perfect", "cool", "nice", "helpful"})
GREETINGS = frozenset({"hi", "hello", "hey", "heya", "hiya", "yo", "howdy", "greetings", "morning", "evening", "afternoon", "sup", "hallo", "there", "good", "all", "everyone", "folks", "bot"})

# "help" alone is help; "help me pick a cert for safety" is a question (see match).
HELP_WORDS = frozenset({"help", "helpme", "halp", "usage", "commands", "command", "menu", "start", "info"})
HELP_PATTERNS = re.compile(
    r"\b(commands?|how (does|do) (this|it|you) work|how( do i| can i| to| do you)? use (you|this|it|the bot|this bot)|what (can|do) you (do|know|answer)|"
    r"who are you|what are you|what is this bot|usage|instructions for (you|this bot)|how to use|"
    r"what (kinds?|sorts?|types?) of (things|questions|stuff)|what( .*)? can you (do|answer|help)|what do you cover)\b"
)

LIST_PATTERNS = re.compile(
    r"\b(list|lists|(all|every|each)( of)? (the |your )?(cert\w*|credential\w*|roles?|careers?|jobs?|paths?|spotlights?|positions?)|which .* (can|do) you|what .* (can|do) you|(can|do) you (tell|know|cover|have)|"
    r"you know (of|about)|you (cover|have)|are (there|in here|available|covered)|in here|available|does the council (have|offer)|"
    r"the council (has|have|offers)|do you have|show me|what are the|overview of|(can|could) i ask( you)?( about)?)\b"
)

PATHWAY_PATTERNS = re.compile(
    r"\b(becom\w*|pathway|path|route|roadmap|road map|get there|get me there|move up|moving up|step up|aiming|aim for|aim to|goal|"
    r"long term|someday|eventually|transition(ing)? (to|into)|career move|next step|what next|whats next|what should i do next|in what order|"
    r"what order|an order|which order|order should|order to|sequence|step by step|first\b.*\bthen|go from|break into|get into|"
    r"want to be|wanna be|wanna|trying to be|(cert\w*|credential\w*) order|order of (the |my )?(cert\w*|credential\w*)|(like|love|hope|plan|aspire|going|due) to (be|become)|take over|step into|what else|do i need|what'?s left|what is left|what remains|remaining|eyeing|"
    r"(what|which)( cert\w*| one| credential\w*)* (should i |do i |to )?(get|do|take|start with)? ?first|which first|what first|next job|work toward\w*|working toward\w*|prepare for|qualify|get to|pivot\w*|move into|moving into|switch\w* (in)?to|where do i start|start with)\b|->|→"
)

CERT_SEEK_PATTERNS = re.compile(
    r"\b(is there an? (cert\w*|credential\w*)|which (one|cert\w*|credential\w*)|what (cert\w*|credential\w*)|(cert\w*|credential\w*) for|"
    r"(cert\w*|credential\w*) (that|which) covers?|(which|what|that|does|do|one|it)\b[^.?!]{0,30}\bcover(s|ing)?)\b"
)

# A follow-up that leans on an earlier message the bot does not keep.
FOLLOW_UP = re.compile(r"^(and|also|what about|how about)\b|\b(for|about|of|with|in|to) (it|that|that one|this one|them|those)\b[^a-z]*$|\bthat one\b")

# "which career paths are there besides ops director": the named role is excluded, not asked about.
BESIDES = re.compile(r"\b(besides|other than|apart from|except|aside from|beyond)\b")

BOTH_PATTERNS = re.compile(r"\b(both|either|each of|all of them|in common|overlap\w*|shared|for the two)\b")

CONTRAST_PATTERNS = re.compile(r"\b(vs|versus|difference|differ|compared?|comparison|or the|instead of)\b")

SECTION_PATTERNS: dict[str, re.Pattern[str]] = {
    "day_in_the_life": re.compile(
        r"\b(day to day|day-to-day|daily|typical day|a day|their day|your day|day in the life|days? (is |are |looks? |look )?like|day look\w*|morning|afternoon|mid-?day|"
        r"mid[- ]?day|evening|schedule look|routine|week look|all day|each day|every day|whole day|workday|work day)\b|\bday$"
    ),
    "responsibilities": re.compile(
        r"\b(responsibilit\w*|duties|duty|in charge of|responsible for|tasks|oversee\w*|handle\w*|involve\w*|accountable|"
        r"what are they responsible)\b"
    ),
    "overview": re.compile(
        r"\b(what is an?|what's an?|whats an?|who is|basically|in a nutshell|describe|description|explain|overview|summary|"
        r"mean by|meaning|strategy|vs|versus|difference|job|role|what exactly|report to|reports to)\b"
    ),
}

# Generic "what is this role" wording: the overview, unless the content names something specific.
WEAK_OVERVIEW = re.compile(r"\b(about|what do they do|what does .* do|tell me)\b")

# Discord shorthand that is plain English, not domain vocabulary.
SLANG = {"u": "you", "ur": "your", "r": "are", "wat": "what", "wut": "what", "abt": "about", "bc": "because", "pls": "please", "plz": "please", "thx": "thanks", "ty": "thanks", "yrs": "years", "yr": "year", "w": "with", "b4": "before"}

HELD_CUES = frozenset({"already", "have", "hold", "holding", "got", "earned", "passed", "completed", "finished", "obtained", "done"})
GENERIC_MODIFIERS = frozenset({"senior", "junior", "associate", "assistant", "new", "future", "good", "great", "real", "actual", "full", "time", "eventual"})
NEGATIONS = frozenset({"not", "no", "never", "instead", "rather", "than", "nor", "dont", "doesnt", "didnt", "isnt", "arent", "wont"})
NOT_HELD_CUES = frozenset({"should", "need", "want", "thinking", "considering", "planning", "or", "first", "which", "whether", "if"})

# Facts members ask for that career spotlight pages do not hold: (what to call it, pattern).
FACETS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(rf"\b({pattern})\b"))
    for label, pattern in (
        ("fees or costs", r"fees?|costs?|costing|price\w*|pricing|how much|expensive|cheap|refund|discount"),
        ("salaries or pay", r"salary|salaries|pay|paid|wages?|compensation|income|earn\w*|make (a|an|per) (year|hour)|make per|how much do .* make"),
        ("exam dates, deadlines or testing centres", r"exam dates?|test dates?|when is the (exam|test)|deadline\w*|testing (cent\w*|windows?)|(exam|test) (windows?|schedules?)|next (exam|test|testing)|proctor\w*|retake"),
        ("pass rates or scores", r"pass(ing)? rates?|passing score|pass mark"),
        ("study materials or exam preparation", r"study guides?|(exam|test|board|cert\w*) prep|prep (course|book|material\w*|guide|class)|practice (questions|exams?|tests?)|review course|pass the (exam|test)"),
        ("continuing education credit", r"ce|ces|ce credits?|ce hours?|ceus?|continuing education|contact hours"),
        ("renewal or recertification", r"renew\w*|recertif\w*|expir\w*|keep (it|my|the|your)? ?\w* ?active|stay active|maintain (it|my|the|your) \w+"),
        ("eligibility rules", r"eligib\w*|prerequisites?"),
        ("job openings", r"job openings?|hiring|openings|vacanc\w*"),
        ("how long it takes", r"how long (does|will|would|did|should) (it|that|this) take|how many years|how much time|how quickly|how fast can"),
        ("how or where the exam is taken", r"online|in person|in-person|remote\w*|virtual\w*|at home|open book|multiple choice|how many questions"),
    )
)

# Asking for clinical advice: always refused, whatever else the message says.
CLINICAL_PATTERNS = re.compile(
    r"(\b\d+(\.\d+)?\s?(mg|mcg|µg|g|gm|grams?|ml|meq|mmol|mg/kg|mcg/kg)\b|\bq\d+h\b|\bq\d+-\d+h\b|"
    r"\b((what|which|max|maximum|right|correct|usual|starting|loading|safe|normal|typical|pediatric|renal) (dose|dosing|dosage)|"
    r"(dose|dosing|dosage) (of|for|adjust\w*)|how many mg|overdose|side effects?|adverse effects?|adverse reactions?|interactions? between|"
    r"interact with|contraindicat\w*|indicated for|should i take|can i take|safe to take|what to take|held before|hold before|"
    r"recommend for|treat (a|an|my|his|her|their)|titrat\w*|taper\w*|"
    r"renal function|kidney function|creatinine|mg/dl)\b)"
)

# Clinical topics: refused only when the message is not framed as a career question.
CLINICAL_TOPICS = re.compile(
    r"\b(doses?|dosing|dosage|dosed|symptoms?|fever|infection\w*|diagnos\w*|allerg\w*|pregnan\w*|breastfeed\w*|antibiotics?|vaccines?|insulin|"
    r"meningitis|diabetes|hypertension|blood pressure|drug interactions?|iv contrast|kid'?s|child'?s|baby|toddler|prescrib\w*|"
    r"therapy for|cure for|medicine for|medication for|drugs? for)\b"
)

DRUG_SUFFIX = re.compile(
    r"^cef[a-z]{4,}$|^[a-z]{3,}(azolin|mab|nib|pril|sartan|olol|statin|prazole|azole|cillin|mycin|floxacin|cycline|xaban|parin|gliptin|gliflozin|"
    r"glutide|formin|dipine|triptan|oxetine|azepam|zolam|profen|caine|olone|asone|triaxone|tidine|lukast|pramine|apine|idone|"
    r"peridol|dogrel|codone|morphone|thiazide|semide|tropin|dronate|vudine|navir|previr|buvir|ciclovir|conazole|kinase)$"
)

# Asking the bot to produce something for the member rather than to answer from the knowledge.
TASK_REQUEST = re.compile(
    r"\b(write|draft|edit|proofread|rewrite|polish|translate|summari[sz]e|fill out|do) (me |my |a |an |the |our )?"
    r"(cover letter|resume|cv|essay|email|letter|personal statement|statement|application|homework|assignment|linkedin|post|poem)\b"
)

INJECTION_PATTERNS = re.compile(
    r"\b((ignore|disregard|forget|override|bypass) (all |any |the |your |my |these |those |previous |prior |above |earlier )*"
    r"(instructions?|prompts?|rules?|above|previous|messages?|guidelines|context|system)|you are now|from now on you|"
    r"pretend (to be|you)|act as (an?|the|my)|roleplay|role-play|system prompt|jailbreak|developer mode|dan mode|"
    r"reveal (your|the) (prompt|instructions|rules)|repeat after me|say (exactly|the following)|tell (everyone|everybody|all)|"
    r"announce|ping (everyone|all)|post (this|that) in)\b"
)
