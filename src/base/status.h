// Errors as values. Every operation that can fail returns a Status or a
// Result<T>; no exception crosses a module boundary.
#ifndef MUBIAO_BASE_STATUS_H_
#define MUBIAO_BASE_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace mubiao {

// The broad class of a failure, so callers can react without parsing text.
enum class StatusCode {
  kOk = 0,
  kInvalidInput,  // the input is malformed, empty, binary, or not what was expected
  kUnsupported,   // the input is well formed but of a kind we do not handle
  kNotFound,      // a file, record or name does not exist
  kTooLarge,      // the input exceeds a configured limit
  kIoError,       // the operating system refused a read or write
  kReadOnly,      // the database refuses writes (a read-only file, a standby server)
  kConflict,      // a change made from a stale read: someone else changed the record first
  kPermission,    // the one asking may not read or change this
  kInternal,      // a broken invariant: a bug in mubiao
};

// The outcome of an operation: ok, or a code with a one-line human-readable
// message saying what failed (without the file name; callers add context).
// [[nodiscard]]: a caller handles it, or drops it visibly
// (static_cast<void>) with a comment saying why that is right.
class [[nodiscard]] Status {
 public:
  // An ok status.
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // The message; empty when ok().
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidInput(std::string message) {
  return Status(StatusCode::kInvalidInput, std::move(message));
}
inline Status Unsupported(std::string message) {
  return Status(StatusCode::kUnsupported, std::move(message));
}
inline Status NotFound(std::string message) {
  return Status(StatusCode::kNotFound, std::move(message));
}
inline Status TooLarge(std::string message) {
  return Status(StatusCode::kTooLarge, std::move(message));
}
inline Status IoError(std::string message) {
  return Status(StatusCode::kIoError, std::move(message));
}
inline Status PermissionDenied(std::string message) {
  return Status(StatusCode::kPermission, std::move(message));
}

// A value of type T, or the Status saying why there is none.
// Accessing value() on an error is a programming error (checked by assert).
// [[nodiscard]] like Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  // The error; an ok Status when this holds a value.
  Status status() const { return ok() ? Status() : std::get<Status>(state_); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace mubiao

#endif  // MUBIAO_BASE_STATUS_H_
