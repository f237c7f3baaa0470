// Readers' comments: the 验证码 image (/yanzhengma.png) and posting a comment
// (POST /pinglun/<id>). A comment is stored, pending moderation, only when
// every check passes: rate limit, form type, CSRF token, empty honeypot,
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
  if (!state->captcha_limiter.Allow(request.client_ip, state->Now())) {
    HttpResponse response = state->ErrorPage(429, "请求验证码过于频繁，请稍后再试。");
    response.headers.emplace_back("Retry-After",
                                  std::to_string(state->options.captcha_interval_seconds));
    return response;
  }
  const std::string answer = state->captchas.Open(visitor.id, state->Now());
  const std::string font =
      state->options.captcha_font.empty() ? kDefaultCaptchaFont : state->options.captcha_font;
  Result<std::string> png = DrawCaptchaPng(answer, font);
  if (!png.ok()) {
    std::cerr << "mubiao serve: " << png.status().message() << "\n";
    return state->ErrorPage(500, "验证码暂时无法生成。");
  }
  HttpResponse response;
  response.content_type = "image/png";
  response.body = std::move(*png);
  state->SetVisitorCookie(visitor, &response);
  return response;
}

// The trimmed field, or "" when it is only white space.
std::string Trimmed(std::string_view value) { return std::string(text::TrimSpace(value)); }

HttpResponse PostComment(PortalState* state, const HttpRequest& request,
                         const RouteParams& params) {
  const std::string_view id_text = FieldValue(params, "id");
  if (!state->comment_limiter.Allow(request.client_ip, state->Now())) {
    HttpResponse response = state->ErrorPage(429, "评论提交过于频繁，请稍后再试。");
    response.headers.emplace_back("Retry-After",
                                  std::to_string(state->options.comment_interval_seconds));
    return response;
  }
  if (id_text.size() > 15 || id_text.find_first_not_of("0123456789") != std::string_view::npos) {
    return state->ErrorPage(404, "没有找到这篇报告。");
  }
  const Fields form = request.Form();
  if (form.empty()) return state->ErrorPage(415, "请通过页面上的表单提交评论。");
  const Visitor visitor = state->VisitorOf(request);
  if (visitor.fresh || !state->csrf.Valid(visitor.id, std::string(FieldValue(form, "csrf")))) {
    return state->ErrorPage(403, "表单已过期或来源不明，请刷新报告页面后重新提交。");
  }
  if (!FieldValue(form, "website").empty()) {
    return state->ErrorPage(400, "评论未被接受。");
  }
  const std::string author = Trimmed(FieldValue(form, "author"));
  const std::string body = Trimmed(FieldValue(form, "body"));
  if (author.empty() || body.empty()) return state->ErrorPage(400, "请填写称呼和评论内容。");
  if (text::CountCodePoints(author) > kMaxCommentAuthor) {
    return state->ErrorPage(413, "称呼不能超过 " + std::to_string(kMaxCommentAuthor) + " 个字。");
  }
  if (text::CountCodePoints(body) > kMaxCommentBody) {
    return state->ErrorPage(413, "评论不能超过 " + std::to_string(kMaxCommentBody) + " 个字。");
  }
  if (!state->captchas.Check(visitor.id, FieldValue(form, "captcha"), state->Now())) {
    return state->ErrorPage(400, "验证码错误或已过期，请刷新页面后重新输入。");
  }
  const int64_t id = std::stoll(std::string(id_text));
  Result<StorePool::Lease> store = state->pool->Acquire();
  if (!store.ok()) return state->StoreErrorPage(store.status());
  Result<store::StoredDocument> doc = (*store)->GetDocument(id);
  if (!doc.ok()) return state->StoreErrorPage(doc.status());
  Result<int64_t> added = (*store)->AddComment(id, author, body);
  if (!added.ok()) return state->StoreErrorPage(added.status());
  return RedirectResponse(ReportUrl(doc->summary) + "?pinglun=ok#pinglun");
}

// For the browser test only: the answer of the visitor's open captcha.
HttpResponse TestCaptchaAnswer(PortalState* state, const HttpRequest& request) {
  if (!state->options.insecure_test_captcha) return state->ErrorPage(404, "没有找到这个页面。");
  HttpResponse response;
  response.content_type = "text/plain; charset=utf-8";
  response.body = state->captchas.Peek(state->VisitorOf(request).id, state->Now());
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
