"""Framework-free governance rules: bank holidays, clear-days notice, iCalendar feeds and
governance diagrams. Nothing here imports Django; see docs/governance-rules.md."""
