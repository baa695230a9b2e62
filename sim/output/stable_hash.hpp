#pragma once

#include <string>

namespace hsim::output {

// A stable 64-bit FNV-1a hash of the text, as 16 hexadecimal digits: the same on every machine and build.
std::string stable_hash(const std::string& text);

}  // namespace hsim::output
