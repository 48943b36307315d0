#include "cli/progress.h"

#include <cmath>

namespace headroom::cli {

Progress::Progress(std::ostream& err, bool enabled, std::string label)
    : err_(err), enabled_(enabled), label_(std::move(label)) {}

Progress::~Progress() {
  if (enabled_ && last_percent_ >= 0) err_ << "\r\033[K" << std::flush;
}

std::function<void(double)> Progress::Callback() {
  return [this](double fraction) {
    if (!enabled_) return;
    const int percent = static_cast<int>(std::floor(fraction * 100.0));
    if (percent == last_percent_) return;
    last_percent_ = percent;
    err_ << "\r" << label_ << " " << percent << "%" << std::flush;
  };
}

}  // namespace headroom::cli
