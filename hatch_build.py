"""Build hook: compile newsfacts.core with mypyc when that can work.

- A regular install (`pip install .`, a wheel) compiles the extraction
  stages, about 1.8 times as fast with the same output.
- With no working C compiler (or without Python's headers) it says why in
  one line and installs the same code as pure Python.
- An editable install (`pip install -e .`, used for development) stays
  pure Python, so an edited module is the one that runs; set
  NEWSFACTS_COMPILE=1 to compile it anyway.
- NEWSFACTS_COMPILE=0 never compiles.
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile

from hatch_mypyc.plugin import MypycBuildHook


class CompileWhereACompilerIs(MypycBuildHook):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        choice = os.environ.get("NEWSFACTS_COMPILE", "")
        if choice == "0":
            reason: str | None = "NEWSFACTS_COMPILE=0"
        elif version == "editable" and choice != "1":
            reason = "an editable install (set NEWSFACTS_COMPILE=1 to compile it)"
        else:
            reason = _why_no_compiler()
        if reason is None:
            self.app.display_info("newsfacts: compiling newsfacts.core with mypyc")
            super().initialize(version, build_data)
            self._compiled = version != "editable"
            self._record(build_data, "compiled with mypyc")
            return
        line = f"newsfacts: installing newsfacts.core as pure Python, not compiled: {reason}"
        self.app.display_warning(line)
        _tell_the_terminal(line)
        self._record(build_data, f"pure Python: {reason}")

    def _record(self, build_data: dict, how: str) -> None:
        """Keep HOW in the installed metadata, for `newsfacts --version`."""
        handle, self._record_file = tempfile.mkstemp(prefix="newsfacts-build-", suffix=".txt")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(how + "\n")
        build_data.setdefault("extra_metadata", {})[self._record_file] = "newsfacts-build.txt"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        record = getattr(self, "_record_file", None)
        if record and os.path.exists(record):
            os.unlink(record)
        if getattr(self, "_compiled", False):
            # mypyc builds the modules beside their sources; once they are in
            # the wheel, take them away, or the editable install of the same
            # checkout would import them instead of the code being edited.
            self.clean([version])


def _tell_the_terminal(line: str) -> None:
    """pip shows a build's own output only with -v: say it on the terminal
    where there is one, and on standard error for build logs."""
    print(line, file=sys.stderr)
    try:
        with open("/dev/tty", "w", encoding="utf-8") as terminal:
            terminal.write(line + "\n")
    except OSError:
        pass


def _why_no_compiler() -> str | None:
    """None when a C extension can be built here, else the reason."""
    command = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    if not command or shutil.which(command[0]) is None:
        return f"no C compiler found ({' '.join(command) or 'CC is empty'} is not on PATH)"
    include = sysconfig.get_paths()["include"]
    if not os.path.exists(os.path.join(include, "Python.h")):
        return f"Python's C headers are not installed (no Python.h in {include})"
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "probe.c")
        with open(source, "w", encoding="ascii") as out:
            out.write("#include <Python.h>\nint probe(void) { return 0; }\n")
        try:
            result = subprocess.run([*command, f"-I{include}", "-c", source, "-o", os.path.join(folder, "probe.o")],
                                    capture_output=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"the C compiler {command[0]} does not run ({error})"
    if result.returncode != 0:
        return f"the C compiler {command[0]} cannot compile a test file (exit {result.returncode})"
    return None


def get_build_hook() -> type[CompileWhereACompilerIs]:
    # hatchling asks for this where a file imports another hook class.
    return CompileWhereACompilerIs
