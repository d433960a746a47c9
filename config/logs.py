"""Logging to standard error, where gunicorn (and systemd, and a container runtime) collect it."""

import logging
import sys


class StderrHandler(logging.StreamHandler):
    """Writes each record to sys.stderr as it is when the record comes, not as it was when
    logging was configured (a test's capture, or a stream a server swapped in)."""

    def __init__(self):
        super().__init__()

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass
