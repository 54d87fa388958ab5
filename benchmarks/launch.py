"""Start one command and report its own wall time, exit status and peak RSS on a file descriptor.

Run as `python -I -S launch.py FD ARGV...` by measure.run_once. Linux counts, in a child's peak RSS,
the memory of the process it was forked from, up to the moment it execs; a benchmark runner that
holds corpora in memory would give every command its size. This launcher is small when it forks,
so the figure it reports is the command's own. The timing starts after the launcher's own start-up.
"""

import json
import os
import sys
import time


def main() -> None:
    report_fd, argv = int(sys.argv[1]), sys.argv[2:]
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    report = {"seconds": seconds, "exit_code": os.waitstatus_to_exitcode(status), "maxrss_kib": usage.ru_maxrss}
    os.write(report_fd, json.dumps(report).encode())


if __name__ == "__main__":
    main()
