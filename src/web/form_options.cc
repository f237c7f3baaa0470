#include "web/form_options.h"

#include <string>

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
  AddOptions(dict, "LEVEL",
             {{"", "全部"},
              {"national", "全国"},
              {"province", "省级"},
              {"prefecture", "地市级"},
              {"county", "县级"}},
             selected);
}

}  // namespace mubiao::web
