#include "analysis/sweep/sweep_spec.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "analysis/design/grid_design.hpp"
#include "sim/scenario/nearest_name.hpp"
#include "sim/scenario/strict_scalar.hpp"

namespace hsim::analysis::sweep {
namespace {

using scenario::describe_found;
using scenario::Diagnostics;
using scenario::RawNode;

const std::vector<std::string> top_level_keys{"model",   "base_scenario", "parameters", "design",      "replicates",
                                              "metrics", "policies",      "seed",       "sensitivity", "model_options"};
const std::vector<std::string> parameter_keys{"key", "range", "values", "distribution", "mean", "sd", "levels"};
const std::vector<std::string> design_keys{"type", "points", "levels", "shift"};
const std::vector<std::string> design_types{"grid", "latin_hypercube", "sobol_sequence"};
const std::vector<std::string> distribution_names{"uniform", "normal", "log_uniform"};
const std::vector<std::string> sensitivity_keys{"samples",   "trajectories", "levels",
                                                "bootstrap", "second_order", "shift"};

std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

// Names used as CSV fields and on command lines: letters, digits and _ . - only.
bool is_plain_name(const std::string& text) {
  if (text.empty() || text.size() > 200) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-';
  });
}

class SpecReader {
 public:
  explicit SpecReader(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  bool ok() const { return ok_; }

  void fail(const scenario::Origin& origin, const std::string& path, const std::string& found,
            const std::string& expected) {
    diagnostics_.add_found_expected(origin, path, found, expected);
    ok_ = false;
  }

  bool expect_mapping(const RawNode& node, const std::string& path, const std::string& expected) {
    if (node.kind == RawNode::Kind::mapping) return true;
    fail(node.origin, path, describe_found(node), expected);
    return false;
  }

  void check_keys(const RawNode& node, const std::string& path, const std::vector<std::string>& allowed) {
    for (const auto& entry : node.entries) {
      if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) continue;
      std::string expected = "one of " + scenario::join_alternatives(allowed);
      if (const auto near = scenario::nearest_name(entry.key, allowed)) expected += " (did you mean '" + *near + "'?)";
      fail(entry.key_origin, join_path(path, entry.key), "unknown key '" + entry.key + "'", expected);
    }
  }

  std::optional<std::int64_t> integer(const RawNode& node, const std::string& path, std::int64_t low,
                                      std::int64_t high) {
    const std::string expected = "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
    if (node.kind != RawNode::Kind::scalar || node.quoted) {
      fail(node.origin, path, describe_found(node), expected);
      return std::nullopt;
    }
    const auto value = scenario::parse_integer(node.text);
    if (!value || *value < low || *value > high) {
      fail(node.origin, path, describe_found(node), expected);
      return std::nullopt;
    }
    return value;
  }

  std::optional<double> real(const RawNode& node, const std::string& path) {
    if (node.kind == RawNode::Kind::scalar && !node.quoted) {
      if (const auto value = scenario::parse_real(node.text)) return value;
    }
    fail(node.origin, path, describe_found(node), "a finite number");
    return std::nullopt;
  }

  std::optional<bool> boolean(const RawNode& node, const std::string& path) {
    if (node.kind == RawNode::Kind::scalar && !node.quoted) {
      if (const auto value = scenario::parse_boolean(node.text)) return value;
    }
    fail(node.origin, path, describe_found(node), "true or false");
    return std::nullopt;
  }

  std::optional<std::string> text(const RawNode& node, const std::string& path, const std::string& expected) {
    if (node.kind != RawNode::Kind::scalar || node.text.empty()) {
      fail(node.origin, path, describe_found(node), expected);
      return std::nullopt;
    }
    return node.text;
  }

  std::optional<std::string> choice(const RawNode& node, const std::string& path,
                                    const std::vector<std::string>& names) {
    std::string expected = scenario::join_alternatives(names);
    if (node.kind == RawNode::Kind::scalar) {
      if (std::find(names.begin(), names.end(), node.text) != names.end()) return node.text;
      if (const auto near = scenario::nearest_name(node.text, names)) expected += " (did you mean '" + *near + "'?)";
    }
    fail(node.origin, path, describe_found(node), expected);
    return std::nullopt;
  }

  // A non-empty list of distinct plain names.
  void name_list(const RawNode& node, const std::string& path, std::vector<std::string>& names,
                 std::vector<scenario::Origin>& origins) {
    if (node.kind != RawNode::Kind::sequence || node.items.empty()) {
      fail(node.origin, path, describe_found(node), "a non-empty list of names");
      return;
    }
    names.clear();
    origins.clear();
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const RawNode& item = node.items[i];
      const std::string item_path = path + "." + std::to_string(i);
      if (item.kind != RawNode::Kind::scalar || !is_plain_name(item.text)) {
        fail(item.origin, item_path, describe_found(item), "a name of letters, digits, '_', '.' or '-'");
        continue;
      }
      if (std::find(names.begin(), names.end(), item.text) != names.end()) {
        fail(item.origin, item_path, "'" + item.text + "' a second time", "each name once");
        continue;
      }
      names.push_back(item.text);
      origins.push_back(item.origin);
    }
  }

 private:
  Diagnostics& diagnostics_;
  bool ok_ = true;
};

std::optional<design::Parameter> read_parameter(SpecReader& reader, const RawNode& node, const std::string& path) {
  if (!reader.expect_mapping(node, path, "a mapping with key and range or values")) return std::nullopt;
  reader.check_keys(node, path, parameter_keys);
  design::Parameter parameter;
  bool ok = true;

  const RawNode* key = node.find("key");
  if (key == nullptr) {
    reader.fail(node.origin, path + ".key", "nothing", "the key path of the parameter (e.g. teams.housing_first.fte)");
    ok = false;
  } else if (auto text = reader.text(*key, path + ".key", "a key path")) {
    if (!is_plain_name(*text)) {
      reader.fail(key->origin, path + ".key", describe_found(*key), "a key path of letters, digits, '_', '.' or '-'");
      ok = false;
    }
    parameter.key = *text;
  } else {
    ok = false;
  }

  const RawNode* range = node.find("range");
  const RawNode* values = node.find("values");
  if ((range == nullptr) == (values == nullptr)) {
    reader.fail(node.origin, path, range == nullptr ? "neither range nor values" : "both range and values",
                "exactly one of range: [low, high] or values: [...]");
    return std::nullopt;
  }
  if (range != nullptr) {
    if (range->kind != RawNode::Kind::sequence || range->items.size() != 2) {
      reader.fail(range->origin, path + ".range", describe_found(*range), "a list of two numbers [low, high]");
      return std::nullopt;
    }
    const auto low = reader.real(range->items[0], path + ".range.0");
    const auto high = reader.real(range->items[1], path + ".range.1");
    if (!low || !high) return std::nullopt;
    if (!(*low < *high)) {
      reader.fail(range->origin, path + ".range", "[" + range->items[0].text + ", " + range->items[1].text + "]",
                  "low < high");
      return std::nullopt;
    }
    parameter.low = *low;
    parameter.high = *high;
  } else {
    if (values->kind != RawNode::Kind::sequence || values->items.empty()) {
      reader.fail(values->origin, path + ".values", describe_found(*values), "a non-empty list of numbers");
      return std::nullopt;
    }
    for (std::size_t i = 0; i < values->items.size(); ++i) {
      const auto value = reader.real(values->items[i], path + ".values." + std::to_string(i));
      if (!value) {
        ok = false;
        continue;
      }
      parameter.values.push_back(*value);
    }
  }

  if (const RawNode* distribution = node.find("distribution")) {
    if (values != nullptr) {
      reader.fail(distribution->origin, path + ".distribution", describe_found(*distribution),
                  "no distribution for a list of values (each value is equally likely)");
      ok = false;
    } else if (const auto name = reader.choice(*distribution, path + ".distribution", distribution_names)) {
      parameter.distribution = *name == "uniform"  ? design::Distribution::uniform
                               : *name == "normal" ? design::Distribution::normal
                                                   : design::Distribution::log_uniform;
    } else {
      ok = false;
    }
  }
  const RawNode* mean = node.find("mean");
  const RawNode* sd = node.find("sd");
  if (parameter.distribution == design::Distribution::normal) {
    if (mean == nullptr || sd == nullptr) {
      reader.fail(node.origin, path + (mean == nullptr ? ".mean" : ".sd"), "nothing",
                  "mean and sd for a normal distribution");
      ok = false;
    } else {
      const auto mean_value = reader.real(*mean, path + ".mean");
      const auto sd_value = reader.real(*sd, path + ".sd");
      if (sd_value && !(*sd_value > 0.0)) {
        reader.fail(sd->origin, path + ".sd", describe_found(*sd), "a number above 0");
        ok = false;
      }
      if (!mean_value || !sd_value) ok = false;
      if (mean_value) parameter.mean = *mean_value;
      if (sd_value) parameter.sd = *sd_value;
    }
  } else {
    for (const RawNode* extra : {mean, sd}) {
      if (extra == nullptr) continue;
      reader.fail(extra->origin, path + (extra == mean ? ".mean" : ".sd"), describe_found(*extra),
                  "no mean or sd unless distribution is normal");
      ok = false;
    }
  }
  if (parameter.distribution == design::Distribution::log_uniform && range != nullptr && !(parameter.low > 0.0)) {
    reader.fail(range->origin, path + ".range", "a low end of " + range->items[0].text,
                "a range above 0 for a log_uniform distribution");
    ok = false;
  }
  if (const RawNode* levels = node.find("levels")) {
    if (values != nullptr) {
      reader.fail(levels->origin, path + ".levels", describe_found(*levels),
                  "no levels for a list of values (the grid uses the list)");
      ok = false;
    } else if (const auto count = reader.integer(*levels, path + ".levels", 1, 10'000)) {
      parameter.levels = static_cast<std::size_t>(*count);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return parameter;
}

std::optional<DesignSpec> read_design(SpecReader& reader, const RawNode& node) {
  if (!reader.expect_mapping(node, "design", "a mapping with type and points (or levels for a grid)")) {
    return std::nullopt;
  }
  reader.check_keys(node, "design", design_keys);
  DesignSpec design;
  design.origin = node.origin;
  const RawNode* type = node.find("type");
  if (type == nullptr) {
    reader.fail(node.origin, "design.type", "nothing", scenario::join_alternatives(design_types));
    return std::nullopt;
  }
  const auto name = reader.choice(*type, "design.type", design_types);
  if (!name) return std::nullopt;
  design.type = *name == "grid"              ? DesignType::grid
                : *name == "latin_hypercube" ? DesignType::latin_hypercube
                                             : DesignType::sobol_sequence;
  const RawNode* points = node.find("points");
  if (design.type == DesignType::grid) {
    if (points != nullptr) {
      reader.fail(points->origin, "design.points", describe_found(*points),
                  "levels, not points, for a grid (its size is the product of the levels)");
    }
  } else if (points == nullptr) {
    reader.fail(node.origin, "design.points", "nothing", "the number of design points");
  } else if (const auto count =
                 reader.integer(*points, "design.points", 1, static_cast<std::int64_t>(max_design_points))) {
    design.points = static_cast<std::uint64_t>(*count);
  }
  if (const RawNode* levels = node.find("levels")) {
    if (design.type != DesignType::grid) {
      reader.fail(levels->origin, "design.levels", describe_found(*levels), "levels only for a grid design");
    } else if (const auto count = reader.integer(*levels, "design.levels", 1, 10'000)) {
      design.levels = static_cast<std::size_t>(*count);
    }
  }
  if (const RawNode* shift = node.find("shift")) {
    if (design.type != DesignType::sobol_sequence) {
      reader.fail(shift->origin, "design.shift", describe_found(*shift), "shift only for a sobol_sequence design");
    } else if (const auto value = reader.boolean(*shift, "design.shift")) {
      design.shift = *value;
    }
  }
  return design;
}

void read_sensitivity(SpecReader& reader, const RawNode& node, SensitivitySpec& sensitivity) {
  if (!reader.expect_mapping(node, "sensitivity", "a mapping of sensitivity settings")) return;
  reader.check_keys(node, "sensitivity", sensitivity_keys);
  if (const RawNode* samples = node.find("samples")) {
    if (const auto n = reader.integer(*samples, "sensitivity.samples", 2, 1'000'000)) {
      sensitivity.samples = static_cast<std::uint64_t>(*n);
    }
  }
  if (const RawNode* trajectories = node.find("trajectories")) {
    if (const auto r = reader.integer(*trajectories, "sensitivity.trajectories", 2, 100'000)) {
      sensitivity.trajectories = static_cast<std::uint64_t>(*r);
    }
  }
  if (const RawNode* levels = node.find("levels")) {
    if (const auto p = reader.integer(*levels, "sensitivity.levels", 2, 100)) {
      if (*p % 2 != 0) {
        reader.fail(levels->origin, "sensitivity.levels", describe_found(*levels),
                    "an even number of levels (the Morris step is p / (2 (p - 1)))");
      } else {
        sensitivity.levels = static_cast<std::size_t>(*p);
      }
    }
  }
  if (const RawNode* bootstrap = node.find("bootstrap")) {
    if (const auto b = reader.integer(*bootstrap, "sensitivity.bootstrap", 0, 100'000)) {
      sensitivity.bootstrap = static_cast<std::size_t>(*b);
    }
  }
  if (const RawNode* second_order = node.find("second_order")) {
    if (const auto value = reader.boolean(*second_order, "sensitivity.second_order")) {
      sensitivity.second_order = *value;
    }
  }
  if (const RawNode* shift = node.find("shift")) {
    if (const auto value = reader.boolean(*shift, "sensitivity.shift")) sensitivity.shift = *value;
  }
}

}  // namespace

std::optional<SweepSpec> parse_sweep_spec(const std::string& text, const std::string& where, Diagnostics& diagnostics) {
  const auto root = scenario::parse_yaml_text(text, where, diagnostics);
  if (!root || !diagnostics.empty()) return std::nullopt;
  SpecReader reader(diagnostics);
  SweepSpec spec;
  spec.file = where;
  spec.text = text;
  spec.root_origin = root->origin;
  if (!reader.expect_mapping(*root, "", "a sweep specification (a mapping with model, parameters, ...)")) {
    return std::nullopt;
  }
  reader.check_keys(*root, "", top_level_keys);

  if (const RawNode* model = root->find("model")) {
    spec.model_origin = model->origin;
    if (auto name = reader.text(*model, "model", "analytic/ishigami, analytic/g_function, analytic/morris or city")) {
      spec.model = *name;
    }
  } else {
    reader.fail(root->origin, "model", "nothing", "analytic/ishigami, analytic/g_function, analytic/morris or city");
  }
  if (const RawNode* base = root->find("base_scenario")) {
    spec.base_scenario_origin = base->origin;
    if (auto path = reader.text(*base, "base_scenario", "the path of a scenario YAML file")) spec.base_scenario = *path;
  }

  if (const RawNode* parameters = root->find("parameters")) {
    spec.parameters_origin = parameters->origin;
    if (parameters->kind != RawNode::Kind::sequence || parameters->items.empty()) {
      reader.fail(parameters->origin, "parameters", describe_found(*parameters),
                  "a non-empty list of parameters (key with range or values)");
    } else {
      std::set<std::string> seen;
      for (std::size_t i = 0; i < parameters->items.size(); ++i) {
        const std::string path = "parameters." + std::to_string(i);
        auto parameter = read_parameter(reader, parameters->items[i], path);
        if (!parameter) continue;
        const RawNode* key = parameters->items[i].find("key");
        if (!seen.insert(parameter->key).second) {
          reader.fail(key->origin, path + ".key", "'" + parameter->key + "' a second time", "each key once");
          continue;
        }
        spec.parameter_origins.push_back(key->origin);
        spec.parameters.push_back(std::move(*parameter));
      }
    }
  } else {
    reader.fail(root->origin, "parameters", "nothing", "a list of parameters to vary");
  }

  if (const RawNode* design = root->find("design")) spec.design = read_design(reader, *design);
  if (const RawNode* replicates = root->find("replicates")) {
    if (const auto count = reader.integer(*replicates, "replicates", 1, static_cast<std::int64_t>(max_replicates))) {
      spec.replicates = static_cast<std::uint64_t>(*count);
    }
  }
  if (const RawNode* metrics = root->find("metrics"))
    reader.name_list(*metrics, "metrics", spec.metrics, spec.metric_origins);
  if (const RawNode* policies = root->find("policies")) {
    reader.name_list(*policies, "policies", spec.policies, spec.policy_origins);
  } else {
    spec.policy_origins.assign(1, root->origin);
  }
  if (const RawNode* seed = root->find("seed")) {
    if (const auto value = reader.integer(*seed, "seed", 0, INT64_MAX)) spec.seed = static_cast<std::uint64_t>(*value);
  } else {
    reader.fail(root->origin, "seed", "nothing", "a seed (a whole number, so the run can be repeated exactly)");
  }
  if (const RawNode* sensitivity = root->find("sensitivity")) read_sensitivity(reader, *sensitivity, spec.sensitivity);
  if (const RawNode* options = root->find("model_options")) {
    if (reader.expect_mapping(*options, "model_options", "a mapping of model options")) spec.model_options = *options;
  } else {
    spec.model_options.kind = RawNode::Kind::mapping;
    spec.model_options.origin = root->origin;
  }
  if (reader.ok() && spec.design && spec.design->type == DesignType::grid &&
      design::GridDesign::count_points(spec.parameters, spec.design->levels, max_design_points) == 0) {
    reader.fail(spec.design->origin, "design", "a grid of more than " + std::to_string(max_design_points) + " points",
                "fewer levels or parameters");
  }
  if (!reader.ok()) return std::nullopt;
  return spec;
}

std::optional<SweepSpec> read_sweep_spec(const std::filesystem::path& file, Diagnostics& diagnostics) {
  const std::string where = file.string();
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) {
    diagnostics.add(scenario::Origin{where, 0, 0}, "", "found no readable file, expected a sweep specification");
    return std::nullopt;
  }
  if (std::filesystem::file_size(file, error) > 1024 * 1024) {
    diagnostics.add(scenario::Origin{where, 0, 0}, "", "found a file above 1 MiB, expected a sweep specification");
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (!in && !in.eof()) {
    diagnostics.add(scenario::Origin{where, 0, 0}, "", "cannot read the file");
    return std::nullopt;
  }
  return parse_sweep_spec(contents.str(), where, diagnostics);
}

}  // namespace hsim::analysis::sweep
