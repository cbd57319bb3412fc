"""Where each side's first calls go, read from a capture of the loopback traffic (bench/first-calls.sh, BENCH_SPLIT=1).

    python3 bench/peer/first_call_split.py OUT_DIR ROUNDS PORT_BASE

OUT_DIR holds round-N.md (the table bench/peer.sh printed) and wire-N.txt (`tcpdump -tt -A` of the Bolt port,
PORT_BASE + 1, and the two HTTP ports, PORT_BASE + 2 for the service and PORT_BASE + 3 for the peer). For each
question and side it prints the medians over the rounds of:

- the first call as the client timed it;
- on the socket: from the request's last packet to the response's last, the server's whole time;
- in Neo4j: for every statement the side sent while it answered (the service's change-log reads left out, being no
  part of any request), from the packet carrying the statement to the last packet of its answer on that connection,
  so planning, running and streaming the records;
- the rest on the server: on the socket less in Neo4j (HTTP, GraphQL, the translation or the peer library's, the
  driver).

The questions are asked one at a time, each side in turn, so a statement sent while one side's request is open is
that side's.
"""
import re
import statistics
import sys

HEADER = re.compile(r"^(\d+\.\d+) IP 127\.0\.0\.1\.(\d+) > 127\.0\.0\.1\.(\d+):.* length (\d+)")
CHANGE_LOG = (":Change)", ":ChangeLog")


def packets(path):
    """(time, source port, destination port, payload length, printed payload) of every packet of the capture."""
    found = []
    for line in open(path, errors="replace"):
        match = HEADER.match(line)
        if match:
            found.append([float(match[1]), int(match[2]), int(match[3]), int(match[4]), []])
        elif found:
            found[-1][4].append(line.rstrip("\n"))
    return [(t, src, dst, n, "".join(text)) for t, src, dst, n, text in found if n > 0]


def exchanges(wire, port):
    """Each request to the port and its response: [request's first packet, its last, response's last]."""
    pairs = []
    for t, src, dst, _, _ in wire:
        if dst == port:
            if not pairs or pairs[-1][2] is not None:
                pairs.append([t, t, None])
            else:
                pairs[-1][1] = t
        elif src == port and pairs:
            pairs[-1][2] = t
    return [p for p in pairs if p[2] is not None]


def in_neo4j(wire, bolt, start, end):
    """Milliseconds Neo4j spent on the statements sent between start and end, the change log's reads left out."""
    total = 0.0
    for i, (t, src, dst, _, text) in enumerate(wire):
        if dst != bolt or not start <= t <= end or ("MATCH" not in text and "RETURN" not in text):
            continue
        if any(label in text for label in CHANGE_LOG):
            continue
        last = None
        for t2, src2, dst2, _, _ in wire[i + 1:]:
            if src2 == bolt and dst2 == src:
                last = t2
            elif src2 == src and dst2 == bolt:
                break
        if last is not None:
            total += (last - t) * 1000
    return total


def first_calls(path):
    """The round's table: question -> (service's first call, peer's first call), in the order asked."""
    calls = {}
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[2].isdigit():
            calls[cells[0]] = (float(cells[2]), float(cells[3]))
    return calls


def main(out, rounds, base):
    bolt, ports = base + 1, {"service": base + 2, "peer": base + 3}
    rows = {}
    for r in range(1, rounds + 1):
        calls = first_calls(f"{out}/round-{r}.md")
        wire = packets(f"{out}/wire-{r}.txt")
        for side, port in ports.items():
            # the first calls are the last exchanges on each port (the service's own warm-up came before them)
            asked = exchanges(wire, port)[-len(calls):]
            for (question, times), (start, last_in, end) in zip(calls.items(), asked):
                socket = (end - last_in) * 1000
                neo4j = in_neo4j(wire, bolt, start, end)
                client = times[0] if side == "service" else times[1]
                rows.setdefault((question, side), []).append((client, socket, neo4j, socket - neo4j))
    print("| question | side | first call (ms) | on the socket | in Neo4j | the rest on the server |")
    print("|---|---|---|---|---|---|")
    questions = dict.fromkeys(question for question, _ in rows)  # in the order asked
    for question, side in ((q, s) for q in questions for s in ports):
        values = rows[(question, side)]
        medians = [statistics.median(v[i] for v in values) for i in range(4)]
        print(f"| {question} | {side} | " + " | ".join(f"{m:.0f}" for m in medians) + " |")
    print(f"\nmedians over {rounds} rounds; the client's own share is the first call less the time on the socket")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
