"""Models of the finance app: added by its issue."""
