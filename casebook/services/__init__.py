"""Writes to the casebook, one module per job: callers never save casebook models themselves."""
