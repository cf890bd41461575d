"""Models of the resources app: added by its issue."""
