// Readers' comments: the 验证码 image (/yanzhengma.png) and posting a comment
// (POST /pinglun/<id>). A comment is stored, pending moderation, only when
// every check passes: form type, CSRF token, rate limit, empty honeypot,
// lengths, the captcha (one guess per image) and the document. (Form fields
// are valid UTF-8: the form decoder drops any that are not.)

#include <iostream>

#include "text/utf8.h"
#include "web/labels.h"
#include "web/portal_state.h"

namespace mubiao::web {
namespace {

HttpResponse CaptchaImage(PortalState* state, const HttpRequest& request) {
  const Visitor visitor = state->VisitorOf(request);
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<bool> allowed = state->captcha_limiter.Allow(**store, request.client_ip, state->Now());
  if (!allowed.ok()) return state->StoreErrorPage(allowed.status());
  if (!*allowed) {
    HttpResponse response = state->ErrorPage(429, "请求验证码过于频繁，请稍后再试。");
    response.headers.emplace_back("Retry-After",
                                  std::to_string(state->options.captcha_interval_seconds));
    return response;
  }
  Result<std::string> answer = OpenCaptcha(**store, visitor.id, state->Now());
  if (!answer.ok()) return state->StoreErrorPage(answer.status());
  const std::string font =
      state->options.captcha_font.empty() ? kDefaultCaptchaFont : state->options.captcha_font;
  Result<std::string> png = DrawCaptchaPng(*answer, font);
  if (!png.ok()) {
    std::cerr << "mubiao serve: " << png.status().message() << "\n";
    return state->ErrorPage(500, "验证码暂时无法生成。");
  }
  HttpResponse response;
  response.content_type = "image/png";
  response.body = std::move(*png);
  // Each fetch opens a new challenge: an image a browser kept would show
  // an answer that is no longer open.
  response.headers.emplace_back("Cache-Control", "no-store");
  state->SetVisitorCookie(visitor, &response);
  return response;
}

// The trimmed field, or "" when it is only white space.
std::string Trimmed(std::string_view value) { return std::string(text::TrimSpace(value)); }

// "称呼不能超过 32 个字（现有 40 个字）。"
std::string TooLong(const char* what, size_t limit, size_t count) {
  return std::string(what) + "不能超过 " + std::to_string(limit) + " 个字（现有 " +
         std::to_string(count) + " 个字）。";
}

// Fills the reasons a comment's name and text are refused; false when
// there is none.
bool FaultsInText(CommentForm* form) {
  const std::string author = Trimmed(form->author);
  const std::string body = Trimmed(form->body);
  if (author.empty()) {
    form->author_error = "请填写称呼。";
  } else if (const size_t n = text::CountCodePoints(author); n > kMaxCommentAuthor) {
    form->author_error = TooLong("称呼", kMaxCommentAuthor, n);
  }
  if (body.empty()) {
    form->body_error = "请填写评论内容。";
  } else if (const size_t n = text::CountCodePoints(body); n > kMaxCommentBody) {
    form->body_error = TooLong("评论", kMaxCommentBody, n);
  }
  return !form->author_error.empty() || !form->body_error.empty();
}

// POST /pinglun/<id>. A refused comment comes back as the report page with
// the form as the reader left it, the reason beside its field and a new
// 验证码: 403 for a bad form token (the text kept only for a known visitor:
// a post from another site arrives without the cookie), 429 over the rate
// limit, 422 for a fault in the text or the 验证码. 换一张 (field huan, for
// readers without scripts) answers the same page with a new image and
// counts against nothing. Bots (the honeypot) and posts that are not forms
// get a plain error page.
HttpResponse PostComment(PortalState* state, const HttpRequest& request,
                         const RouteParams& params) {
  const std::string_view id_text = FieldValue(params, "id");
  if (id_text.size() > 15 || id_text.empty() ||
      id_text.find_first_not_of("0123456789") != std::string_view::npos) {
    return state->ErrorPage(404, "没有找到这篇报告。");
  }
  const int64_t id = std::stoll(std::string(id_text));
  const Fields form = request.Form();
  if (form.empty()) return state->ErrorPage(415, "请通过页面上的表单提交评论。");
  const Visitor visitor = state->VisitorOf(request);
  CommentForm kept;
  if (visitor.fresh || !state->csrf.Valid(visitor.id, std::string(FieldValue(form, "csrf")))) {
    if (!visitor.fresh) {
      kept.author = FieldValue(form, "author");
      kept.body = FieldValue(form, "body");
    }
    kept.form_error = "表单已过期或来源不明，评论没有提交。请输入新的验证码后重新提交。";
    return ReportPageWithForm(state, request, id, kept, 403);
  }
  kept.author = FieldValue(form, "author");
  kept.body = FieldValue(form, "body");
  if (!FieldValue(form, "huan").empty()) return ReportPageWithForm(state, request, id, kept, 200);
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<bool> allowed = state->comment_limiter.Allow(**store, request.client_ip, state->Now());
  if (!allowed.ok()) return state->StoreErrorPage(allowed.status());
  if (!*allowed) {
    const std::string wait = std::to_string(state->options.comment_interval_seconds);
    kept.form_error = "评论提交过于频繁，请 " + wait + " 秒后再试。评论内容已保留。";
    HttpResponse response = ReportPageWithForm(state, request, id, kept, 429);
    response.headers.emplace_back("Retry-After", wait);
    return response;
  }
  if (!FieldValue(form, "website").empty()) {
    return state->ErrorPage(400, "评论未被接受。");
  }
  if (FaultsInText(&kept)) return ReportPageWithForm(state, request, id, kept, 422);
  const std::string_view captcha = FieldValue(form, "captcha");
  Result<bool> solved = CheckCaptcha(**store, visitor.id, captcha, state->Now());
  if (!solved.ok()) return state->StoreErrorPage(solved.status());
  if (!*solved) {
    kept.captcha_error = text::TrimSpace(captcha).empty()
                             ? "请填写验证码。"
                             : "验证码不对或已过期，请按新的图片重新输入。";
    return ReportPageWithForm(state, request, id, kept, 422);
  }
  Result<store::StoredDocument> doc = (*store)->GetDocument(id);
  if (!doc.ok()) return state->StoreErrorPage(doc.status());
  Result<int64_t> added = (*store)->AddComment(id, Trimmed(kept.author), Trimmed(kept.body));
  if (!added.ok()) return state->StoreErrorPage(added.status());
  return RedirectResponse(ReportUrl(doc->summary) + "?pinglun=ok#pinglun");
}

// For the browser test only: the answer of the visitor's open captcha.
HttpResponse TestCaptchaAnswer(PortalState* state, const HttpRequest& request) {
  if (!state->options.insecure_test_captcha) return state->ErrorPage(404, "没有找到这个页面。");
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<std::string> answer = PeekCaptcha(**store, state->VisitorOf(request).id, state->Now());
  if (!answer.ok()) return state->StoreErrorPage(answer.status());
  HttpResponse response;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(*answer);
  return response;
}

}  // namespace

void AddCommentRoutes(PortalState* state) {
  state->router.Add("GET", "/yanzhengma.png",
                    [state](const HttpRequest& request, const RouteParams&) {
                      return CaptchaImage(state, request);
                    });
  state->router.Add("POST", "/pinglun/{id}",
                    [state](const HttpRequest& request, const RouteParams& params) {
                      return PostComment(state, request, params);
                    });
  state->router.Add("GET", "/ceshi/yanzhengma",
                    [state](const HttpRequest& request, const RouteParams&) {
                      return TestCaptchaAnswer(state, request);
                    });
}

}  // namespace mubiao::web
