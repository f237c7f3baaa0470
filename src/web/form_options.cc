#include "web/form_options.h"

#include <string>

#include "regions/gazetteer.h"
#include "report/report.h"

namespace mubiao::web {

void AddOptions(ctemplate::TemplateDictionary* dict, const char* section,
                std::initializer_list<std::pair<std::string_view, std::string_view>> options,
                std::string_view selected) {
  for (const auto& [value, name] : options) {
    ctemplate::TemplateDictionary* option = dict->AddSectionDictionary(section);
    option->SetValue("VALUE", std::string(value));
    option->SetValue("NAME", std::string(name));
    if (value == selected) option->ShowSection("SELECTED");
  }
}

void AddLevelOptions(ctemplate::TemplateDictionary* dict, std::string_view selected) {
  AddOptions(dict, "LEVEL", {{"", "全部"}}, selected);
  for (regions::RegionLevel level : regions::kAllRegionLevels) {
    AddOptions(dict, "LEVEL", {{regions::RegionLevelName(level), regions::RegionLevelLabel(level)}},
               selected);
  }
}

void AddTypeOptions(ctemplate::TemplateDictionary* dict, std::string_view selected) {
  AddOptions(dict, "TYPE", {{"", "全部"}}, selected);
  for (report::DocType type : report::kAllDocTypes) {
    AddOptions(dict, "TYPE", {{report::DocTypeKey(type), report::DocTypeName(type)}}, selected);
  }
}

}  // namespace mubiao::web
