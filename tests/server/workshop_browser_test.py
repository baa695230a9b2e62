#!/usr/bin/python3
"""The workshop page in Debian's Chromium (headless, chromium-driver, python3-selenium): a teacher's
browser opens a room, moves a slider with the keyboard, runs and sees the charts change; a second browser
(its own profile) joins the room, runs, and both boards show both groups. Screenshots are saved.

    workshop_browser_test.py HSIM_EXECUTABLE SCENARIO_FOLDER SCREENSHOT_PREFIX
"""
import os
import shutil
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_process import Server, fail  # noqa: E402


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1600,2400", "--user-data-dir=" + profile]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    return driver


def open_page(driver, base):
    driver.get(base + "/")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))


def chart_data(driver):
    return driver.execute_script("""
        return (window.hsimCharts || []).map(function (chart) {
          return chart.data.datasets.map(function (set) { return JSON.stringify(set.data); }).join('|');
        });""")


def run_and_wait(driver, previous_key):
    driver.find_element(By.ID, "run").click()
    WebDriverWait(driver, 120).until(lambda d: d.execute_script(
        "return document.body.dataset.lastRun !== undefined && document.body.dataset.lastRun !== arguments[0]"
        " && !document.getElementById('run').disabled", previous_key or ""))
    status = driver.find_element(By.ID, "status")
    if "error" in (status.get_attribute("class") or ""):
        fail("the run failed: " + status.text)
    charts = chart_data(driver)
    if len(charts) < 4 or any(len(c) < 10 for c in charts):
        fail("the page drew %d charts, some empty" % len(charts))
    return driver.execute_script("return document.body.dataset.lastRun"), charts


def board_groups(driver):
    # Read in one script: the page rebuilds the board every 3 s, so rows found one call earlier may be gone.
    return driver.execute_script("""
        return Array.prototype.map.call(document.querySelectorAll('#board tbody tr'),
                                        function (row) { return row.cells.length ? row.cells[0].textContent : ''; });""")


def main():
    hsim, scenarios, prefix = sys.argv[1:4]
    scratch = tempfile.mkdtemp(prefix="hsim-workshop-test-")
    teacher = group = None
    try:
        with Server(hsim, scenarios, os.path.join(scratch, "runs.sqlite")) as server:
            teacher = browser(os.path.join(scratch, "teacher"))
            group = browser(os.path.join(scratch, "group"))
            open_page(teacher, server.base)
            Select(teacher.find_element(By.ID, "scenario")).select_by_value("bodo")
            teacher.find_element(By.ID, "open-room").click()
            WebDriverWait(teacher, 20).until(lambda d: len(d.find_element(By.ID, "room").get_attribute("value")) == 5)
            code = teacher.find_element(By.ID, "room").get_attribute("value")
            teacher.find_element(By.ID, "group").send_keys("Teacher")
            replicates = teacher.find_element(By.ID, "replicates")
            replicates.clear()
            replicates.send_keys("20")
            key, baseline_charts = run_and_wait(teacher, None)

            # Four steps of half a team member with the keyboard, then run again: the charts change.
            slider = teacher.find_element(By.ID, "lever-0")
            for _ in range(4):
                slider.send_keys(Keys.ARROW_RIGHT)
            if slider.get_attribute("value") != "2":
                fail("the arrow keys moved the team slider to %s, expected 2" % slider.get_attribute("value"))
            key, changed_charts = run_and_wait(teacher, key)
            if changed_charts == baseline_charts:
                fail("moving the slider did not change the charts")
            teacher.save_screenshot(prefix + "-teacher.png")

            open_page(group, server.base)
            Select(group.find_element(By.ID, "scenario")).select_by_value("bodo")
            room = group.find_element(By.ID, "room")
            room.send_keys(code)
            group.find_element(By.ID, "group").send_keys("Group B")
            replicates = group.find_element(By.ID, "replicates")
            replicates.clear()
            replicates.send_keys("20")
            group.find_element(By.ID, "lever-1").send_keys(Keys.ARROW_RIGHT)
            run_and_wait(group, None)
            WebDriverWait(group, 20).until(lambda d: board_groups(d) == ["Teacher", "Teacher", "Group B"])
            WebDriverWait(teacher, 20).until(lambda d: board_groups(d) == ["Teacher", "Teacher", "Group B"])
            teacher.save_screenshot(prefix + "-board.png")

            # The board exported as report.html opens from disk with a forest plot per headline metric,
            # each with the three runs.
            board_file = os.path.join(scratch, "board.html")
            with urllib.request.urlopen(server.base + "/api/rooms/" + code + "/report.html", timeout=30) as answer:
                with open(board_file, "wb") as out:
                    out.write(answer.read())
            board_page = browser(os.path.join(scratch, "board-report"))
            try:
                board_page.get("file://" + board_file)
                WebDriverWait(board_page, 30).until(lambda d: d.execute_script(
                    "return window.hsimCharts !== undefined && window.hsimCharts.length >= 4"))
                points = board_page.execute_script(
                    "return window.hsimCharts.map(function (c) { return c.data.datasets[1].data.length; })")
                if points != [3, 3, 3, 3]:
                    fail("the board report's forest plots hold %r runs, expected 3 each" % points)
                board_page.save_screenshot(prefix + "-board-report.png")
            finally:
                board_page.quit()

            # The teacher locks the team lever: the group's slider is disabled within a board refresh.
            teacher.find_elements(By.CSS_SELECTOR, ".lever-lock")[0].click()
            WebDriverWait(group, 20).until(lambda d: not d.find_element(By.ID, "lever-0").is_enabled())

            Select(group.find_element(By.ID, "language")).select_by_value("nb")
            heading = group.find_element(By.TAG_NAME, "h1").text
            if "verksted" not in heading:
                fail("switching to bokmål left the heading as %r" % heading)
            group.save_screenshot(prefix + "-group-nb.png")

            # A longer run shows the server's progress: replicates done, on the status line and the bar.
            Select(teacher.find_element(By.ID, "scenario")).select_by_value("bergen")
            replicates = teacher.find_element(By.ID, "replicates")
            replicates.clear()
            replicates.send_keys("200")
            teacher.find_element(By.ID, "run").click()
            seen = False
            for _ in range(600):  # at most about 60 s
                status = teacher.find_element(By.ID, "status").text
                if "replicates done" in status:
                    seen = True
                    break
                if not teacher.find_element(By.ID, "run").is_enabled() or "Running" in status:
                    time.sleep(0.1)
                    continue
                break
            if not seen:
                fail("no progress shown during a 200-replicate Bergen run (status %r)" % status)
            WebDriverWait(teacher, 180).until(lambda d: d.find_element(By.ID, "run").is_enabled())
            # Step by step: in a new room the teaching scenarios cannot be picked until the teacher reveals
            # them, one press of the button at a time.
            teacher.find_element(By.ID, "step-by-step").click()
            teacher.find_element(By.ID, "open-room").click()
            WebDriverWait(teacher, 20).until(lambda d: d.find_element(By.ID, "room").get_attribute("value") != code)
            teaching = lambda d: [o for o in d.find_elements(By.CSS_SELECTOR, "#scenario option")
                                  if "(teaching)" in o.text]
            WebDriverWait(teacher, 20).until(lambda d: teaching(d) and not any(o.is_enabled() for o in teaching(d)))
            reveal = teacher.find_element(By.ID, "reveal-next")
            if not reveal.is_displayed():
                fail("the teacher of a step-by-step room has no reveal button")
            reveal.click()
            WebDriverWait(teacher, 20).until(lambda d: [o.is_enabled() for o in teaching(d)][:2] == [True, False])
            teacher.save_screenshot(prefix + "-step-by-step.png")

            for driver in (teacher, group):
                errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
                if errors:
                    fail("console errors: %r" % errors)
            print("screenshots: %s-teacher.png %s-board.png %s-board-report.png %s-group-nb.png %s-step-by-step.png"
                  % ((prefix,) * 5))
    finally:
        for driver in (teacher, group):
            if driver:
                driver.quit()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
