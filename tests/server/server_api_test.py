#!/usr/bin/python3
"""Every endpoint of `hsim serve` and every error it gives, the store across a restart, and a load test
on loopback: 1,000 requests from 20 concurrent clients with no errors, latency percentiles printed.

    server_api_test.py HSIM_EXECUTABLE SCENARIO_FOLDER
"""
import concurrent.futures
import csv
import io
import socket
import threading
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_process import Server, fail  # noqa: E402

WHATIF = {"scenario": "bodo", "changes": {"teams.housing_first.fte_by_year": 2}, "replicates": 10, "seed": 3}


def expect_error(server, method, path, body, status, words, raw=None):
    code, answer = server.request(method, path, body, raw=raw)
    if code != status:
        fail("%s %s %r: HTTP %d, expected %d (%r)" % (method, path, body, code, status, answer))
    if not isinstance(answer, dict) or "error" not in answer:
        fail("%s %s: no JSON error message: %r" % (method, path, answer))
    for word in words:
        if word not in answer["error"]:
            fail("%s %s: error %r does not mention %r" % (method, path, answer["error"], word))


def check_endpoints(server):
    code, catalogue = server.request("GET", "/api/scenarios")
    names = [s["name"] for s in catalogue["scenarios"]]
    if code != 200 or not {"bergen", "bodo", "drammen", "sandnes"} <= set(names):
        fail("catalogue lacks the cities: %r" % names)
    if not any(s["teaching"] for s in catalogue["scenarios"]):
        fail("catalogue lacks the teaching scenarios")
    for lever in catalogue["levers"]:
        if not lever.get("unit") or not lever.get("source") or lever["min"] >= lever["max"]:
            fail("lever without unit, source or range: %r" % lever)

    code, first = server.request("POST", "/api/whatif", WHATIF)
    if code != 200 or first["from_store"]:
        fail("a new what-if: HTTP %d, from_store %r" % (code, first.get("from_store")))
    arms = first["report"]["table"]["columns"]
    if arms[:2] != ["baseline", "what-if"]:
        fail("report columns %r" % arms)
    housed = first["headline"]["stably_housed_days_share"]
    if not 0 <= housed["baseline"]["mean"] <= 1 or "what-if-baseline" not in housed:
        fail("headline %r" % housed)
    started = time.monotonic()
    code, again = server.request("POST", "/api/whatif", WHATIF)
    repeat_seconds = time.monotonic() - started
    if code != 200 or not again["from_store"] or again["key"] != first["key"] or again["report"] != first["report"]:
        fail("a repeated what-if was not answered from the store with the same result")
    print("stored what-if answered in %.1f ms" % (1000 * repeat_seconds))
    code, stored = server.request("GET", "/api/runs/" + first["key"])
    if code != 200 or stored["report"] != first["report"]:
        fail("GET /api/runs/KEY did not return the stored run")
    other = dict(WHATIF, seed=4)
    code, different = server.request("POST", "/api/whatif", other)
    if code != 200 or different["key"] == first["key"] or different["from_store"]:
        fail("another seed must be another run")

    code, room = server.request("POST", "/api/rooms", {})
    if code != 201 or len(room["code"]) != 5:
        fail("POST /api/rooms: %d %r" % (code, room))
    code, _ = server.request("POST", "/api/whatif", dict(WHATIF, room=room["code"], group="Group A"))
    code, board = server.request("GET", "/api/rooms/" + room["code"])
    if code != 200 or [e["group"] for e in board["entries"]] != ["Group A"] or board["entries"][0]["key"] != first["key"]:
        fail("the board does not show the group's run: %r" % board)

    with urllib.request.urlopen(server.base + "/api/rooms/" + room["code"] + ".csv", timeout=30) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode())))
    if len(rows) != 1 or rows[0]["group"] != "Group A" or rows[0]["changes"] != "teams.housing_first.fte_by_year +2.0":
        fail("board CSV: %r" % rows)
    if abs(float(rows[0]["stably_housed_days_share_difference"]) -
           first["headline"]["stably_housed_days_share"]["what-if-baseline"]["mean"]) > 1e-12:
        fail("board CSV difference is not the run's")
    expect_error(server, "GET", "/api/rooms/NOPE1.csv", None, 404, ["no room"])

    # The board as a report page: the run's paired difference (in points) embedded as the charts' data.
    with urllib.request.urlopen(server.base + "/api/rooms/" + room["code"] + "/report.html", timeout=30) as response:
        page = response.read().decode()
        kind = response.headers.get("Content-Type", "")
    if not kind.startswith("text/html") or "hsim workshop board, room " + room["code"] not in page:
        fail("board report.html: %r, %r" % (kind, page[:200]))
    data = json.loads(page.split('<script type="application/json" id="hsim-data">')[1].split("</script>")[0])
    housed = [f for f in data["forests"] if f["title"].startswith("Days stably housed")][0]
    expected = 100 * first["headline"]["stably_housed_days_share"]["what-if-baseline"]["mean"]
    if len(housed["rows"]) != 1 or "Group A" not in housed["rows"][0]["label"] or \
            abs(housed["rows"][0]["mean"] - expected) > 1e-9:
        fail("board report.html does not carry the run's difference: %r against %r" % (housed["rows"], expected))
    expect_error(server, "GET", "/api/rooms/NOPE1/report.html", None, 404, ["no room"])

    code, locked = server.request("POST", "/api/rooms/%s/lock" % room["code"],
                                  {"levers": ["teams.housing_first.fte_by_year"]})
    if code != 200 or locked["locked"] != ["teams.housing_first.fte_by_year"]:
        fail("locking a lever: %d %r" % (code, locked))
    expect_error(server, "POST", "/api/whatif", dict(WHATIF, room=room["code"], group="Group A"), 400,
                 ["teams.housing_first.fte_by_year", "locked"])
    code, board = server.request("GET", "/api/rooms/" + room["code"])
    if board["locked"] != ["teams.housing_first.fte_by_year"] or len(board["entries"]) != 1:
        fail("the board after a refused locked change: %r" % board)
    expect_error(server, "POST", "/api/rooms/%s/lock" % room["code"], {"levers": ["costs.team_fte_year"]}, 400,
                 ["not a workshop lever"])
    expect_error(server, "POST", "/api/rooms/%s/lock" % room["code"], {"lever": []}, 400, ["levers"])
    expect_error(server, "POST", "/api/rooms/NOPE1/lock", {"levers": []}, 404, ["no room"])

    check_step_by_step_room(server)

    expect_error(server, "POST", "/api/whatif", None, 400, ["JSON"], raw=b"{not json")
    expect_error(server, "POST", "/api/whatif", ["bodo"], 400, ["JSON object"])
    expect_error(server, "POST", "/api/whatif", {"changes": {}}, 400, ["scenario", "required"])
    expect_error(server, "POST", "/api/whatif", {"scenario": "../bodo"}, 400, ["no scenario called ../bodo"])
    expect_error(server, "POST", "/api/whatif", {"scenario": "bodo", "file": "/etc/passwd"}, 400, ["unknown key file"])
    expect_error(server, "POST", "/api/whatif", {"scenario": "bodo", "policy": "anarchy"}, 400, ["policy", "anarchy"])
    expect_error(server, "POST", "/api/whatif", {"scenario": "bodo", "replicates": 0}, 400, ["replicates", "1 to"])
    expect_error(server, "POST", "/api/whatif", {"scenario": "bodo", "replicates": 5000}, 400, ["replicates"])
    expect_error(server, "POST", "/api/whatif", {"scenario": "bodo", "seed": -1}, 400, ["seed"])
    expect_error(server, "POST", "/api/whatif", {"scenario": "bodo", "changes": {"costs.team_fte_year": 1}}, 400,
                 ["costs.team_fte_year", "not a workshop lever"])
    expect_error(server, "POST", "/api/whatif", {"scenario": "bodo", "changes": {"population.intake_by_year": "x"}},
                 400, ["expected a number"])
    expect_error(server, "POST", "/api/whatif", {"scenario": "bodo", "changes": {"population.intake_by_year": 99}},
                 400, ["expected a change from -10 to 30"])
    # A change inside the lever's range that the validator refuses gets the CLI's located message.
    expect_error(server, "POST", "/api/whatif", {"scenario": "bodo", "changes": {"population.intake_by_year": -10}},
                 400, ["population.intake_by_year.20", "expected a whole number from 0"])
    expect_error(server, "POST", "/api/whatif", dict(WHATIF, room="NOPE1", group="x"), 404, ["room"])
    code, room2 = server.request("POST", "/api/rooms", {})
    expect_error(server, "POST", "/api/whatif", dict(WHATIF, room=room2["code"], group=""), 400, ["group"])
    expect_error(server, "GET", "/api/rooms/NOPE1", None, 404, ["no room"])
    expect_error(server, "GET", "/api/runs/0123456789abcdef", None, 404, ["no stored run"])
    expect_error(server, "GET", "/api/nothing", None, 404, ["no such"])
    expect_error(server, "POST", "/api/whatif", None, 413, [], raw=b"{" + b" " * (70 * 1024) + b"}")
    return first["key"]


def check_step_by_step_room(server):
    """A room opened step by step refuses teaching scenarios until the teacher reveals them."""
    code, catalogue = server.request("GET", "/api/scenarios")
    teaching = [s["name"] for s in catalogue["scenarios"] if s["teaching"]]
    city = [s["name"] for s in catalogue["scenarios"] if not s["teaching"]][0]
    if len(teaching) < 2:
        fail("expected at least two teaching scenarios: %r" % teaching)
    code, room = server.request("POST", "/api/rooms", {"step_by_step": True})
    if code != 201 or not room["step_by_step"]:
        fail("POST /api/rooms step by step: %d %r" % (code, room))
    run = {"scenario": teaching[0], "replicates": 2, "room": room["code"], "group": "G"}
    expect_error(server, "POST", "/api/whatif", run, 400, [teaching[0], "not yet revealed", room["code"]])
    expect_error(server, "POST", "/api/rooms/%s/reveal" % room["code"], {"scenario": city}, 400,
                 ["not a teaching scenario"])
    expect_error(server, "POST", "/api/rooms/%s/reveal" % room["code"], {"name": teaching[0]}, 400, ["scenario"])
    expect_error(server, "POST", "/api/rooms/NOPE1/reveal", {"scenario": teaching[0]}, 404, ["no room"])
    expect_error(server, "POST", "/api/rooms", {"step_by_step": "yes"}, 400, ["step_by_step"])
    code, revealed = server.request("POST", "/api/rooms/%s/reveal" % room["code"], {"scenario": teaching[0]})
    if code != 200 or revealed["revealed"] != [teaching[0]]:
        fail("revealing %s: %d %r" % (teaching[0], code, revealed))
    code, answer = server.request("POST", "/api/whatif", run)
    if code != 200:
        fail("a revealed teaching scenario was refused: %d %r" % (code, answer))
    expect_error(server, "POST", "/api/whatif", dict(run, scenario=teaching[1]), 400, ["not yet revealed"])
    code, board = server.request("GET", "/api/rooms/" + room["code"])
    if not board["step_by_step"] or board["revealed"] != [teaching[0]] or len(board["entries"]) != 1:
        fail("the step-by-step board: %r" % board)
    # An ordinary room offers every teaching scenario at once.
    code, plain = server.request("POST", "/api/rooms", {})
    code, answer = server.request("POST", "/api/whatif", dict(run, room=plain["code"], scenario=teaching[1]))
    if code != 200:
        fail("an ordinary room refused a teaching scenario: %d %r" % (code, answer))


def load_test(server, key):
    requests = [("GET", "/api/scenarios", None), ("GET", "/api/runs/" + key, None), ("POST", "/api/whatif", WHATIF)]
    latencies = []
    errors = []

    def one(index):
        method, path, body = requests[index % len(requests)]
        started = time.monotonic()
        code, _ = server.request(method, path, body, timeout=30)
        return code, time.monotonic() - started

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        for code, seconds in pool.map(one, range(1000)):
            latencies.append(seconds)
            if code != 200:
                errors.append(code)
    elapsed = time.monotonic() - started
    latencies.sort()
    print("load test: 1000 requests, 20 clients, %.2f s, %d errors; latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f" %
          (elapsed, len(errors), 1000 * latencies[500], 1000 * latencies[900], 1000 * latencies[990],
           1000 * latencies[-1]))
    if errors:
        fail("load test errors: %r" % errors[:10])


def check_run_cap_and_progress(hsim, scenarios, store):
    """A run past --max-run-seconds is stopped and refused with 503, nothing stored; /api/progress shows
    the run while it goes and nothing before or after."""
    with Server(hsim, scenarios, store, ["--max-run-seconds", "0.5"]) as server:
        code, idle = server.request("GET", "/api/progress")
        if code != 200 or idle["running"] or idle["max_run_seconds"] != 0.5:
            fail("progress of an idle server: HTTP %d %r" % (code, idle))
        long_run = {"scenario": "bergen", "replicates": 1000, "seed": 9}
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(server.request, "POST", "/api/whatif", long_run)
            seen = None
            for _ in range(200):  # at most about 4 s of polling
                code, progress = server.request("GET", "/api/progress")
                if code == 200 and progress["running"]:
                    seen = progress
                    break
                time.sleep(0.02)
            code, answer = future.result(timeout=60)
        if seen is None:
            fail("/api/progress never showed the run")
        if seen["scenario"] != "bergen" or seen["replicates"] != 1000 or not 0 <= seen["replicates_done"] < 1000:
            fail("progress during the run: %r" % seen)
        if code != 503 or "--max-run-seconds" not in answer.get("error", ""):
            fail("a run past the cap: HTTP %d %r, expected 503 naming --max-run-seconds" % (code, answer))
        code, after = server.request("GET", "/api/progress")
        if after["running"]:
            fail("progress still shows a run after it was stopped: %r" % after)
        # A run inside the cap still answers, and the stopped one left nothing in the store.
        code, small = server.request("POST", "/api/whatif", dict(WHATIF, replicates=2))
        if code != 200:
            fail("a small run after a stopped one: HTTP %d %r" % (code, small))

        # A client that trickles a request byte by byte holds a connection open; a stop still ends the
        # server within its 10 s grace, with the signal's exit code.
        host, port = server.base.split("//")[1].split(":")
        trickle = socket.create_connection((host, int(port)), timeout=5)
        trickle.sendall(b"GET /api/scenarios HTTP/1.1\r\nHost: x\r\n")
        stop_trickle = threading.Event()

        def keep_trickling():
            while not stop_trickle.wait(0.5):
                try:
                    trickle.sendall(b"X")
                except OSError:
                    return
        trickler = threading.Thread(target=keep_trickling)
        trickler.start()
        started = time.monotonic()
        try:
            code = server.stop()
        finally:
            stop_trickle.set()
            trickler.join()
            trickle.close()
        if code != 143 or time.monotonic() - started > 20:
            fail("stopping with a trickling client: exit %r after %.1f s" % (code, time.monotonic() - started))
        print("stopped with a trickling client open: exit %d after %.1f s" % (code, time.monotonic() - started))
    with sqlite3.connect(store) as database:
        if database.execute("SELECT COUNT(*) FROM runs").fetchone()[0] != 1:
            fail("the stopped run was stored")


def check_baseline_reuse(hsim, scenarios, scratch):
    """A slider moved on the same scenario, seed and replicates reuses the last run's baseline arm, and the
    answer is the one a server that simulates both arms gives."""
    moved = dict(WHATIF, changes={"teams.housing_first.fte_by_year": 1})
    with Server(hsim, scenarios, os.path.join(scratch, "reuse.sqlite")) as server:
        code, first = server.request("POST", "/api/whatif", WHATIF)
        if code != 200 or first["baseline_reused"]:
            fail("the first what-if cannot reuse a baseline: HTTP %d %r" % (code, first.get("baseline_reused")))
        code, reused = server.request("POST", "/api/whatif", moved)
        if code != 200 or not reused["baseline_reused"] or reused["from_store"]:
            fail("a moved slider did not reuse the baseline: HTTP %d %r" % (code, reused.get("baseline_reused")))
        code, other_seed = server.request("POST", "/api/whatif", dict(moved, seed=5))
        if code != 200 or other_seed["baseline_reused"]:
            fail("another seed reused the baseline of seed %d" % WHATIF["seed"])
    with Server(hsim, scenarios, os.path.join(scratch, "fresh.sqlite")) as server:
        code, fresh = server.request("POST", "/api/whatif", moved)
        if code != 200 or fresh["baseline_reused"] or fresh["from_store"]:
            fail("a fresh server: HTTP %d %r" % (code, fresh))
    if reused["report"] != fresh["report"] or reused["headline"] != fresh["headline"] or reused["key"] != fresh["key"]:
        fail("the answer with a reused baseline differs from the one with both arms simulated")
    print("a moved slider reused the baseline arm and gave the answer of a full run")


def main():
    hsim, scenarios = sys.argv[1:3]
    scratch = tempfile.mkdtemp(prefix="hsim-serve-test-")
    try:
        store = os.path.join(scratch, "runs.sqlite")
        with Server(hsim, scenarios, store) as server:
            key = check_endpoints(server)
            load_test(server, key)
            if server.stop() != 143:
                fail("SIGTERM should end hsim serve with 143, got %r" % server.process.returncode)
        with sqlite3.connect(store) as database:
            rows = database.execute("SELECT COUNT(*) FROM runs").fetchone()[0]
            if rows != 4 or database.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                fail("the store holds %d runs (expected 4: two what-ifs, two teaching runs) or is not in WAL mode" % rows)
        with Server(hsim, scenarios, store) as server:
            code, answer = server.request("POST", "/api/whatif", WHATIF)
            if code != 200 or not answer["from_store"]:
                fail("after a restart the run was not served from the store")
        # Outside loopback the server warns that it is open to the network.
        with Server(hsim, scenarios, os.path.join(scratch, "other.sqlite"), ["--host", "0.0.0.0"]) as server:
            server.stop()
            if "warning" not in server.process.stderr.read():
                fail("no warning when listening beyond loopback")
        check_run_cap_and_progress(hsim, scenarios, os.path.join(scratch, "capped.sqlite"))
        check_baseline_reuse(hsim, scenarios, scratch)
        print("ok")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
