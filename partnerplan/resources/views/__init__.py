"""Pages for the pool, demand, capacity, planner runs, scenarios and task networks. Each view:
read the form, call one service, redirect (`core.pages.form_page`). Every page needs sign-in (the
pool's cost rates and availability are internal to the partnership)."""
