#!/usr/bin/env python3
"""Classroom 50 autograder for the neural-network katas.

Written into an assignment's bundle by `npm run classroom50`, beside `course/`,
the instructor's copy of the course without its reference solutions.
Classroom 50's runner starts it in the student's checkout, with
CLASSROOM50_BUNDLE_DIR naming the bundle. It copies the course to a
temporary folder, installs its dependencies there (unless the copy already
has node_modules), and grades the student's src/ files from that copy with
`npm run grade -- --submission`: nothing of the student's repository but
those files is read or run. The grader writes result.json and
release-body.md in the student's checkout, as Classroom 50 expects.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile


NODE_AT_LEAST = (20, 16)


def node_problem() -> str | None:
    """Why the runner's Node cannot grade, or None when it can."""
    try:
        version = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "node was not found: the runner needs Node 20.16 or newer (Node 24 is the LTS)"
    numbers = tuple(int(part) for part in version.lstrip("v").split(".")[:2])
    if numbers < NODE_AT_LEAST:
        return f"the runner's Node is {version}; the grader needs 20.16 or newer (Node 24 is the LTS)"
    return None


def main() -> int:
    problem = node_problem()
    if problem:
        print(f"autograder: {problem}", file=sys.stderr)
        return 1
    bundle = pathlib.Path(os.environ.get("CLASSROOM50_BUNDLE_DIR") or pathlib.Path(__file__).resolve().parent)
    student = pathlib.Path.cwd()
    work = pathlib.Path(tempfile.mkdtemp(prefix="nn-grading-"))
    try:
        course = work / "course"
        shutil.copytree(bundle / "course", course, symlinks=True)
        if not (course / "node_modules").exists():
            installed = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=course)
            if installed.returncode != 0:
                print(f"autograder: npm ci failed in the course copy (exit code {installed.returncode}): see its output above", file=sys.stderr)
                return 1
        grade = [
            "node", "--import", "tsx", "tools/grade/grade.ts",
            "--submission", str(student),
            "--out", str(work / "reports"),
            "--classroom50", str(student / "result.json"),
        ]
        return subprocess.run(grade, cwd=course).returncode
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
