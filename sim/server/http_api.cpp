#include "sim/server/http_api.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <httplib.h>
#include <iostream>
#include <sys/socket.h>
#include <thread>

#include "sim/server/board_export.hpp"
#include "sim/server/server_assets.hpp"

namespace hsim::server {

namespace {

using nlohmann::json;

void send_json(httplib::Response& response, int status, const std::string& body) {
  response.status = status;
  response.set_content(body, "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, int status, const std::string& message) {
  send_json(response, status, json{{"error", message}}.dump());
}

struct RoomPost {
  WhatIfRequest request;
  std::string room;
  std::string group;
};

// The what-if body, with the optional room code and group name the board needs taken out first.
RoomPost parse_room_post(const std::string& body, const ServiceLimits& limits) {
  RoomPost post;
  json parsed = json::parse(body, nullptr, false);
  if (parsed.is_object()) {
    for (const char* key : {"room", "group"}) {
      if (!parsed.contains(key)) continue;
      if (!parsed[key].is_string()) throw BadRequest(std::string(key) + ": expected a string");
      (std::string(key) == "room" ? post.room : post.group) = parsed[key].get<std::string>();
      parsed.erase(key);
    }
    post.request = parse_whatif_request(parsed.dump(), limits);
  } else {
    post.request = parse_whatif_request(body, limits);
  }
  return post;
}

bool is_teaching(const WhatIfService& service, const std::string& name) {
  const auto& scenarios = service.scenarios();
  return std::any_of(scenarios.begin(), scenarios.end(),
                     [&](const CatalogueScenario& s) { return s.teaching && s.name == name; });
}

// A group name as the board shows it: printable, at most 40 characters.
bool valid_group(const std::string& group) {
  if (group.empty() || group.size() > 40) return false;
  for (unsigned char c : group) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

void install_routes(httplib::Server& server, WhatIfService& service, WorkshopRooms& rooms) {
  const std::string catalogue = catalogue_json(service.scenarios());
  server.Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(workshop_page(), "text/html; charset=utf-8");
  });
  server.Get("/api/scenarios", [catalogue](const httplib::Request&, httplib::Response& response) {
    send_json(response, 200, catalogue);
  });
  server.Post("/api/whatif", [&service, &rooms](const httplib::Request& request, httplib::Response& response) {
    try {
      const auto whatif = parse_room_post(request.body, service.limits());
      if (!whatif.room.empty() && !rooms.exists(whatif.room)) {
        send_error(response, 404, "room: no room with code " + whatif.room);
        return;
      }
      if (!whatif.room.empty() && !valid_group(whatif.group)) {
        send_error(response, 400, "group: expected a name of 1 to 40 printable characters");
        return;
      }
      const bool hidden_teaching = !whatif.room.empty() && is_teaching(service, whatif.request.scenario) &&
                                   !rooms.teaching_open(whatif.room, whatif.request.scenario);
      if (hidden_teaching) {
        send_error(
            response, 400,
            "scenario: " + whatif.request.scenario + " is not yet revealed by the teacher in room " + whatif.room);
        return;
      }
      for (const auto& path : rooms.locked(whatif.room)) {
        if (whatif.request.changes.count(path) != 0) {
          send_error(response, 400, "changes." + path + ": locked by the teacher in room " + whatif.room);
          return;
        }
      }
      const auto answer = service.answer(whatif.request);
      json result = json::parse(answer.result_json);
      result["from_store"] = answer.from_store;
      result["baseline_reused"] = answer.baseline_reused;
      if (!whatif.room.empty()) {
        json summary{{"request", result["request"]}, {"headline", result["headline"]}};
        rooms.add(whatif.room, {whatif.group, answer.key, summary.dump()});
      }
      send_json(response, 200, result.dump());
    } catch (const BadRequest& error) {
      send_error(response, 400, error.what());
    } catch (const QueueFull& error) {
      response.set_header("Retry-After", "5");
      send_error(response, 429, error.what());
    } catch (const RunTooLong& error) {
      send_error(response, 503, error.what());
    }
  });
  server.Get("/api/progress", [&service](const httplib::Request&, httplib::Response& response) {
    send_json(response, 200, service.progress_json());
  });
  server.Get(R"(/api/runs/([0-9a-f]{16}))", [&service](const httplib::Request& request, httplib::Response& response) {
    const auto stored = service.stored(request.matches[1]);
    if (!stored) {
      send_error(response, 404, "no stored run with key " + std::string(request.matches[1]));
      return;
    }
    send_json(response, 200, *stored);
  });
  server.Post("/api/rooms", [&rooms](const httplib::Request& request, httplib::Response& response) {
    bool step_by_step = false;
    if (!request.body.empty()) {
      const json body = json::parse(request.body, nullptr, false);
      const bool valid =
          body.is_object() && std::all_of(body.items().begin(), body.items().end(), [](const auto& item) {
            return item.key() == "step_by_step" && item.value().is_boolean();
          });
      if (!valid) {
        send_error(response, 400, "request body: expected {} or {\"step_by_step\": true or false}");
        return;
      }
      step_by_step = body.value("step_by_step", false);
    }
    const std::string code = rooms.open_room(step_by_step);
    send_json(response, 201, json{{"code", code}, {"step_by_step", step_by_step}}.dump());
  });
  server.Post(R"(/api/rooms/([A-Z0-9]{1,10})/reveal)", [&rooms, &service](const httplib::Request& request,
                                                                          httplib::Response& response) {
    const std::string code = request.matches[1];
    const json body = json::parse(request.body, nullptr, false);
    if (!body.is_object() || body.size() != 1 || !body.contains("scenario") || !body["scenario"].is_string()) {
      send_error(response, 400, "request body: expected {\"scenario\": a teaching scenario's name}");
      return;
    }
    const std::string name = body["scenario"].get<std::string>();
    if (!is_teaching(service, name)) {
      send_error(response, 400, "scenario: " + name + " is not a teaching scenario (see /api/scenarios)");
      return;
    }
    if (!rooms.reveal(code, name)) {
      send_error(response, 404, "no room with code " + code);
      return;
    }
    send_json(response, 200, json{{"code", code}, {"revealed", rooms.revealed(code)}}.dump());
  });
  server.Get(R"(/api/rooms/([A-Z0-9]{1,10}))", [&rooms](const httplib::Request& request, httplib::Response& response) {
    const std::string code = request.matches[1];
    const auto entries = rooms.board(code);
    if (!entries) {
      send_error(response, 404, "no room with code " + code);
      return;
    }
    send_json(response, 200,
              board_json(code, *entries, {rooms.locked(code), rooms.step_by_step(code), rooms.revealed(code)}));
  });
  // The board as a file to keep: CSV for a spreadsheet, report.html to open from disk.
  const auto board_download = [&rooms](const std::string& extension, const std::string& content_type,
                                       std::string (*render)(const std::string&, const std::vector<BoardEntry>&)) {
    return [&rooms, extension, content_type, render](const httplib::Request& request, httplib::Response& response) {
      const std::string code = request.matches[1];
      const auto entries = rooms.board(code);
      if (!entries) {
        send_error(response, 404, "no room with code " + code);
        return;
      }
      response.set_header("Content-Disposition", "attachment; filename=\"hsim-board-" + code + extension + "\"");
      response.set_content(render(code, *entries), content_type);
    };
  };
  server.Get(
      R"(/api/rooms/([A-Z0-9]{1,10})\.csv)",
      board_download(".csv", "text/csv; charset=utf-8",
                     [](const std::string&, const std::vector<BoardEntry>& entries) { return board_csv(entries); }));
  server.Get(R"(/api/rooms/([A-Z0-9]{1,10})/report\.html)",
             board_download(".html", "text/html; charset=utf-8", board_report_html));
  server.Post(
      R"(/api/rooms/([A-Z0-9]{1,10})/lock)", [&rooms](const httplib::Request& request, httplib::Response& response) {
        const std::string code = request.matches[1];
        const json body = json::parse(request.body, nullptr, false);
        if (!body.is_object() || !body.contains("levers") || !body["levers"].is_array()) {
          send_error(response, 400, "request body: expected {\"levers\": [lever paths]}");
          return;
        }
        std::vector<std::string> paths;
        for (const auto& item : body["levers"]) {
          if (!item.is_string() || !find_lever(item.get<std::string>())) {
            send_error(response, 400, "levers: " + item.dump() + " is not a workshop lever (see /api/scenarios)");
            return;
          }
          paths.push_back(item.get<std::string>());
        }
        if (!rooms.lock(code, paths)) {
          send_error(response, 404, "no room with code " + code);
          return;
        }
        send_json(response, 200, json{{"code", code}, {"locked", paths}}.dump());
      });
  server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.body.empty()) {
      send_error(response, response.status, response.status == 404 ? "no such page or endpoint" : "request refused");
    }
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr failure) {
    std::string message = "internal error";
    try {
      if (failure) std::rethrow_exception(failure);
    } catch (const std::exception& error) {
      message = std::string("internal error: ") + error.what();
    } catch (...) {
    }
    send_error(response, 500, message);
  });
}

}  // namespace

bool serve(WhatIfService& service, WorkshopRooms& rooms, const ServerOptions& options, const std::atomic<bool>& stop) {
  httplib::Server server;
  server.set_payload_max_length(options.max_request_bytes);
  server.set_read_timeout(10, 0);
  // Idle keep-alive connections close soon, so that a stop does not wait on clients that went quiet.
  server.set_keep_alive_timeout(2);
  server.set_write_timeout(30, 0);
  install_routes(server, service, rooms);
  // Debian's cpp-httplib listens with a backlog of 5 connections. When a room's clients connect at once
  // to a busy machine the accept queue overflows and the kernel resets connections, so the socket is
  // put back into listening with the system's largest backlog once it is bound.
  socket_t listening_socket = INVALID_SOCKET;
  server.set_socket_options([&listening_socket](socket_t sock) {
    httplib::default_socket_options(sock);
    listening_socket = sock;
  });
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host.c_str());
    if (port < 0) return false;
  } else if (!server.bind_to_port(options.host.c_str(), port)) {
    return false;
  }
  if (listening_socket != INVALID_SOCKET) ::listen(listening_socket, SOMAXCONN);
  std::cout << "hsim serve: listening on http://" << options.host << ":" << port << "/" << std::endl;
  std::atomic<bool> listening_ended{false};
  std::thread watcher([&] {
    while (!stop.load() && !listening_ended.load()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (stop.load()) {
      // A stop must end the process in bounded time, whatever a client holds open.
      std::thread([grace = options.stop_grace_seconds, exit_code = options.exit_code_after_grace] {
        std::this_thread::sleep_for(std::chrono::duration<double>(grace));
        std::cerr << "hsim serve: connections still open " << grace << " s after the stop; exiting without them\n";
        std::_Exit(exit_code());
      }).detach();
    }
    server.stop();
  });
  server.listen_after_bind();
  listening_ended = true;
  watcher.join();
  return true;
}

}  // namespace hsim::server
