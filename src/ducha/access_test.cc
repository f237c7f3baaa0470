#include "ducha/access.h"

#include <gtest/gtest.h>

namespace mubiao::ducha {
namespace {

Task TaskLedBy(std::string lead, std::string co) {
  Task t;
  t.text = "新增城镇就业6000人";
  t.lead_unit = std::move(lead);
  t.co_units = std::move(co);
  return t;
}

Account Unit(std::string unit) { return {"user", Role::kUnit, "320500", std::move(unit)}; }

TEST(Access, RolesHaveOneNameAndOneChineseLabel) {
  for (Role r : {Role::kAdmin, Role::kUnit, Role::kViewer}) {
    EXPECT_EQ(ParseRole(RoleName(r)), r);
    EXPECT_FALSE(RoleLabel(r).empty());
  }
  EXPECT_EQ(ParseRole("root"), std::nullopt);
  EXPECT_EQ(RoleLabel(Role::kUnit), "承办单位");
}

TEST(Access, AUnitSeesOnlyTheTasksItLeadsOrHelpsWith) {
  const Task task = TaskLedBy("市人社局", "市财政局、市教育局");
  EXPECT_TRUE(CanSeeTask(Unit("市人社局"), task));
  EXPECT_TRUE(CanSeeTask(Unit("市财政局"), task));
  EXPECT_TRUE(CanSeeTask(Unit("市教育局"), task));
  EXPECT_FALSE(CanSeeTask(Unit("市教育"), task));  // a prefix is not the unit
  EXPECT_FALSE(CanSeeTask(Unit("市民政局"), task));
  EXPECT_FALSE(CanSeeTask(Unit(""), TaskLedBy("", "")));
}

TEST(Access, CoUnitsAreSplitAndJoinedByTheSeparator) {
  EXPECT_EQ(SplitUnits(" 市财政局、市教育局 、、"), (std::vector<std::string>{"市财政局", "市教育局"}));
  EXPECT_TRUE(SplitUnits("").empty());
  EXPECT_EQ(JoinUnits({"市财政局", "市教育局"}), "市财政局、市教育局");
  EXPECT_TRUE(IsTaskOf(TaskLedBy("", " 市财政局 、市教育局"), "市财政局"));
}

TEST(Access, CoUnitsReportButOnlyTheLeadUnitAnswers) {
  const Task task = TaskLedBy("市人社局", "市财政局");
  EXPECT_TRUE(CanReport(Unit("市财政局"), task));
  EXPECT_FALSE(CanAnswer(Unit("市财政局"), task));
  EXPECT_TRUE(CanAnswer(Unit("市人社局"), task));
  EXPECT_FALSE(CanReport(Unit("市民政局"), task));
}

TEST(Access, TheOfficeDoesEverythingAndViewersOnlyRead) {
  const Task task = TaskLedBy("市人社局", "");
  const Account office{"ducha", Role::kAdmin, "320500", ""};
  const Account viewer{"kan", Role::kViewer, "320500", ""};
  EXPECT_TRUE(CanSeeTask(office, task) && CanReport(office, task) && CanAnswer(office, task));
  EXPECT_TRUE(CanManage(office));
  EXPECT_TRUE(CanSeeTask(viewer, task));
  EXPECT_FALSE(CanReport(viewer, task) || CanAnswer(viewer, task) || CanManage(viewer));
  EXPECT_FALSE(CanManage(Unit("市人社局")));
}

TEST(Access, AnAccountOpensOnlyItsOwnGovernmentsLedgers) {
  const Account office{"ducha", Role::kAdmin, "320500", ""};
  EXPECT_TRUE(CanReadLedger(office, "320500"));
  EXPECT_FALSE(CanReadLedger(office, "320600"));
  EXPECT_FALSE(CanReadLedger(Account{}, ""));
}

TEST(Access, AccountsAreCheckedWithChineseMessages) {
  EXPECT_TRUE(ValidateAccount({"督查室", Role::kAdmin, "320500", ""}).ok());
  EXPECT_TRUE(ValidateAccount(Unit("市人社局")).ok());
  const Status no_unit = ValidateAccount(Unit(""));
  EXPECT_EQ(no_unit.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(no_unit.message(), "承办单位账号须指定所属单位。");
  EXPECT_FALSE(ValidateAccount({"a b", Role::kViewer, "320500", ""}).ok());
  EXPECT_FALSE(ValidateAccount({"kan", Role::kViewer, "32050", ""}).ok());
  EXPECT_FALSE(ValidateAccount({"kan", Role::kViewer, "320500", "市人社局"}).ok());
  EXPECT_FALSE(ValidateAccount({std::string(33, 'a'), Role::kAdmin, "320500", ""}).ok());
}

TEST(Access, UnitNamesHoldNoSeparatorOrControlCharacter) {
  EXPECT_TRUE(ValidateUnitName("市发展改革委").ok());
  EXPECT_FALSE(ValidateUnitName("").ok());
  EXPECT_FALSE(ValidateUnitName("市人社局、市财政局").ok());
  EXPECT_FALSE(ValidateUnitName("市人社局\n").ok());
  EXPECT_FALSE(ValidateUnitName(std::string(65 * 3, 'a')).ok());
}

}  // namespace
}  // namespace mubiao::ducha
