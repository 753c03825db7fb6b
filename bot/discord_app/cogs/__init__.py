"""One cog per area: free questions (answers), entity lookups, moderator /kb commands."""
