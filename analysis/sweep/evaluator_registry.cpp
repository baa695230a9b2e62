#include "analysis/sweep/evaluator_registry.hpp"

#include <algorithm>

#include "analysis/sweep/analytic_models.hpp"
#include "sim/scenario/nearest_name.hpp"
#include "sim/scenario/strict_scalar.hpp"

namespace hsim::analysis::sweep {
namespace {

using scenario::describe_found;
using scenario::Diagnostics;
using scenario::RawNode;

void check_option_keys(const SweepSpec& spec, const std::vector<std::string>& allowed, Diagnostics& diagnostics) {
  for (const auto& entry : spec.model_options.entries) {
    if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) continue;
    std::string expected = "one of " + scenario::join_alternatives(allowed) + " for " + spec.model;
    if (const auto near = scenario::nearest_name(entry.key, allowed)) expected += " (did you mean '" + *near + "'?)";
    diagnostics.add_found_expected(entry.key_origin, "model_options." + entry.key, "unknown key '" + entry.key + "'",
                                   expected);
  }
}

double real_option(const SweepSpec& spec, const std::string& key, double fallback, double low,
                   Diagnostics& diagnostics) {
  const RawNode* node = spec.model_options.find(key);
  if (node == nullptr) return fallback;
  if (node->kind == RawNode::Kind::scalar && !node->quoted) {
    if (const auto value = scenario::parse_real(node->text); value && *value >= low) return *value;
  }
  diagnostics.add_found_expected(node->origin, "model_options." + key, describe_found(*node),
                                 "a number of at least " + std::to_string(low));
  return fallback;
}

AnalyticOptions analytic_options(const SweepSpec& spec, Diagnostics& diagnostics) {
  AnalyticOptions options;
  options.noise_sd = real_option(spec, "noise_sd", 0.0, 0.0, diagnostics);
  const double delay = real_option(spec, "evaluation_delay_microseconds", 0.0, 0.0, diagnostics);
  options.evaluation_delay_microseconds = static_cast<std::uint64_t>(std::min(delay, 1e9));
  return options;
}

const std::vector<std::string> common_options{"noise_sd", "evaluation_delay_microseconds"};

std::vector<std::string> with_common(std::vector<std::string> keys) {
  keys.insert(keys.end(), common_options.begin(), common_options.end());
  return keys;
}

std::unique_ptr<PointEvaluator> make_ishigami(const SweepSpec& spec, Diagnostics& diagnostics) {
  const std::size_t before = diagnostics.size();
  check_option_keys(spec, with_common({"a", "b"}), diagnostics);
  const double a = real_option(spec, "a", 7.0, -1e300, diagnostics);
  const double b = real_option(spec, "b", 0.1, -1e300, diagnostics);
  const auto options = analytic_options(spec, diagnostics);
  if (diagnostics.size() != before) return nullptr;
  return std::make_unique<IshigamiModel>(a, b, options);
}

std::unique_ptr<PointEvaluator> make_g_function(const SweepSpec& spec, Diagnostics& diagnostics) {
  const std::size_t before = diagnostics.size();
  check_option_keys(spec, with_common({"a"}), diagnostics);
  std::vector<double> a{0.0, 1.0, 4.5, 9.0, 99.0, 99.0};
  if (const RawNode* node = spec.model_options.find("a")) {
    a.clear();
    if (node->kind != RawNode::Kind::sequence || node->items.empty()) {
      diagnostics.add_found_expected(node->origin, "model_options.a", describe_found(*node),
                                     "a list of coefficients a_i >= 0, one per input");
    } else {
      for (std::size_t i = 0; i < node->items.size(); ++i) {
        const RawNode& item = node->items[i];
        const auto value = item.kind == RawNode::Kind::scalar ? scenario::parse_real(item.text) : std::nullopt;
        if (!value || *value < 0.0) {
          diagnostics.add_found_expected(item.origin, "model_options.a." + std::to_string(i), describe_found(item),
                                         "a number of at least 0");
          continue;
        }
        a.push_back(*value);
      }
    }
  }
  const auto options = analytic_options(spec, diagnostics);
  if (diagnostics.size() != before) return nullptr;
  return std::make_unique<GFunctionModel>(std::move(a), options);
}

std::unique_ptr<PointEvaluator> make_morris(const SweepSpec& spec, Diagnostics& diagnostics) {
  const std::size_t before = diagnostics.size();
  check_option_keys(spec, with_common({"coefficient_seed"}), diagnostics);
  std::uint64_t coefficient_seed = 1;
  if (const RawNode* node = spec.model_options.find("coefficient_seed")) {
    const auto value = node->kind == RawNode::Kind::scalar ? scenario::parse_integer(node->text) : std::nullopt;
    if (!value || *value < 0) {
      diagnostics.add_found_expected(node->origin, "model_options.coefficient_seed", describe_found(*node),
                                     "a whole number of at least 0");
    } else {
      coefficient_seed = static_cast<std::uint64_t>(*value);
    }
  }
  const auto options = analytic_options(spec, diagnostics);
  if (diagnostics.size() != before) return nullptr;
  return std::make_unique<MorrisModel>(coefficient_seed, options);
}

void check_against(const SweepSpec& spec, const PointEvaluator& evaluator, Diagnostics& diagnostics) {
  const auto required = evaluator.required_parameters();
  if (!required.empty()) {
    for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
      const auto& key = spec.parameters[i].key;
      if (std::find(required.begin(), required.end(), key) != required.end()) continue;
      std::string expected = "one of " + scenario::join_alternatives(required) + " for " + spec.model;
      if (const auto near = scenario::nearest_name(key, required)) expected += " (did you mean '" + *near + "'?)";
      diagnostics.add_found_expected(spec.parameter_origins[i], "parameters." + std::to_string(i) + ".key",
                                     "'" + key + "'", expected);
    }
    for (const auto& name : required) {
      const bool present = std::any_of(spec.parameters.begin(), spec.parameters.end(),
                                       [&](const design::Parameter& p) { return p.key == name; });
      if (!present) {
        diagnostics.add_found_expected(spec.parameters_origin, "parameters", "no parameter '" + name + "'",
                                       "every input of " + spec.model + ": " + scenario::join_alternatives(required));
      }
    }
  }
  const auto metrics = evaluator.metric_names();
  for (std::size_t i = 0; i < spec.metrics.size(); ++i) {
    if (std::find(metrics.begin(), metrics.end(), spec.metrics[i]) != metrics.end()) continue;
    std::string expected = "one of " + scenario::join_alternatives(metrics);
    if (const auto near = scenario::nearest_name(spec.metrics[i], metrics))
      expected += " (did you mean '" + *near + "'?)";
    diagnostics.add_found_expected(spec.metric_origins[i], "metrics." + std::to_string(i),
                                   "unknown metric '" + spec.metrics[i] + "'", expected);
  }
  const auto policies = evaluator.known_policies();
  if (!policies.empty()) {
    for (std::size_t i = 0; i < spec.policies.size(); ++i) {
      if (std::find(policies.begin(), policies.end(), spec.policies[i]) != policies.end()) continue;
      std::string expected = "one of " + scenario::join_alternatives(policies);
      if (const auto near = scenario::nearest_name(spec.policies[i], policies)) {
        expected += " (did you mean '" + *near + "'?)";
      }
      diagnostics.add_found_expected(spec.policy_origins[i], "policies." + std::to_string(i),
                                     "unknown policy '" + spec.policies[i] + "'", expected);
    }
  }
}

// Hands the spec's parameter values to a model in the order of its required parameters.
class ReorderingEvaluator : public PointEvaluator {
 public:
  ReorderingEvaluator(std::unique_ptr<PointEvaluator> inner, std::vector<std::size_t> spec_index_of_input)
      : inner_(std::move(inner)), spec_index_of_input_(std::move(spec_index_of_input)) {}
  std::vector<std::string> metric_names() const override { return inner_->metric_names(); }
  std::vector<std::string> known_policies() const override { return inner_->known_policies(); }
  std::vector<double> evaluate(const std::vector<double>& parameter_values, std::uint64_t seed, std::uint64_t replicate,
                               const std::string& policy) const override {
    std::vector<double> ordered(spec_index_of_input_.size());
    for (std::size_t i = 0; i < ordered.size(); ++i) ordered[i] = parameter_values[spec_index_of_input_[i]];
    return inner_->evaluate(ordered, seed, replicate, policy);
  }

 private:
  std::unique_ptr<PointEvaluator> inner_;
  std::vector<std::size_t> spec_index_of_input_;
};

}  // namespace

void EvaluatorRegistry::add(std::string model, EvaluatorFactory factory) {
  factories_[std::move(model)] = std::move(factory);
}

std::vector<std::string> EvaluatorRegistry::models() const {
  std::vector<std::string> names;
  for (const auto& [name, factory] : factories_) names.push_back(name);
  return names;
}

std::unique_ptr<PointEvaluator> EvaluatorRegistry::make(const SweepSpec& spec, Diagnostics& diagnostics) const {
  const auto found = factories_.find(spec.model);
  if (found == factories_.end()) {
    const auto names = models();
    if (spec.model == city_model_name) {
      diagnostics.add(spec.model_origin, "model",
                      "found 'city', but the city model is not available to sweeps yet (its adapter is not wired "
                      "in); expected one of " +
                          scenario::join_alternatives(names));
      return nullptr;
    }
    std::string expected = "one of " + scenario::join_alternatives(names);
    if (const auto near = scenario::nearest_name(spec.model, names)) expected += " (did you mean '" + *near + "'?)";
    diagnostics.add_found_expected(spec.model_origin, "model", "'" + spec.model + "'", expected);
    return nullptr;
  }
  if (spec.model == city_model_name && spec.base_scenario.empty()) {
    diagnostics.add_found_expected(spec.root_origin, "base_scenario", "nothing",
                                   "the scenario file whose keys the parameters override");
    return nullptr;
  }
  const std::size_t before = diagnostics.size();
  auto evaluator = found->second(spec, diagnostics);
  if (!evaluator || diagnostics.size() != before) return nullptr;
  check_against(spec, *evaluator, diagnostics);
  if (diagnostics.size() != before) return nullptr;
  const auto required = evaluator->required_parameters();
  if (required.empty()) return evaluator;
  std::vector<std::size_t> spec_index_of_input;
  for (const auto& name : required) {
    const auto at = std::find_if(spec.parameters.begin(), spec.parameters.end(),
                                 [&](const design::Parameter& p) { return p.key == name; });
    spec_index_of_input.push_back(static_cast<std::size_t>(at - spec.parameters.begin()));
  }
  return std::make_unique<ReorderingEvaluator>(std::move(evaluator), std::move(spec_index_of_input));
}

EvaluatorRegistry default_evaluator_registry() {
  EvaluatorRegistry registry;
  registry.add("analytic/ishigami", make_ishigami);
  registry.add("analytic/g_function", make_g_function);
  registry.add("analytic/morris", make_morris);
  return registry;
}

}  // namespace hsim::analysis::sweep
