"""What a program wrote to a pseudo-terminal, for the tests that give it one
(pty.openpty handed to subprocess, which forks and execs in C: safe beside
pytest's threads, where pty.fork's child could hang on a lock)."""
from __future__ import annotations

import os


def read_all(controller: int) -> bytes:
    """Everything written to the terminal whose controlling side is
    CONTROLLER, until the program closes it; CONTROLLER is closed after."""
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    return shown
