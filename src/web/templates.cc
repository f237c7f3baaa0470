#include "web/templates.h"

#include <mutex>

#include "web/embedded.h"

namespace mubiao::web {
namespace {

// Every template; each is loaded under its file name.
constexpr const char* kTemplates[] = {
    "layout_head.tpl",  "layout_foot.tpl", "pager.tpl",       "home.tpl",         "region.tpl",
    "report.tpl",       "search.tpl",      "targets.tpl",     "message.tpl",      "login.tpl",
    "moderation.tpl",   "tracking.tpl",    "scorecard.tpl",   "escalation.tpl",   "changes.tpl",
    "shuoming.tpl",     "api.tpl",         "ditu.tpl",        "compare.tpl",      "ducha_home.tpl",
    "ducha_ledger.tpl", "ducha_task.tpl",  "ducha_print.tpl", "ducha_public.tpl", "ducha_admin.tpl",
};

}  // namespace

Status LoadTemplates() {
  static std::once_flag once;
  static Status status;
  std::call_once(once, [] {
    for (const char* name : kTemplates) {
      const std::string text = EmbeddedFile(name);
      if (text.empty() ||
          !ctemplate::StringToTemplateCache(name, text, ctemplate::STRIP_BLANK_LINES)) {
        status = Status(StatusCode::kInternal, std::string("template does not parse: ") + name);
        return;
      }
    }
  });
  return status;
}

Page NewPage(const std::string& title) {
  Page page;
  page.dict = std::make_unique<ctemplate::TemplateDictionary>("page");
  page.head = page.dict->AddIncludeDictionary("HEAD");
  page.head->SetFilename("layout_head.tpl");
  page.head->SetValue("TITLE", title);
  page.foot = page.dict->AddIncludeDictionary("FOOT");
  page.foot->SetFilename("layout_foot.tpl");
  return page;
}

void AddPager(ctemplate::TemplateDictionary* dict, int page, int pages,
              const std::function<std::string(int)>& url_of_page) {
  if (pages <= 1) return;
  ctemplate::TemplateDictionary* pager = dict->AddIncludeDictionary("PAGER");
  pager->SetFilename("pager.tpl");
  pager->SetIntValue("PAGE", page);
  pager->SetIntValue("PAGES", pages);
  if (page > 1) pager->AddSectionDictionary("PREV")->SetValue("URL", url_of_page(page - 1));
  if (page < pages) pager->AddSectionDictionary("NEXT")->SetValue("URL", url_of_page(page + 1));
}

Result<std::string> Render(const std::string& name, const ctemplate::TemplateDictionary& dict) {
  std::string out;
  if (!ctemplate::ExpandTemplate(name, ctemplate::STRIP_BLANK_LINES, &dict, &out)) {
    return Status(StatusCode::kInternal, "cannot expand template " + name);
  }
  return out;
}

}  // namespace mubiao::web
