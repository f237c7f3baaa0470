#include "web/captcha.h"

#include <gd.h>

#include <cmath>
#include <memory>

#include "web/random.h"

namespace mubiao::web {
namespace {

constexpr int kWidth = 160;
constexpr int kHeight = 56;

using Image = std::unique_ptr<gdImage, decltype(&gdImageDestroy)>;

int RandomIn(int low, int high) { return low + static_cast<int>(RandomBelow(high - low + 1)); }

// A dark colour with a random hue, so characters differ from each other.
int InkColour(gdImagePtr image) {
  return gdImageColorAllocate(image, RandomIn(10, 110), RandomIn(10, 110), RandomIn(40, 140));
}

}  // namespace

std::string NewCaptchaAnswer() {
  std::string answer;
  for (int i = 0; i < kCaptchaLength; ++i) {
    answer += kCaptchaAlphabet[RandomBelow(static_cast<uint32_t>(kCaptchaAlphabet.size()))];
  }
  return answer;
}

Result<std::string> DrawCaptchaPng(std::string_view answer, const std::string& font_file) {
  Image flat(gdImageCreateTrueColor(kWidth, kHeight), gdImageDestroy);
  const int paper = gdImageColorAllocate(flat.get(), 246, 243, 235);
  gdImageFilledRectangle(flat.get(), 0, 0, kWidth - 1, kHeight - 1, paper);
  for (int i = 0; i < 6; ++i) {
    const int colour = gdImageColorAllocate(flat.get(), RandomIn(120, 200), RandomIn(120, 200),
                                            RandomIn(120, 200));
    gdImageSetThickness(flat.get(), RandomIn(1, 2));
    gdImageLine(flat.get(), RandomIn(0, kWidth), RandomIn(0, kHeight), RandomIn(0, kWidth),
                RandomIn(0, kHeight), colour);
  }
  const int step = (kWidth - 20) / std::max<int>(1, static_cast<int>(answer.size()));
  for (size_t i = 0; i < answer.size(); ++i) {
    char glyph[2] = {answer[i], '\0'};
    const double angle = (RandomIn(-30, 30)) * M_PI / 180.0;
    const double size = RandomIn(20, 26);
    const int x = 10 + static_cast<int>(i) * step + RandomIn(-2, 4);
    const int y = RandomIn(36, 46);
    int bounds[8];
    const char* error =
        gdImageStringFT(flat.get(), bounds, InkColour(flat.get()),
                        const_cast<char*>(font_file.c_str()), size, angle, x, y, glyph);
    if (error != nullptr) return IoError("captcha font " + font_file + ": " + error);
  }
  // Bend the whole picture with a sine wave of random phase, so characters
  // cannot be cut out along straight lines.
  Image bent(gdImageCreateTrueColor(kWidth, kHeight), gdImageDestroy);
  gdImageFilledRectangle(bent.get(), 0, 0, kWidth - 1, kHeight - 1,
                         gdImageColorAllocate(bent.get(), 246, 243, 235));
  const double phase = RandomIn(0, 628) / 100.0;
  const double amplitude = RandomIn(25, 40) / 10.0;
  for (int x = 0; x < kWidth; ++x) {
    const int shift = static_cast<int>(std::lround(amplitude * std::sin(phase + x / 14.0)));
    for (int y = 0; y < kHeight; ++y) {
      const int from = y + shift;
      if (from >= 0 && from < kHeight) {
        gdImageSetPixel(bent.get(), x, y, gdImageGetTrueColorPixel(flat.get(), x, from));
      }
    }
  }
  for (int i = 0; i < 120; ++i) {
    gdImageSetPixel(bent.get(), RandomIn(0, kWidth - 1), RandomIn(0, kHeight - 1),
                    InkColour(bent.get()));
  }
  int size = 0;
  void* png = gdImagePngPtr(bent.get(), &size);
  if (png == nullptr) return IoError("captcha: cannot encode PNG");
  std::string bytes(static_cast<const char*>(png), static_cast<size_t>(size));
  gdFree(png);
  return bytes;
}

Result<std::string> OpenCaptcha(store::Store& store, const std::string& visitor,
                                store::SharedClock::time_point now) {
  std::string answer = NewCaptchaAnswer();
  Status opened = store.UpdateShared(store::SharedKind::kCaptcha, visitor, now,
                                     [&](const std::optional<store::SharedEntry>&) {
                                       return store::SharedEntry{answer, now + kCaptchaLifetime};
                                     });
  if (!opened.ok()) return opened;
  return answer;
}

Result<bool> CheckCaptcha(store::Store& store, const std::string& visitor, std::string_view answer,
                          store::SharedClock::time_point now) {
  std::string given;
  for (char c : answer) {
    if (c == ' ') continue;
    given += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  }
  std::optional<store::SharedEntry> open;
  Status closed = store.UpdateShared(store::SharedKind::kCaptcha, visitor, now,
                                     [&](const std::optional<store::SharedEntry>& live) {
                                       open = live;
                                       return std::nullopt;
                                     });
  if (!closed.ok()) return closed;
  return open.has_value() && !given.empty() && given == open->value;
}

Result<std::string> PeekCaptcha(store::Store& store, const std::string& visitor,
                                store::SharedClock::time_point now) {
  Result<std::optional<std::string>> open =
      store.ReadShared(store::SharedKind::kCaptcha, visitor, now);
  if (!open.ok()) return open.status();
  return open->value_or("");
}

}  // namespace mubiao::web
