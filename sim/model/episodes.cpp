// Heavy-use and psychiatric episodes, drawn only while they can change something.
//
// Each kind of episode is a two-state Markov process: it starts at a rate set by the person's severity
// level and lasts an exponential time. An episode raises disturbances (in an own flat, or in a staircase
// place whose staff record incidents) and draws a visiting team's attention; nothing else reads it. For
// a person with neither, the episodes are not drawn as events: they sleep, and when they matter again
// the process is brought forward by its exact transition law,
//
//   P(in an episode at t | out at s) = a / (a + b) · (1 − e^−(a + b)(t − s)),   b = 1 / mean days,
//
// with the rest of a running episode exponential again (memoryless). Severity changes bring a sleeping
// process forward first, so each stretch uses its own rate. Drawn this way the episodes have the same
// law as drawn event by event, and most of the city pool's events are gone.

#include <cmath>

#include "sim/engine/distributions.hpp"
#include "sim/model/calendar.hpp"
#include "sim/model/city_model.hpp"
#include "sim/model/severity.hpp"

namespace hsim::model::detail {

using engine::EventContext;

// Drawing every event (EventDraws::all) counts every episode as mattering, so none ever sleeps.
bool CityModel::episodes_matter(const Person& p) const {
  return !fewest_draws_ || p.support != Support::none || p.place == Place::own_flat ||
         (rules_.readiness_required && step_of(p.place) > 0);
}

// While asleep, `until` is the day a running episode ends, or else the last day the person is known to
// have been out of one.
void CityModel::bring_episode_forward(Person& p, EpisodeKind kind, double now) {
  const auto& e = parameters_.behaviour.episodes;
  const bool heavy_use = kind == EpisodeKind::heavy_use;
  bool& in = heavy_use ? p.in_heavy_use : p.in_psychiatric;
  double& until = heavy_use ? p.heavy_use_until : p.psychiatric_until;
  if (in && until > now) return;
  in = false;
  const double start_per_day = (heavy_use ? rate_at(e.heavy_use_by_substance_level, p.substance)
                                          : rate_at(e.psychiatric_by_mental_health_level, p.mental)) /
                               days_per_year;
  const double mean_days = heavy_use ? e.heavy_use_mean_days : e.psychiatric_mean_days;
  const double total_per_day = start_per_day + 1.0 / mean_days;
  const double in_share = start_per_day / total_per_day * -std::expm1(-total_per_day * (now - until));
  const PersonStreamSlot slot = heavy_use ? slot_heavy_use_duration : slot_psychiatric_duration;
  if (in_share > 0.0 && engine::uniform01(stream(p, slot)) < in_share) {
    in = true;
    until = now + engine::exponential(stream(p, slot), mean_days);
  } else {
    until = now;
  }
}

void CityModel::put_episodes_to_sleep(Person& p, EventContext& context) {
  const double now = context.now();
  p.episodes_asleep = true;
  if (p.in_heavy_use) {
    cancel_timer(p, timer_heavy_use_end);
  } else {
    p.heavy_use_until = now;
  }
  if (p.in_psychiatric) {
    cancel_timer(p, timer_psychiatric_end);
  } else {
    p.psychiatric_until = now;
  }
  set_clock_rate(p, clock_heavy_use, 0.0, context);
  set_clock_rate(p, clock_psychiatric, 0.0, context);
}

void CityModel::wake_episodes(Person& p, EventContext& context) {
  if (!p.episodes_asleep) return;
  const double now = context.now();
  bring_episode_forward(p, EpisodeKind::heavy_use, now);
  bring_episode_forward(p, EpisodeKind::psychiatric, now);
  p.episodes_asleep = false;
  if (p.in_heavy_use) start_timer(p, timer_heavy_use_end, p.heavy_use_until - now, context);
  if (p.in_psychiatric) start_timer(p, timer_psychiatric_end, p.psychiatric_until - now, context);
  refresh_rates(p, context);
}

bool CityModel::watch_episodes(Person& p, EventContext& context) {
  if (!is_present(p.place) || p.episodes_asleep != episodes_matter(p)) return false;
  if (p.episodes_asleep) {
    wake_episodes(p, context);
    return true;
  }
  put_episodes_to_sleep(p, context);
  return false;
}

}  // namespace hsim::model::detail
