#pragma once

// The workshop server: the page and its JSON API over cpp-httplib. Routes hold no model logic; they
// parse, call the what-if service and the rooms, and map errors to status codes (400 with the
// validator's message, 404, 429 when the run queue is full).

#include <atomic>
#include <functional>
#include <string>

#include "sim/server/whatif_service.hpp"
#include "sim/server/workshop_rooms.hpp"

namespace hsim::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::size_t max_request_bytes = 64 * 1024;
  // After a stop, the process ends with this exit code if the server and its connections have not
  // closed within stop_grace_seconds (the store is SQLite: committed runs survive, nothing is half-written).
  double stop_grace_seconds = 10.0;
  std::function<int()> exit_code_after_grace = [] { return 1; };
};

// Serves until `stop` becomes true (checked a few times a second). Returns false when the address
// cannot be bound.
bool serve(WhatIfService& service, WorkshopRooms& rooms, const ServerOptions& options, const std::atomic<bool>& stop);

}  // namespace hsim::server
