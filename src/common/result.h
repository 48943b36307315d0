#pragma once
// Result<T>: a value or a list of errors (at least one). Validation returns every error it
// found, so the list form is the common case; a single failure is a list of one.
//
//   Result<Estate> r = ReadEstate(text, "estate.yaml");
//   if (!r.ok()) return r.errors();
//   const Estate& e = r.value();

#include <cassert>
#include <utility>
#include <variant>

#include "common/error.h"

namespace headroom {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}              // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(Errors{std::move(error)}) {}  // NOLINT(google-explicit-constructor)
  // REQUIRES: !errors.empty()
  Result(Errors errors) : state_(std::move(errors)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Errors>(state_).empty());
  }

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(state_); }
  // REQUIRES: ok()
  [[nodiscard]] const T& value() const& { return std::get<T>(state_); }
  [[nodiscard]] T& value() & { return std::get<T>(state_); }
  [[nodiscard]] T&& value() && { return std::get<T>(std::move(state_)); }
  // REQUIRES: !ok()
  [[nodiscard]] const Errors& errors() const { return std::get<Errors>(state_); }
  [[nodiscard]] const Error& error() const { return errors().front(); }

 private:
  std::variant<T, Errors> state_;
};

// Status: success or errors, for operations that return nothing.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : errors_{std::move(error)} {}     // NOLINT(google-explicit-constructor)
  Status(Errors errors) : errors_(std::move(errors)) {}  // NOLINT(google-explicit-constructor)
  static Status Ok() { return {}; }

  [[nodiscard]] bool ok() const { return errors_.empty(); }
  [[nodiscard]] const Errors& errors() const { return errors_; }
  [[nodiscard]] const Error& error() const { return errors_.front(); }

 private:
  Errors errors_;
};

inline Error InvalidError(std::string message, Location where = {}) {
  return Error{ErrorCode::kInvalid, std::move(message), std::move(where)};
}
inline Error UsageError(std::string message) {
  return Error{ErrorCode::kUsage, std::move(message), {}};
}
inline Error NotFoundError(std::string message, Location where = {}) {
  return Error{ErrorCode::kNotFound, std::move(message), std::move(where)};
}
inline Error IoError(std::string message, Location where = {}) {
  return Error{ErrorCode::kIo, std::move(message), std::move(where)};
}
inline Error InternalError(std::string message) {
  return Error{ErrorCode::kInternal, std::move(message), {}};
}
inline Error UnavailableError(std::string message) {
  return Error{ErrorCode::kUnavailable, std::move(message), {}};
}

}  // namespace headroom
