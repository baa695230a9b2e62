#!/usr/bin/python3
"""Opens a report.html hsim wrote in Debian's Chromium, headless and with the network off, and checks
that every chart rendered with data points and that the page logged no errors; saves a screenshot.

    report_browser_test.py HSIM_EXECUTABLE SCENARIO SCREENSHOT_PNG
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def open_report(driver, path):
    driver.get("file://" + path)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(
        "return window.hsimCharts !== undefined && window.hsimCharts.length > 0"))
    return driver.execute_script("""
        return window.hsimCharts.map(function (chart) {
          var points = 0;
          chart.data.datasets.forEach(function (set) {
            set.data.forEach(function (value) {
              if (value !== null && value !== undefined) points += 1;
            });
          });
          return {type: chart.config.type, points: points, width: chart.width, height: chart.height,
                  title: chart.canvas.parentNode.parentNode.querySelector('h2').textContent};
        });""")


def check_charts(driver, charts, expected):
    for word in expected:
        if not any(word.lower() in chart["title"].lower() for chart in charts):
            fail("no chart titled with '%s'" % word)
    canvases = driver.execute_script("return document.querySelectorAll('canvas').length")
    if len(charts) != canvases:
        fail("%d canvases but %d charts" % (canvases, len(charts)))
    for chart in charts:
        if chart["points"] == 0:
            fail("chart '%s' has no data points" % chart["title"])
        if chart["width"] <= 0 or chart["height"] <= 0:
            fail("chart '%s' has no size" % chart["title"])
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    if errors:
        fail("console errors: %s" % errors)


def main():
    hsim, scenario, screenshot = sys.argv[1:4]
    scratch = tempfile.mkdtemp(prefix="hsim-report-test-")
    try:
        folder = os.path.join(scratch, "run")
        # A what-if with an acceptability curve, so that every kind of chart is drawn.
        subprocess.run([hsim, "whatif", scenario, "--add", "teams.housing_first.fte_by_year=2", "--policy",
                        "housing_first", "--reps", "8", "--seed", "2", "--wtp", "0", "--wtp", "2000", "--out",
                        folder], check=True, stdout=subprocess.DEVNULL, timeout=120)
        report = os.path.join(folder, "report.html")
        if not os.path.exists(report):
            fail("hsim whatif wrote no report.html")

        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1400,6000", "--proxy-server=http://127.0.0.1:9",
                         "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + os.path.join(scratch, "profile")]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.set_page_load_timeout(60)
            charts = open_report(driver, report)
            print(json.dumps(charts, indent=1))
            check_charts(driver, charts, ["over time", "Kaplan-Meier", "housing", "cost by payer", "payer and year",
                                          "acceptability"])
            rows = driver.execute_script("return document.querySelectorAll('table tbody tr').length")
            if rows < 5:
                fail("the main table has %d rows" % rows)
            driver.save_screenshot(screenshot)
            print("screenshot: " + screenshot)

            # A fit report: observed against simulated for the share targets.
            fit_report = os.path.join(scratch, "fit.html")
            fit = subprocess.run([hsim, "fit", "drammen", "--reps", "3", "--report", fit_report],
                                 stdout=subprocess.DEVNULL, timeout=120)
            if fit.returncode not in (0, 3) or not os.path.exists(fit_report):
                fail("hsim fit --report wrote no report (exit %d)" % fit.returncode)
            fit_charts = open_report(driver, fit_report)
            check_charts(driver, fit_charts, ["observation against simulation"])
            driver.save_screenshot(screenshot.replace(".png", "-fit.png"))

            # A sensitivity report: Sobol' indices with their intervals.
            root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
            sobol = os.path.join(scratch, "sobol")
            subprocess.run([hsim, "sensitivity", os.path.join(root, "scenarios", "sensitivity", "ishigami.yaml"),
                            "--method", "sobol", "--quiet", "--out", sobol], check=True, stdout=subprocess.DEVNULL,
                           timeout=120)
            sobol_charts = open_report(driver, os.path.join(sobol, "report.html"))
            check_charts(driver, sobol_charts, [":"])
            driver.save_screenshot(screenshot.replace(".png", "-sobol.png"))

            # A sweep report: each metric against each parameter, one series per policy.
            sweep = os.path.join(scratch, "sweep")
            subprocess.run([hsim, "sweep", os.path.join(root, "tests", "analysis", "specs", "sweep_small.yaml"),
                            "--quiet", "--out", sweep], check=True, stdout=subprocess.DEVNULL, timeout=120)
            sweep_charts = open_report(driver, os.path.join(sweep, "report.html"))
            check_charts(driver, sweep_charts, ["y against x1", "y against x2", "y against x3"])
            if len(sweep_charts) != 3:
                fail("the sweep report has %d charts, expected one per parameter (3)" % len(sweep_charts))

            # A goal report: the share meeting the target at each lever value, with the answer.
            goal_report = os.path.join(scratch, "goal.html")
            goal = subprocess.run([hsim, "goal", scenario, "--lever", "housing.municipal_vacancies_per_year",
                                   "--from", "6", "--to", "60", "--target", "ever_housed_share>=0.9", "--reps", "6",
                                   "--grid", "4", "--bisections", "2", "--report", goal_report],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
            if goal.returncode not in (0, 3) or not os.path.exists(goal_report):
                fail("hsim goal --report wrote no report (exit %d)" % goal.returncode)
            goal_charts = open_report(driver, goal_report)
            check_charts(driver, goal_charts, ["meeting the target"])
            goal_rows = driver.execute_script("return document.querySelectorAll('table tbody tr').length")
            if goal_rows < 4:
                fail("the goal report's table has %d rows, expected one per lever value evaluated (at least 4)"
                     % goal_rows)
            driver.save_screenshot(screenshot.replace(".png", "-goal.png"))
        finally:
            driver.quit()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
