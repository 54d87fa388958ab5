"""The child process of profile_compare.py: run `guarantees ARGS` in this process under cProfile; dump the stats.

Before the profiler starts it imports only what cProfile needs, so the profile sees the CLI import its own
modules (run it with `python -P`, so that this directory's modules cannot shadow any).

    python3 -P benchmarks/profile_child.py OUT -- compare art5 budapest
"""

import cProfile
import marshal
import sys
import time


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[2] != "--":
        raise SystemExit(__doc__.strip().splitlines()[-1].strip())
    output, sys.argv = sys.argv[1], ["guarantees", *sys.argv[3:]]
    profiler, exit_code = cProfile.Profile(), 0
    start = time.perf_counter()
    profiler.enable()
    try:
        # What the console script runs (its set-up of streams, plugins and the collector, then the typer app),
        # short of guarantees.entry.main's os._exit, which would end this process before the stats are dumped.
        from guarantees.entry import _run_app

        exit_code = _run_app()
    finally:
        profiler.disable()
    seconds = time.perf_counter() - start
    profiler.create_stats()
    files = ((getattr(module, "__file__", None), name) for name, module in list(sys.modules.items()))
    modules = {path: name for path, name in files if isinstance(path, str)}
    with open(output, "wb") as stream:
        marshal.dump((exit_code, seconds, profiler.stats, modules), stream)  # the format pstats itself uses
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
