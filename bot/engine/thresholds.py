"""Every threshold, weight and confidence the engine decides with, named, in one place.

Scores are computed from the knowledge text itself (inverse document frequencies of its
words), so these numbers are about the *shape* of evidence, never about a particular role or
certification. Change one here and every stage that reads it changes with it.
"""

from __future__ import annotations

# ---------------------------------------------------------------- naming roles and certifications
ROLE_MENTION = 0.5  # share of a title's weight a question must name for the role to count as named
ROLE_RELAXED = 0.3  # enough when the question's form already says "role" or "pathway"
PHRASE_READING = 3  # an abbreviation read as this many words or more ("CDI") is a phrase, not another reading of one word
ROLE_PICKED = 1.0  # a role picked out of several by "the <word> one": as good as named in full
ROLE_CANDIDATES = 30  # titles scored in full per question, best raw overlap first
ROLE_MIN_SHARE = 0.1  # below this share of its title a role is not a candidate at all
OTHER_JOB_PENALTY = 0.4  # "pharmacy operations manager" is not "Director of Pharmacy Operations"
PICK_CLEAR_LEAD = 0.2  # one title named this much more fully than the other is the subject
PICK_OTHER_FACTOR = 0.5  # the roles not picked keep this share of their score
AMBIGUOUS_TIE = 0.05  # two titles within this score of each other: ask which one
ONLY_CANDIDATE_MIN = 0.15  # a single weakly named role is still the goal of a pathway question

# ---------------------------------------------------------------- retrieval
FAQ_MIN = 0.72  # F1 of weighted word overlap with one of an FAQ entry's phrasings
FAQ_OVER_LIST = 0.9  # … and a question worded as a list of roles or certifications needs this close a phrasing to be the FAQ
FAQ_COMMON_SHARE = 0.05  # a word in more than this share of all FAQ phrasings is skipped ...
FAQ_COMMON_MIN = 50  # ... once there are enough phrasings for that to mean anything
FAQ_MAX_POSTING = 100  # ... and so is any word in more phrasings than this: the work per word stays bounded on a large FAQ
FAQ_FULL_RECALL = 0.99  # a message holding every word of a phrasing (of at least FAQ_FULL_WORDS words) ...
FAQ_FULL_WORDS = 3
FAQ_FULL_PRECISION = 0.35  # ... and not drowning it in other words, matches that phrasing
CLIPPED_SHARED = 4  # "combo" shares "comb" with combination: a job phrase's word clipped from its title's
FAQ_COVERED = 0.95  # a message none of whose telling words (two or more) are outside one entry's phrasings matches it
TOPIC_MIN = 1.2  # summed weight of distinctive words shared with a certification's text
TOPIC_CANDIDATES = 40  # certifications ranked in full for a "which cert covers X" question
TOPIC_CLOSE = 0.8  # certifications within this share of the best are shown with it
TOPIC_TIE = 0.95  # certifications whose texts fit a topic this alike (within 5%) are told apart by the pages of the roles that hold them
TRADE_TERM = 20_000  # a word rarer than this in English text is a trade's term ("shortages"), not everyday English ("last")
DUTY_LEAD = 0.5  # a topic only a role's duty says: its certification sharing the duty's words leads the next by this much (next < this x best)
TOPIC_UNKNOWN_CODE = 2.0  # an unknown code beside a topic this strong is not the subject (x TOPIC_MIN)
DISTINCTIVE = 1.0  # a word weighing this much (inverse document frequency) is distinctive
CONTENT_WORD = 0.8  # words lighter than this do not pull a role by its content
CONTENT_MAX_POSTING = 2000  # ... nor does a word in more passages than this, once another found some (bounds the work)
WHO_MIN = 3.0  # summed weight of distinctive words a described role's page must share
WHO_WEAK = 1.5  # a "who …" question may name a role this weakly matched when it clearly leads
WHO_LEAD = 2.0  # ... by this factor over every other role
DESCRIBED_STRONG = 1.5  # a role described without "who" needs WHO_MIN times this
DESCRIBED_MARGIN = 1.3  # ... and must beat every other role's page by this factor
GOAL_MIN = 2.0  # "certs for diversion stuff": the area's words a role's page must share to be the goal ...
GOAL_MARGIN = 1.5  # ... beating every other role's page by this factor ...
GOAL_SHARE = 0.5  # ... and holding this share of the weight of the question's distinctive words
DWELL_MARGIN = 2.0  # pages close on those words: the one dwelling on them (passages using them) by this factor wins

# ---------------------------------------------------------------- answerability
PAGE_NAME_MIN = 2  # passages of a role's page that must write a job phrase's odd word ("jail" in its overview and a step) for it to name that role
UNCOVERED_SHARE = 0.5  # the asked-about words the entity's own text lacks, as a share of their weight

# ---------------------------------------------------------------- the learned intent layer (cosine similarity)
LEARNED_MIN = 0.4  # a question this close to an example phrasing may take its intent ...
LEARNED_MARGIN = 0.1  # ... when no other intent's example is this close
CLAUSE_WORDS = 3  # a message's last clause this long is compared on its own too ("…, what do you do?"; not "…, any tips?")
PASTED_MIN = 6  # words told before the ask for them to be pasted text ("Key duties: … CPSCM a plus. Which role is this?")
FAQ_SIMILAR = 0.45  # an FAQ phrasing this close (and clearly the nearest) answers a question naming nothing
TAUGHT_MIN = 0.75  # a moderator-taught example this close decides the intent outright

# ---------------------------------------------------------------- sections of a role's page
SECTION_SPECIFIC = 6.0  # a passage matched this strongly names its section, whatever the wording
SECTION_WEAK = 1.5  # below this the best passage says nothing: overview
JOB_SUBJECT_REACH = 4  # "allergy shot compounding lead": a page's subject word this close before a job noun names the job
DUTY_SECTION_SHARE = 0.75  # "who builds …": a responsibility this close to the overview's best names the section
SECTION_GENERIC = 2.5  # "tell me about" wording keeps the overview unless a passage beats this
CLIPPED_MIN = 4  # letters a clipped word needs to name an entry ("prep" for Preparation)

# ---------------------------------------------------------------- tailoring a pathway
SETTING_WEIGHT = 0.3  # "at my hospital" says where, not what the member cares about
TITLE_WORD_WEIGHT = 0.5  # "pharmacist", "manager": the member's job title, weaker than their work
LIKED_WEIGHT = 1.5  # "honestly I like building the entries": what the member likes counts more than what they do
LIKED_SPAN = 8  # words after "I like" read as what is liked, within the clause
FIRST_FOR_WEIGHT = 1.0  # on top: a step whose "why" says it is the place to start for the member's kind ("for technicians")
FOCUS_MARGIN = 1.15  # the best certification must beat the next by this factor to be put first
BRIDGE_WEIGHT = 0.3  # words borrowed from the role's own text next to the member's words
KIN_MIN = 5  # a stem this long and its "-ation" form are one word in tailoring ("vaccin", "vaccinat")
CLIPPED_KIN_MIN = 5  # a member's stem this long that starts a step's word is that word, clipped ("chemo" for "chemotherapy") …
CLIPPED_KIN_MORE = 5  # … when the step's word is at least this much longer (not "short" for "shortage")
CLIPPED_UNUSED_MORE = 3  # … or this much, when neither a knowledge text nor English uses the member's stem itself ("anticoag" for "anticoagulation")
RELATED_WEIGHT = 0.4  # a word of the trade related to the member's ("schedules" -> "teams"), in tailoring
NAME_BONUS = 1.5  # a certification's own name words, said by the member

# ---------------------------------------------------------------- confidences of the answers
CONF_REFUSE_SURE = 0.95  # empty message, prompt injection
CONF_REFUSE = 0.9  # clinical, a request to write something, a thank-you, help
CLINICAL_LOAD_MIN = 2  # weight of clinical words (data/clinical.yaml) that makes a question not asked as a career one clinical
SALUTE_WORDS = 3  # content words a greeting may carry and stay a greeting ("good morning from the night shift")
CONF_MISSING_FACT = 0.85
CONF_UNKNOWN_CODE = 0.85
CONF_CODE_TYPO = 0.6  # one edit from a known code: too far to take as it
CONF_NEEDS_CONTEXT = 0.8
CONF_LIST = 0.85
CONF_LEARNED = 0.7  # decided by the nearest example phrasing
CONF_BESIDES = 0.8
CONF_AMBIGUOUS = 0.5
CONF_UNKNOWN_ROLE = 0.75
CONF_OFF_TOPIC = 0.7
CONF_OFF_TOPIC_SEEK = 0.6
CONF_CERT_CODE = 0.95  # a code written out
CONF_CERT_NAMED = 0.85  # a certification named by its name or an alias
CONF_CERT_SHARED = 0.8
CONF_TOPIC_BASE = 0.6  # a certification by topic: this, plus up to TOPIC_SPREAD for a clear lead
CONF_TOPIC_SPREAD = 0.35
CONF_PATHWAY_NAMED = 0.9
CONF_PATHWAY = 0.7
CONF_PATHWAY_FOR_ROLE = 0.8  # "certs for <role>"
CONF_PATHWAY_WEAK = 0.6
CONF_ROLE_CONTRAST = 0.8
CONF_RELAXED_FACTOR = 0.8  # a role answer for a partly named role
CONF_SECTION_NAMED = 0.9  # a section asked for by name, or a passage named in full
CONF_SECTION_STRONG = 0.8
CONF_SECTION_DEFAULT = 0.6
CONF_SECTION_MISSING = 0.5  # asked for a section the role's page does not have
CHOICE_LEAD = 1.2  # a role chosen by content among a few ("which of those …") must beat the next by this factor
CHOICE_REST = 0.25  # … counting its best passage whole and this share of its other passages (how much of the page is about it)
EVENING = 1080  # minutes after midnight: "which one is still at work in the evening" asks whose day ends latest
PUT_BACK_SHARE = 0.5  # a step goes after the others for a dislike when it is at least this much about it as the step most about it
DISLIKE_OVER_LIKE = 2.0  # a step put first for a like goes back when its text is this much more about a dislike told (weighted words) than about the like
TITLE_SAID_WHOLE = 3  # words of a run of a title's words that say the title itself, not a stray word of it ("wants respite care …" beside "care home tech")
