"""Models of the portfolio app: added by its issue."""
