// Server-side HTML through ctemplate in auto-escape mode: every template
// begins with {{%AUTOESCAPE context="HTML"}}, so each value is escaped for
// where it stands (text, attribute, URL, script) and nothing reaches the
// page unescaped. Templates are the files under templates/, compiled in.
#ifndef MUBIAO_WEB_TEMPLATES_H_
#define MUBIAO_WEB_TEMPLATES_H_

#include <ctemplate/template.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace mubiao::web {

// Loads every compiled-in template into ctemplate's cache and checks that
// each parses. Safe to call more than once. kInternal naming the template
// that does not parse.
Status LoadTemplates();

// A page being filled in. ctemplate's included templates do not see their
// parent's values, so the layout's parts are reached through their own
// dictionaries.
struct Page {
  std::unique_ptr<ctemplate::TemplateDictionary> dict;  // the page's own values
  ctemplate::TemplateDictionary* head = nullptr;        // layout head: TITLE, section MODERATOR
  ctemplate::TemplateDictionary* foot = nullptr;        // layout foot: section CHARTS
};

// A page with the layout wired in and its title set.
Page NewPage(const std::string& title);

// Fills the PAGER include of `dict` (pager.tpl): links to the pages before
// and after `page` (1-based) of `pages`, made by `url_of_page`.
void AddPager(ctemplate::TemplateDictionary* dict, int page, int pages,
              const std::function<std::string(int)>& url_of_page);

// Expands the template `name` ("home.tpl") with `dict`. kInternal when the
// template is unknown (a bug).
Result<std::string> Render(const std::string& name, const ctemplate::TemplateDictionary& dict);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_TEMPLATES_H_
