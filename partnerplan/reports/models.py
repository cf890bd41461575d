"""Models of the reports app: added by its issue."""
