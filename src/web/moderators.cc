#include "web/moderators.h"

#include <sodium.h>

#include "text/utf8.h"
#include "web/random.h"

namespace mubiao::web {

Status ValidateModerator(const std::string& name, const std::string& password) {
  if (name.empty() || !text::IsValidUtf8(name) || text::CountCodePoints(name) > kMaxModeratorName) {
    return InvalidInput("moderator name must be 1 to 32 characters");
  }
  size_t pos = 0;
  while (pos < name.size()) {
    const char32_t c = text::DecodeUtf8(name, &pos);
    const bool ascii_ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    if (!ascii_ok && !text::IsHan(c)) {
      return InvalidInput("moderator name may hold letters, digits, _ - . and Chinese characters");
    }
  }
  if (password.size() < kMinPasswordBytes || password.size() > kMaxPasswordBytes) {
    return InvalidInput("password must be 8 to 256 bytes long");
  }
  return Status::Ok();
}

Result<std::string> HashPassword(const std::string& password) {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status(StatusCode::kInternal, "out of memory while hashing the password");
  }
  return std::string(hash);
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string SessionBook::Start(const std::string& name, Clock::time_point now) {
  std::string id = RandomHex(32);
  std::lock_guard lock(mutex_);
  std::erase_if(sessions_, [now](const auto& entry) { return entry.second.expires <= now; });
  sessions_[id] = Session{name, now + kLifetime};
  return id;
}

std::string SessionBook::Find(const std::string& session_id, Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(session_id);
  if (it == sessions_.end() || it->second.expires <= now) return "";
  return it->second.name;
}

void SessionBook::End(const std::string& session_id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(session_id);
}

}  // namespace mubiao::web
