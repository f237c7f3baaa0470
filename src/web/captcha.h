// The 验证码 that guards the comment form: a PNG of distorted characters
// drawn on the server (libgd + FreeType), whose answer never leaves the
// server. Each visitor has at most one open challenge; a new image replaces
// it, an answer is accepted once, and challenges expire.
#ifndef MUBIAO_WEB_CAPTCHA_H_
#define MUBIAO_WEB_CAPTCHA_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "store/store.h"

namespace mubiao::web {

// Characters a challenge is made of: upper-case letters and digits with the
// look-alikes left out (0/O/D/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B, 9, U/V).
inline constexpr std::string_view kCaptchaAlphabet = "ACEFHJKMNPRTWXY347";

// Characters in one challenge.
inline constexpr int kCaptchaLength = 5;

// How long an answer stays valid.
inline constexpr std::chrono::minutes kCaptchaLifetime{5};

// A random answer of kCaptchaLength characters from kCaptchaAlphabet.
std::string NewCaptchaAnswer();

// Draws `answer` as a PNG image (160 x 56 pixels): each character at its own
// size, angle and height, over noise lines and dots, the whole bent by a
// wave. `font_file` is a TrueType font. Errors: kIoError when the font
// cannot be used.
Result<std::string> DrawCaptchaPng(std::string_view answer, const std::string& font_file);

// The font DrawCaptchaPng uses by default (Debian's fonts-dejavu-core).
inline constexpr char kDefaultCaptchaFont[] =
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// Challenges live in the store (SharedKind::kCaptcha, by visitor id), so
// that an image fetched from one portal process is answered on any other.

// Opens a challenge for `visitor`, replacing any earlier one, and returns
// its answer (to draw). Errors: the store's.
Result<std::string> OpenCaptcha(store::Store& store, const std::string& visitor,
                                store::SharedClock::time_point now);

// Checks an answer (case-insensitive, spaces ignored) and closes the
// challenge whether it was right or not, so each image gets one guess.
// False when there is no open challenge, it expired, or the answer is
// wrong. Errors: the store's.
Result<bool> CheckCaptcha(store::Store& store, const std::string& visitor, std::string_view answer,
                          store::SharedClock::time_point now);

// The answer of the visitor's open challenge, without closing it; "" when
// none. Only for the browser test (see PortalOptions::insecure_test_captcha).
Result<std::string> PeekCaptcha(store::Store& store, const std::string& visitor,
                                store::SharedClock::time_point now);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_CAPTCHA_H_
