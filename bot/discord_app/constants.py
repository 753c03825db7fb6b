"""Names and texts shared by the Discord layer: a leaf module (imports only discord.py)."""

from __future__ import annotations

import discord

NO_MENTIONS = discord.AllowedMentions.none()

APOLOGY = "Sorry, something went wrong on my side while answering that. Please try again in a moment."
NOT_MODERATOR = "Sorry, only moderators can do that (the /kb tools, answering questions passed on, saving FAQ entries)."
NOT_HERE = "Sorry, the /kb commands work only in the servers the bot is set up to moderate."
STALE_COMPONENT = "This button is no longer active. Run the command again for a fresh one."
STALE_FORM = "This form is no longer active (it expired or the bot restarted). Please open it again."
SLOW_DOWN = "Slow down a little, please: try again in {seconds}s."

# Refusals without an "Ask a moderator" button: no question at all, an instruction, a
# thank-you, a follow-up the member can finish themselves, and clinical advice (moderators
# are not the member's pharmacist either: the refusal already says whom to ask).
NOT_ESCALATED = frozenset({"empty", "injection", "thanks", "needs_context", "clinical"})

ANSWERS_COG = "Answers"  # the cog that posts answers and handles their buttons
KB_COG = "KnowledgeBase"  # the /kb moderator cog
ESCALATIONS_COG = "Escalations"  # "Ask a moderator": members' questions passed on, and the moderators' answers
ERROR_EVENT = "career_error"  # bot.dispatch(ERROR_EVENT, interaction, error, where): answered and logged once

EXTENSIONS = (
    "bot.discord_app.cogs.errors",
    "bot.discord_app.cogs.answers",
    "bot.discord_app.cogs.lookups",
    "bot.discord_app.cogs.kb",
    "bot.discord_app.cogs.escalations",
)
