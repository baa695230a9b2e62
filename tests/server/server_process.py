"""Starts `hsim serve` on a free loopback port for a test and stops it with SIGTERM afterwards."""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


class Server:
    def __init__(self, hsim, scenarios, store, extra=()):
        self.process = subprocess.Popen([hsim, "serve", "--port", "0", "--scenarios", scenarios, "--store", store,
                                         "--threads", "2", *extra],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if "listening on" not in line:
            fail("hsim serve did not start: %r %s" % (line, self.process.stderr.read()))
        self.base = line.split("listening on ")[1].strip().rstrip("/")

    def request(self, method, path, body=None, raw=None, timeout=60):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else b"")
        request = urllib.request.Request(self.base + path, data=data if method == "POST" else None, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                fail("hsim serve did not stop within 30 s of SIGTERM")
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *unused):
        self.stop()
