#pragma once

#include <stdexcept>
#include <string>

namespace hsim::engine {

// Thrown (with HSIM_CHECKS on) when an event would be delivered into a logical process's past.
class CausalityError : public std::logic_error {
 public:
  explicit CausalityError(const std::string& what) : std::logic_error(what) {}
};

}  // namespace hsim::engine
