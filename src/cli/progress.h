#pragma once
// Progress on a terminal: "\r<label> 42%" on standard error, only when it is a terminal, so
// pipes and CI logs stay clean.

#include <functional>
#include <ostream>
#include <string>

namespace headroom::cli {

class Progress {
 public:
  Progress(std::ostream& err, bool enabled, std::string label);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // A callback for the library's progress hooks (fraction done in [0, 1]).
  [[nodiscard]] std::function<void(double)> Callback();

 private:
  std::ostream& err_;
  bool enabled_;
  std::string label_;
  int last_percent_ = -1;
};

}  // namespace headroom::cli
