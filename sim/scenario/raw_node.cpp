#include "sim/scenario/raw_node.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <system_error>

#include "sim/scenario/limits.hpp"

namespace hsim::scenario {
namespace {

Origin origin_of(const YAML::Mark& mark, const Origin::SharedName& where, const Origin& fallback) {
  if (mark.line < 0) return fallback;
  return Origin{where, mark.line + 1, mark.column + 1};
}

std::string child_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

class Converter {
 public:
  Converter(Origin::SharedName where, Diagnostics& diagnostics) : where_(std::move(where)), diagnostics_(diagnostics) {}

  bool exhausted() const { return exhausted_; }

  RawNode convert(const YAML::Node& node, const Origin& fallback, const std::string& path, std::size_t depth = 0) {
    RawNode raw;
    raw.origin = origin_of(node.Mark(), where_, fallback);
    if (exhausted_) return raw;
    if (depth > limits::max_nesting_depth) {
      // yaml-cpp accepts 2,000 levels, more than this recursion has stack for under a sanitizer.
      exhausted_ = true;
      diagnostics_.add(raw.origin, "",
                       "found nesting more than " + std::to_string(limits::max_nesting_depth) +
                           " levels deep, expected a scenario nested a few levels deep");
      return raw;
    }
    if (++node_count_ > limits::max_yaml_nodes) {
      exhausted_ = true;
      diagnostics_.add(raw.origin, "",
                       "found more than " + std::to_string(limits::max_yaml_nodes) +
                           " YAML nodes (aliases included), expected a scenario of reasonable size");
      return raw;
    }
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        raw.kind = RawNode::Kind::scalar;
        raw.text = node.Scalar();
        raw.quoted = node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str";
        break;
      case YAML::NodeType::Sequence:
        raw.kind = RawNode::Kind::sequence;
        for (const auto& item : node) {
          raw.items.push_back(convert(item, raw.origin, child_path(path, std::to_string(raw.items.size())), depth + 1));
        }
        break;
      case YAML::NodeType::Map: {
        raw.kind = RawNode::Kind::mapping;
        std::map<std::string, Origin> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
          const Origin key_origin = origin_of(it->first.Mark(), where_, raw.origin);
          if (!it->first.IsScalar()) {
            diagnostics_.add(key_origin, path, "found a mapping key that is not plain text, expected a key name");
            continue;
          }
          const std::string key = it->first.Scalar();
          if (const auto previous = seen.find(key); previous != seen.end()) {
            diagnostics_.add(key_origin, child_path(path, key),
                             "found duplicate key '" + key + "' (first at line " +
                                 std::to_string(previous->second.line) + "), expected each key once");
            continue;
          }
          seen.emplace(key, key_origin);
          raw.entries.push_back(
              RawEntry{key, key_origin, convert(it->second, key_origin, child_path(path, key), depth + 1)});
        }
        break;
      }
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        raw.kind = RawNode::Kind::null;
        raw.origin = fallback;  // yaml-cpp marks an empty value at the next token, often on the next line
        break;
    }
    return raw;
  }

 private:
  Origin::SharedName where_;
  Diagnostics& diagnostics_;
  std::size_t node_count_ = 0;
  bool exhausted_ = false;
};

}  // namespace

const RawNode* RawNode::find(const std::string& key) const {
  for (const auto& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

std::string describe_found(const RawNode& node) {
  switch (node.kind) {
    case RawNode::Kind::null:
      return "nothing";
    case RawNode::Kind::mapping:
      return "a mapping";
    case RawNode::Kind::sequence:
      return "a list";
    case RawNode::Kind::scalar:
      break;
  }
  std::string shown = node.text.size() > 60 ? node.text.substr(0, 57) + "..." : node.text;
  return "\"" + shown + "\"";
}

std::optional<RawNode> parse_yaml_text(const std::string& text, const std::string& where, Diagnostics& diagnostics) {
  YAML::Node document;
  try {
    document = YAML::Load(text);
  } catch (const YAML::DeepRecursion& error) {
    diagnostics.add(Origin{where, error.mark.line + 1, error.mark.column + 1}, "",
                    "found nesting " + std::to_string(error.depth()) +
                        " levels deep, expected a scenario nested a few levels deep");
    return std::nullopt;
  } catch (const YAML::ParserException& error) {
    diagnostics.add(Origin{where, error.mark.line + 1, error.mark.column + 1}, "", "malformed YAML: " + error.msg);
    return std::nullopt;
  } catch (const YAML::Exception& error) {
    diagnostics.add(Origin{where, 0, 0}, "", std::string("malformed YAML: ") + error.what());
    return std::nullopt;
  }
  const auto shared_where = std::make_shared<const std::string>(where);
  Converter converter(shared_where, diagnostics);
  RawNode root = converter.convert(document, Origin{shared_where, 1, 1}, "");
  if (converter.exhausted()) return std::nullopt;
  return root;
}

std::optional<RawNode> read_yaml_file(const std::filesystem::path& path, const std::string& where,
                                      Diagnostics& diagnostics) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    diagnostics.add(Origin{where, 0, 0}, "", "found no readable file, expected a scenario YAML file");
    return std::nullopt;
  }
  const auto size = std::filesystem::file_size(path, error);
  if (error) {
    diagnostics.add(Origin{where, 0, 0}, "", "cannot read the file size: " + error.message());
    return std::nullopt;
  }
  if (size > limits::max_file_bytes) {
    diagnostics.add(Origin{where, 0, 0}, "",
                    "found a file of " + std::to_string(size) + " bytes, expected at most " +
                        std::to_string(limits::max_file_bytes) + " bytes");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (!in && !in.eof()) {
    diagnostics.add(Origin{where, 0, 0}, "", "cannot read the file");
    return std::nullopt;
  }
  return parse_yaml_text(contents.str(), where, diagnostics);
}

}  // namespace hsim::scenario
