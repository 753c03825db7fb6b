"""Career assistant for the Council on Pharmacy Standards' Discord.

The core (``bot.knowledge`` and ``bot.engine``) is plain Python with no Discord import; the CLI
(``bot.cli``) and the Discord adapter (``bot.discord_app``) are thin layers over it.
"""

__version__ = "0.1.0"
