// hsim workshop page: loads the catalogue, builds a slider per lever, runs what-ifs against the
// baseline through the JSON API, draws the answer with the report's front end (window.hsimRender)
// and keeps the room's board up to date.
"use strict";

(function () {
  const texts = {
    en: {
      heading: "hsim workshop: what would the city achieve?", language: "Language", room: "Workshop room",
      "room-code": "Room code", group: "Group name", "open-room": "Open a new room", scenario: "City and policy",
      city: "City or teaching scenario", policy: "Policy", replicates: "Replicates", levers: "Change from the baseline",
      run: "Run", board: "Board of the room", running: "Running…", stored: "Answered from the store",
      done: "Done in", seconds: "s", "board-group": "Group", "board-city": "Scenario", "board-changes": "Changes",
      "board-housed": "Days stably housed, change (points)", "board-cost": "Cost per person-year, change (NOK)",
      "no-changes": "none", "room-opened": "Room opened: share the code", "own-policy": "the scenario's own", "board-csv": "Export the board (CSV)", "board-report": "Export the board (report.html)", lock: "lock for the room",
      of: "of", "replicates-done": "replicates done", queued: "runs ahead in the queue",
      "step-by-step": "reveal the teaching scenarios step by step", "reveal-next": "Reveal the next teaching scenario",
      "not-revealed": "not yet revealed", revealed: "Revealed to the room:", teaching: "teaching",
    },
    nb: {
      heading: "hsim-verksted: hva ville byen oppnå?", language: "Språk", room: "Verkstedrom", "room-code": "Romkode",
      group: "Gruppenavn", "open-room": "Åpne et nytt rom", scenario: "By og politikk", city: "By eller undervisningsscenario",
      policy: "Politikk", replicates: "Replikater", levers: "Endring fra grunnlaget", run: "Kjør",
      board: "Romtavle", running: "Kjører…", stored: "Svar fra lageret", done: "Ferdig på", seconds: "s",
      "board-group": "Gruppe", "board-city": "Scenario", "board-changes": "Endringer",
      "board-housed": "Dager i stabil bolig, endring (poeng)", "board-cost": "Kostnad per personår, endring (kr)",
      "no-changes": "ingen", "room-opened": "Rom åpnet: del koden", "own-policy": "scenarioets egen", "board-csv": "Eksporter tavla (CSV)", "board-report": "Eksporter tavla (report.html)", lock: "lås for rommet",
      of: "av", "replicates-done": "replikater ferdige", queued: "kjøringer foran i køen",
      "step-by-step": "vis undervisningsscenarioene steg for steg", "reveal-next": "Vis neste undervisningsscenario",
      "not-revealed": "ikke vist ennå", revealed: "Vist for rommet:", teaching: "undervisning",
    },
  };
  let language = "en";
  let catalogue = null;
  let boardTimer = null;
  let roomOpenedHere = "";  // the room this page opened: its teacher reveals the teaching scenarios
  let hiddenTeaching = [];   // teaching scenarios the room has not revealed yet, in catalogue order

  function text(key) { return (texts[language] && texts[language][key]) || texts.en[key] || key; }
  function byId(id) { return document.getElementById(id); }

  function applyLanguage() {
    document.documentElement.lang = language === "nb" ? "nb" : "en";
    document.querySelectorAll("[data-text]").forEach(function (element) {
      element.textContent = text(element.getAttribute("data-text"));
    });
    if (catalogue) buildLevers();
    refreshBoard();
  }

  function setStatus(message, isError) {
    const status = byId("status");
    status.textContent = message;
    status.className = isError ? "error" : "";
  }

  function api(method, path, body) {
    return fetch(path, {
      method: method, headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.error || ("HTTP " + response.status));
        return data;
      });
    });
  }

  function selectedScenario() {
    return catalogue.scenarios.find(function (s) { return s.name === byId("scenario").value; });
  }

  function buildLevers() {
    const holder = byId("levers");
    const kept = {};
    holder.querySelectorAll("input[type=range]").forEach(function (input) { kept[input.name] = input.value; });
    holder.querySelectorAll(".lever").forEach(function (element) { element.remove(); });
    const scenario = selectedScenario();
    catalogue.levers.forEach(function (lever, index) {
      const wrapper = document.createElement("div");
      wrapper.className = "lever";
      const label = document.createElement("label");
      label.htmlFor = "lever-" + index;
      const now = scenario && scenario.values ? scenario.values[lever.path] : undefined;
      label.textContent = lever.label[language] + (lever.unit ? " (" + lever.unit + ")" : "");
      const input = document.createElement("input");
      input.type = "range";
      input.id = "lever-" + index;
      input.name = lever.path;
      input.min = lever.min;
      input.max = lever.max;
      input.step = lever.step;
      input.value = kept[lever.path] !== undefined ? kept[lever.path] : 0;
      const value = document.createElement("span");
      value.className = "lever-value";
      const show = function () { value.textContent = (input.value > 0 ? "+" : "") + input.value; };
      input.addEventListener("input", show);
      show();
      const source = document.createElement("div");
      source.className = "lever-source";
      source.textContent = (now !== undefined ? "baseline: " + now + ". " : "") + (lever.source || "");
      wrapper.appendChild(label);
      wrapper.appendChild(input);
      wrapper.appendChild(value);
      wrapper.appendChild(source);
      const lockLabel = document.createElement("label");
      const lock = document.createElement("input");
      lock.type = "checkbox";
      lock.className = "lever-lock";
      lock.value = lever.path;
      lock.addEventListener("change", sendLocks);
      lockLabel.appendChild(lock);
      lockLabel.appendChild(document.createTextNode(" " + text("lock")));
      wrapper.appendChild(lockLabel);
      holder.appendChild(wrapper);
    });
  }

  function changes() {
    const result = {};
    byId("levers").querySelectorAll("input[type=range]").forEach(function (input) {
      const amount = Number(input.value);
      if (amount !== 0) result[input.name] = amount;
    });
    return result;
  }

  function showResult(result) {
    (window.hsimCharts || []).forEach(function (chart) { chart.destroy(); });
    if (window.hsimCharts) window.hsimCharts.length = 0;
    byId("figures").innerHTML = "";
    window.hsimRender(result.report);
  }

  function run(event) {
    event.preventDefault();
    const body = { scenario: byId("scenario").value, changes: changes(), replicates: Number(byId("replicates").value) };
    if (byId("policy").value) body.policy = byId("policy").value;
    const room = byId("room").value.trim().toUpperCase();
    if (room) { body.room = room; body.group = byId("group").value.trim() || "?"; }
    const started = performance.now();
    byId("run").disabled = true;
    setStatus(text("running"), false);
    const bar = byId("run-progress");
    bar.value = 0;
    bar.hidden = false;
    // While the run goes, the server's progress: replicates done of the run, or runs ahead in the queue.
    let polling = true;
    const poll = function () {
      if (!polling) return;
      api("GET", "/api/progress").then(function (progress) {
        if (!polling) return;
        if (progress.running && progress.scenario === body.scenario && progress.replicates > 0) {
          bar.value = progress.replicates_done / progress.replicates;
          setStatus(text("running") + " " + progress.replicates_done + " " + text("of") + " " + progress.replicates +
                    " " + text("replicates-done"), false);
        } else if (progress.waiting > 0) {
          setStatus(text("running") + " " + progress.waiting + " " + text("queued"), false);
        }
      }).catch(function () {}).finally(function () { if (polling) setTimeout(poll, 300); });
    };
    setTimeout(poll, 300);
    api("POST", "/api/whatif", body).then(function (result) {
      showResult(result);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      setStatus(result.from_store ? text("stored") : text("done") + " " + seconds + " " + text("seconds"), false);
      document.body.setAttribute("data-last-run", result.key);
      refreshBoard();
    }).catch(function (error) {
      setStatus(error.message, true);
    }).finally(function () {
      polling = false;
      bar.hidden = true;
      byId("run").disabled = false;
    });
  }

  // The teacher's locks: every checked lever is locked for the room's groups.
  function sendLocks() {
    const room = byId("room").value.trim().toUpperCase();
    if (!room) return;
    const levers = [];
    document.querySelectorAll(".lever-lock").forEach(function (box) { if (box.checked) levers.push(box.value); });
    api("POST", "/api/rooms/" + encodeURIComponent(room) + "/lock", { levers: levers }).then(refreshBoard)
      .catch(function (error) { setStatus(error.message, true); });
  }

  function showLocks(locked) {
    byId("levers").querySelectorAll("input[type=range]").forEach(function (input) {
      const isLocked = locked.indexOf(input.name) >= 0;
      if (isLocked && Number(input.value) !== 0) { input.value = 0; input.dispatchEvent(new Event("input")); }
      input.disabled = isLocked;
    });
    document.querySelectorAll(".lever-lock").forEach(function (box) { box.checked = locked.indexOf(box.value) >= 0; });
  }

  function signed(value, digits) { return (value > 0 ? "+" : "") + value.toFixed(digits); }

  function refreshBoard() {
    const room = byId("room").value.trim().toUpperCase();
    const head = byId("board").tHead;
    const body = byId("board").tBodies[0];
    const link = byId("board-csv");
    const report = byId("board-report");
    link.hidden = report.hidden = !room;
    if (!room) { head.innerHTML = ""; body.innerHTML = ""; return; }
    link.href = "/api/rooms/" + encodeURIComponent(room) + ".csv";
    report.href = "/api/rooms/" + encodeURIComponent(room) + "/report.html";
    api("GET", "/api/rooms/" + encodeURIComponent(room)).then(function (board) {
      showLocks(board.locked || []);
      showRevealed(board, room);
      head.innerHTML = "";
      const header = head.insertRow();
      ["board-group", "board-city", "board-changes", "board-housed", "board-cost"].forEach(function (key) {
        const cell = document.createElement("th");
        cell.textContent = text(key);
        header.appendChild(cell);
      });
      body.innerHTML = "";
      board.entries.forEach(function (entry) {
        const row = body.insertRow();
        row.insertCell().textContent = entry.group;
        row.insertCell().textContent = entry.request.scenario + " (" + entry.request.policy + ")";
        const moved = Object.keys(entry.request.changes).map(function (path) {
          return path.split(".").pop() + " " + signed(entry.request.changes[path], 1);
        });
        row.insertCell().textContent = moved.length ? moved.join(", ") : text("no-changes");
        const difference = function (metric, scale, digits) {
          const cells = entry.headline[metric] || {};
          const key = Object.keys(cells).find(function (k) { return k.indexOf("-") > 0; });
          if (!key) return "";
          const d = cells[key];
          return signed(scale * d.mean, digits) + " [" + signed(scale * d.low, digits) + ", " + signed(scale * d.high, digits) + "]";
        };
        row.insertCell().textContent = difference("stably_housed_days_share", 100, 1);
        row.insertCell().textContent = difference("cost_per_person_year_nok", 1, 0);
      });
    }).catch(function (error) { setStatus(error.message, true); });
  }

  // In a room opened step by step, teaching scenarios not yet revealed cannot be picked.
  function showRevealed(board, room) {
    if (!catalogue) return;
    const revealed = board.revealed || [];
    hiddenTeaching = [];
    Array.prototype.forEach.call(byId("scenario").options, function (option) {
      const entry = catalogue.scenarios.find(function (s) { return s.name === option.value; });
      const hidden = !!(entry && entry.teaching && board.step_by_step && revealed.indexOf(entry.name) < 0);
      if (hidden) hiddenTeaching.push(entry.name);
      option.disabled = hidden;
      option.textContent = option.value + (entry && entry.teaching ? " (" + text("teaching") + ")" : "") +
        (hidden ? " – " + text("not-revealed") : "");
    });
    const select = byId("scenario");
    if (select.selectedOptions.length && select.selectedOptions[0].disabled) {
      const open = Array.prototype.find.call(select.options, function (o) { return !o.disabled; });
      if (open) { select.value = open.value; buildLevers(); }
    }
    byId("reveal-next").hidden = !(board.step_by_step && roomOpenedHere === room && hiddenTeaching.length > 0);
  }

  function revealNext() {
    const room = byId("room").value.trim().toUpperCase();
    if (!room || hiddenTeaching.length === 0) return;
    api("POST", "/api/rooms/" + encodeURIComponent(room) + "/reveal", { scenario: hiddenTeaching[0] })
      .then(function (answer) {
        setStatus(text("revealed") + " " + answer.revealed.join(", "), false);
        refreshBoard();
      })
      .catch(function (error) { setStatus(error.message, true); });
  }

  function openRoom() {
    api("POST", "/api/rooms", { step_by_step: byId("step-by-step").checked }).then(function (room) {
      roomOpenedHere = room.code;
      byId("room").value = room.code;
      setStatus(text("room-opened") + " " + room.code, false);
      refreshBoard();
    }).catch(function (error) { setStatus(error.message, true); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    byId("language").addEventListener("change", function () { language = byId("language").value; applyLanguage(); });
    byId("controls").addEventListener("submit", run);
    byId("open-room").addEventListener("click", openRoom);
    byId("reveal-next").addEventListener("click", revealNext);
    byId("room").addEventListener("change", refreshBoard);
    api("GET", "/api/scenarios").then(function (data) {
      catalogue = data;
      const scenarioSelect = byId("scenario");
      data.scenarios.forEach(function (s) {
        const option = document.createElement("option");
        option.value = s.name;
        option.textContent = s.name + (s.teaching ? " (teaching)" : "");
        scenarioSelect.appendChild(option);
      });
      const policySelect = byId("policy");
      const own = document.createElement("option");
      own.value = "";
      own.setAttribute("data-text", "own-policy");
      policySelect.appendChild(own);
      data.policies.forEach(function (name) {
        const option = document.createElement("option");
        option.value = name;
        option.textContent = name;
        policySelect.appendChild(option);
      });
      scenarioSelect.addEventListener("change", buildLevers);
      applyLanguage();
      document.body.setAttribute("data-ready", "true");
    }).catch(function (error) { setStatus(error.message, true); });
    boardTimer = setInterval(refreshBoard, 3000);
  });
})();
