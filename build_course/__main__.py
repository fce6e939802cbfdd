"""``python -m build_course`` and the ``build-course`` command.

The command line's modules load MkDocs and much else: Ctrl-C while they
load is caught here, where nothing heavy is imported yet.
"""

import sys


def run() -> None:
    try:
        from build_course.cli import run as command
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(1)
    command()


if __name__ == "__main__":
    run()
