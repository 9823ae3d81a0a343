"""Users: the store and the signup rules."""
