"""Models of the collaboration app: added by its issue."""
