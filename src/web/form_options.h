// The select boxes the search page and the targets explorer share.
#ifndef MUBIAO_WEB_FORM_OPTIONS_H_
#define MUBIAO_WEB_FORM_OPTIONS_H_

#include <ctemplate/template.h>

#include <string_view>

namespace mubiao::web {

// Adds one `section` option per (value, name) pair, marking `selected`.
void AddOptions(ctemplate::TemplateDictionary* dict, const char* section,
                std::initializer_list<std::pair<std::string_view, std::string_view>> options,
                std::string_view selected);

// The level options: 全部, 全国, 省级, 地市级, 县级.
void AddLevelOptions(ctemplate::TemplateDictionary* dict, std::string_view selected);

// The document type options: 全部, 政府工作报告, 统计公报, ….
void AddTypeOptions(ctemplate::TemplateDictionary* dict, std::string_view selected);

}  // namespace mubiao::web

#endif  // MUBIAO_WEB_FORM_OPTIONS_H_
