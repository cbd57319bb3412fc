"""The first calls of bench/first-calls.sh, pooled over rounds and runs.

    python3 bench/peer/first_call_medians.py FILE [FILE ...]

Each FILE is a round's table (target/bench-first-calls/round-N.md) or a saved output of bench/first-calls.sh, whose
rounds' tables it reads the same way; several saved outputs pool their rounds. For each question it prints the
median first call of each side, their ratio, a 95 % interval for that ratio (the rounds resampled 5,000 times with a
fixed seed, so a rerun prints the same), and in how many rounds the service was no slower. A ratio whose interval
holds 1.0 is one the rounds cannot tell from the peer's.
"""
import random
import statistics
import sys


def rounds(paths):
    """question -> [(service ms, peer ms), ...]: every row of a round's table (seven cells, the third a number)."""
    calls = {}
    for path in paths:
        for line in open(path):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 7 and cells[2].isdigit():
                calls.setdefault(cells[0], []).append((float(cells[2]), float(cells[3])))
    return calls


def ratio(pairs):
    return statistics.median(p[0] for p in pairs) / statistics.median(p[1] for p in pairs)


def interval(pairs, resamples=5000):
    draw = random.Random(17)
    ratios = sorted(ratio([draw.choice(pairs) for _ in pairs]) for _ in range(resamples))
    return ratios[int(resamples * 0.025)], ratios[int(resamples * 0.975) - 1]


def main(paths):
    calls = rounds(paths)
    print("| question | service median (ms) | peer median (ms) | service / peer | 95 % interval "
          "| rounds the service was no slower |")
    print("|---|---|---|---|---|---|")
    faster = 0
    for question, pairs in calls.items():
        service = statistics.median(p[0] for p in pairs)
        peer = statistics.median(p[1] for p in pairs)
        low, high = interval(pairs)
        wins = sum(1 for s, p in pairs if s <= p)
        faster += service <= peer
        print(f"| {question} | {service:g} | {peer:g} | {service / peer:.2f} | {low:.2f} to {high:.2f} "
              f"| {wins} of {len(pairs)} |")
    print(f"\nthe service's median first call no slower than the peer's on {faster} of {len(calls)} questions")


if __name__ == "__main__":
    main(sys.argv[1:])
