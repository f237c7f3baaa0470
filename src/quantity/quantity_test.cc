#include "quantity/quantity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <random>
#include <string>
#include <vector>

#include "quantity/lexicon.h"
#include "quantity/work_count.h"
#include "text/utf8.h"

namespace mubiao::quantity {
namespace {

// The one quantity FindQuantities finds in `text`; fails the test otherwise.
Quantity Only(const std::string& text) {
  std::vector<Quantity> found = FindQuantities(text);
  EXPECT_EQ(found.size(), 1u) << text;
  if (found.size() != 1) return Quantity{};
  return found[0];
}

std::string Texts(const std::vector<Quantity>& qs) {
  std::string out;
  for (const Quantity& q : qs) out += "[" + q.text + "]";
  return out;
}

double Number(const std::string& text, NumberSyntax syntax = NumberSyntax::kLenient) {
  Result<double> r = ParseNumber(text, syntax);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().message();
  return r.ok() ? *r : std::nan("");
}

// A text and the number it stands for.
struct NumberCase {
  const char* text;
  double value;
};

// Number(text, syntax) is exactly each case's value.
void ExpectNumbers(std::initializer_list<NumberCase> cases,
                   NumberSyntax syntax = NumberSyntax::kLenient) {
  for (const NumberCase& c : cases) EXPECT_EQ(Number(c.text, syntax), c.value) << c.text;
}

// The quantity ParseQuantity makes of each case's text has the case's value.
void ExpectParsedValues(std::initializer_list<NumberCase> cases) {
  for (const NumberCase& c : cases) {
    Result<Quantity> q = ParseQuantity(c.text);
    ASSERT_TRUE(q.ok()) << c.text << ": " << q.status().message();
    EXPECT_EQ(q->value, c.value) << c.text;
  }
}

// FindQuantities finds nothing in any of `texts`.
void ExpectNoQuantities(std::initializer_list<const char*> texts) {
  for (const char* text : texts) {
    EXPECT_TRUE(FindQuantities(text).empty()) << text << " gave " << Texts(FindQuantities(text));
  }
}

// The one quantity FindQuantities finds in each case's text has the case's value.
void ExpectValues(std::initializer_list<NumberCase> cases) {
  for (const NumberCase& c : cases) EXPECT_EQ(Only(c.text).value, c.value) << c.text;
}

// --- Lexicons --------------------------------------------------------------------

TEST(Lexicons, LoadFromTheCompiledInFiles) {
  const internal::Lexicons& lex = internal::Lexicons::Get();
  const internal::NumeralChar* wan = lex.Numeral(U'万');
  ASSERT_NE(wan, nullptr);
  EXPECT_EQ(wan->role, internal::NumeralRole::kScale);
  EXPECT_EQ(wan->value, 10000);
  ASSERT_NE(lex.Numeral(U'陆'), nullptr);
  EXPECT_TRUE(lex.Numeral(U'陆')->financial);
  EXPECT_EQ(lex.Numeral(U'的'), nullptr);
  size_t end = 0;
  const std::string text = "个百分点以上";
  const int unit = lex.units().LongestMatch(text, 0, &end);
  ASSERT_GE(unit, 0);
  EXPECT_EQ(lex.unit(unit).unit, "个百分点");  // the longest unit, not 个
  EXPECT_EQ(end, std::string("个百分点").size());
  const int bound = lex.comparators().LongestMatch("以上", 0, &end);
  ASSERT_GE(bound, 0);
  EXPECT_TRUE(lex.comparator(bound).after);
  EXPECT_EQ(ComparatorSymbol(lex.comparator(bound).cmp), ">=");
  EXPECT_GE(lex.non_quantities().LongestMatch("十四五规划", 0, &end), 0);
}

TEST(Lexicons, KindNames) {
  EXPECT_EQ(QuantityKindName(QuantityKind::kPercentagePoint), "percentage_point");
  EXPECT_EQ(QuantityKindName(QuantityKind::kArea), "area");
  EXPECT_EQ(QuantityKindName(QuantityKind::kNumber), "number");
}

// --- ParseNumber: Arabic numbers ---------------------------------------------------

TEST(ParseNumber, ArabicWithSeparatorsDecimalsAndFullWidthDigits) {
  ExpectNumbers({
      {"6000", 6000},
      {"1,050,000", 1050000},
      {"４，５６５", 4565},  // full-width digits and comma
      {"１２．５", 12.5},
      {"0.25", 0.25},
      {"-3.5", -3.5},
      {"负10", -10},
  });
  EXPECT_FALSE(ParseNumber("1,05").ok());  // a separator needs three digits after it
}

TEST(ParseNumber, NotationOnlyAWholeStringTakes) {
  ExpectNumbers({
      {"2e5", 200000},
      {"-12e-1", -1.2},
      {"2^5", 32},
      {"1.5k", 1500},
      {"3M", 3000000},
      {".5", 0.5},
  });
}

// --- ParseNumber: Chinese numerals ---------------------------------------------------

TEST(ParseNumber, ChineseDigitsPlacesAndScales) {
  ExpectNumbers({
      {"零", 0},
      {"〇", 0},
      {"十", 10},
      {"十五", 15},
      {"二十", 20},
      {"一百零五", 105},
      {"两千", 2000},
      {"三千零三", 3003},
      {"四万五千六百二十二", 45622},
      {"一亿零六", 100000006},
      {"十万零一", 100001},
      {"一千一百一十一万一千一百一十一亿", 1111111100000000},
  });
}

TEST(ParseNumber, FinancialTraditionalAndContractedForms) {
  ExpectNumbers({
      {"壹佰贰拾叁", 123},
      {"肆仟伍佰陆拾柒", 4567},
      {"玖拾捌", 98},
      {"三萬", 30000},
      {"二億", 200000000},
      {"廿三", 23},
      {"卅", 30},
      {"一萬零卌", 10040},
  });
}

TEST(ParseNumber, ScalesCompoundAndMixWithArabic) {
  ExpectNumbers({
      {"1.3万亿", 1.3e12},
      {"7.61万", 76100},  // exact, not 76100.00000000001
      {"3千万", 30000000},
      {"四万万", 400000000},
      {"200亿零四千230", 20000004230},
      {"3万4000", 34000},
      {"1,100.9亿", 110090000000},
      {"二十点一万", 201000},
  });
}

TEST(ParseNumber, LastDigitAfterAPlaceWordIsTheNextPlaceDown) {
  ExpectNumbers({
      {"三万五", 35000},
      {"两千四百五", 2450},
      {"一千陆", 1600},
      {"千三", 1300},
      {"百二万", 1200000},
      {"一百二十万三", 1203000},
  });
  // ... but not after 零, and a digit multiplied by a scale is no last digit.
  EXPECT_EQ(Number("三万零五"), 30005);
  EXPECT_EQ(Number("5亿1万"), 500010000);
}

TEST(ParseNumber, DecimalsWithDian) {
  ExpectNumbers({
      {"三点一四", 3.14},
      {"零点零五", 0.05},
      {"一百零一点五", 101.5},
      {"两千三点一", 2300.1},
      {"負十點五", -10.5},
  });
}

TEST(ParseNumber, DigitStringsAreReadDigitByDigit) {
  ExpectNumbers({
      {"二〇二三", 2023},
      {"二○二三", 2023},  // U+25CB, often typed for 〇
      {"一二三", 123},
      {"零一", 1},
      {"幺八九", 189},
  });
  EXPECT_FALSE(ParseNumber("两两").ok());  // "in pairs", not 22
}

TEST(ParseNumber, ApproximationsKeepTheNumberWritten) {
  ExpectNumbers({
      {"十余万", 100000},
      {"300多", 300},
      {"二十几万", 200000},
      {"十 余 万", 100000},
  });  // spaces are ignored in whole strings
}

TEST(ParseNumber, FractionsAndHalves) {
  EXPECT_DOUBLE_EQ(Number("三分之一"), 1.0 / 3);
  EXPECT_EQ(Number("四分之三"), 0.75);
  EXPECT_EQ(Number("一千分之一"), 0.001);
  EXPECT_DOUBLE_EQ(Number("三又三分之一"), 10.0 / 3);
  ExpectNumbers(
      {{"负一又二分之一", -1.5}, {"3/4", 0.75}, {"1 3/5", 1.6}, {"一半", 0.5}, {"半百", 50}});
}

TEST(ParseNumber, CountedSetsAndWrittenAmounts) {
  ExpectNumbers(
      {{"三个", 3}, {"一打", 12}, {"五对", 10}, {"壹拾壹元整", 11}, {"玖佰元叁角捌分", 900.38}});
}

TEST(ParseNumber, RefusesWhatIsNotOneNumber) {
  EXPECT_FALSE(ParseNumber("").ok());
  EXPECT_FALSE(ParseNumber("万").ok());
  EXPECT_FALSE(ParseNumber("一切").ok());
  EXPECT_FALSE(ParseNumber("四川").ok());
  EXPECT_FALSE(ParseNumber("三四十万").ok());  // a range
  EXPECT_FALSE(ParseNumber("5%").ok());        // a percentage
  EXPECT_FALSE(ParseNumber("5吨").ok());       // a quantity of a unit
  EXPECT_FALSE(ParseNumber("约5").ok());       // a bound
  EXPECT_FALSE(ParseNumber("十七十八").ok());  // two numbers
  EXPECT_FALSE(ParseNumber("第五").ok());      // an ordinal
  EXPECT_FALSE(ParseNumber("\xFF\xFE").ok());  // not UTF-8
  Result<double> leftover = ParseNumber("12abc");
  ASSERT_FALSE(leftover.ok());
  EXPECT_EQ(leftover.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(leftover.status().message().find("abc"), std::string::npos);
}

TEST(ParseNumber, StrictTakesOnlyTheCanonicalWrittenForm) {
  const NumberSyntax strict = NumberSyntax::kStrict;
  ExpectNumbers({{"十一", 11},
                 {"一十一", 11},
                 {"一千零一十", 1010},
                 {"一千零十", 1010},
                 {"十万零一", 100001},
                 {"一亿一千万", 110000000},
                 {"一万零五百", 10500},
                 {"一万五千", 15000},
                 {"一亿零五百万", 105000000},
                 {"一亿十万", 100100000},
                 {"零点零一", 0.01},
                 {"负二十", -20},
                 {"壹佰元整", 100},
                 {"伍元陆角", 5.6}},
                strict);
  for (const char* bad :
       {"三万五", "一百十一", "一千一十", "十万零一千", "零点五零", "〇", "一二三", "10万",
        "十余万", "壹佰元", "百十一", "点五", "-五", "一万五百", "一万零五千", "一亿五百"}) {
    EXPECT_FALSE(ParseNumber(bad, strict).ok()) << bad;
  }
}

// --- ParseQuantity ------------------------------------------------------------------

TEST(ParseQuantity, FoldsTheScaleAndKeepsTheUnit) {
  Result<Quantity> q = ParseQuantity("58万亩以上");
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_EQ(q->value, 580000);
  EXPECT_EQ(q->unit, "亩");
  EXPECT_EQ(q->kind, QuantityKind::kArea);
  EXPECT_EQ(q->cmp, Comparator::kAtLeast);
  EXPECT_EQ(q->span, (text::Span{0, std::string("58万亩以上").size()}));
  EXPECT_EQ(q->text, "58万亩以上");
}

TEST(ParseQuantity, PercentForms) {
  EXPECT_EQ(ParseQuantity("百分之五")->value, 5);
  EXPECT_EQ(ParseQuantity("百分之五")->unit, "%");
  EXPECT_DOUBLE_EQ(ParseQuantity("千分之２．４")->value, 0.24);
  ExpectParsedValues({
      {"７５％", 75},
      {"九成", 90},
      {"七成六", 76},
      {"三成半", 35},
      {"八折", 80},
      {"百分百", 100},
  });
  EXPECT_EQ(ParseQuantity("两个百分点")->unit, "个百分点");
  EXPECT_EQ(ParseQuantity("百分之3.2k")->value, 3200);
}

TEST(ParseQuantity, RefusesDatesAndLeftovers) {
  EXPECT_FALSE(ParseQuantity("2023年").ok());
  EXPECT_FALSE(ParseQuantity("6月").ok());
  EXPECT_FALSE(ParseQuantity("58万亩土地").ok());
  EXPECT_FALSE(ParseQuantity("   ").ok());
}

// --- FindQuantities: the examples of TARGETS.md -----------------------------------

TEST(FindQuantities, TargetExamples) {
  Quantity q = Only("粮食播种面积稳定在58万亩以上");
  EXPECT_EQ(q.text, "58万亩以上");
  EXPECT_EQ(q.value, 580000);
  EXPECT_EQ(q.unit, "亩");
  EXPECT_EQ(ComparatorSymbol(q.cmp), ">=");

  q = Only("城镇调查失业率5.5%左右");
  EXPECT_EQ(q.value, 5.5);
  EXPECT_EQ(q.unit, "%");
  EXPECT_EQ(ComparatorSymbol(q.cmp), "~");
  EXPECT_TRUE(q.approx);

  q = Only("地区生产总值增长4.5%至5%");
  EXPECT_EQ(q.value, 4.5);
  EXPECT_EQ(q.value_max, 5);
  EXPECT_EQ(q.unit, "%");
  EXPECT_EQ(ComparatorSymbol(q.cmp), "range");

  q = Only("城镇化率提高6.5个百分点");
  EXPECT_EQ(q.value, 6.5);
  EXPECT_EQ(q.unit, "个百分点");  // never folded into %
  EXPECT_EQ(q.kind, QuantityKind::kPercentagePoint);

  EXPECT_EQ(Only("粮食总产量达到7.61万吨").value, 76100);
  EXPECT_EQ(Only("新增城镇就业6000人").unit, "人");
  EXPECT_EQ(Only("新增学位1.3万个").value, 13000);
  EXPECT_EQ(Only("创建示范性家庭农场3家").unit, "家");
  EXPECT_EQ(Only("安排专项债券3.8万亿元").value, 3.8e12);
  EXPECT_EQ(ComparatorSymbol(Only("赤字率控制在3%以内").cmp), "<=");
  EXPECT_EQ(Only("赤字率控制在3%以内").text, "控制在3%以内");
  EXPECT_TRUE(FindQuantities("PM2.5浓度下降").empty());
  EXPECT_TRUE(FindQuantities("构建“1+11+7”现代产业体系").empty());
  EXPECT_TRUE(FindQuantities("第五届运动会").empty());
  EXPECT_TRUE(FindQuantities("2023年2月27日在第一次会议上").empty());
}

TEST(FindQuantities, OffsetsAreInTheOriginalText) {
  const std::string text = "新增６０００人，增长５．５％左右";
  std::vector<Quantity> found = FindQuantities(text);
  ASSERT_EQ(found.size(), 2u) << Texts(found);
  EXPECT_EQ(text.substr(found[0].span.begin, found[0].span.size()), "６０００人");
  EXPECT_EQ(found[0].text, "６０００人");
  EXPECT_EQ(found[0].value, 6000);
  EXPECT_EQ(found[1].text, "５．５％左右");
  EXPECT_EQ(found[1].value, 5.5);
  EXPECT_EQ(found[1].span.end, text.size());
}

// --- FindQuantities: numbers -----------------------------------------------------------

TEST(FindQuantities, NumberForms) {
  ExpectValues({
      {"共有1,050家企业", 1050},
      {"投资３０００万元", 30000000},
      {"人口一百二十万", 1200000},
      {"全年三万五千人", 35000},
      {"达到三万五", 35000},
      {"新建壹佰贰拾所学校", 120},
      {"投资二十億元", 2e9},
      {"累计一百零五人", 105},
      {"共一百零五，", 105},  // a Chinese numeral standing alone
      {"建成廿三座", 23},
      {"增加两个", 2},
      {"完成投资1.2亿元", 1.2e8},
      {"减少三分之一", 1.0 / 3},
      {"降低-3%", -3},
      {"下降负0.5个百分点", -0.5},
      {"增长为负2%", -2},
      {"再减轻企业税负120亿元", 1.2e10},  // 税负 is a word, not a sign
  });
}

TEST(FindQuantities, ScaleWordsFoldIntoTheValue) {
  const Quantity q = Only("装机容量达到200万千瓦");
  EXPECT_EQ(q.value, 2000000);
  EXPECT_EQ(q.unit, "千瓦");  // 千瓦 is a unit, so 千 is no scale here
  EXPECT_EQ(Only("建成3千米绿道").unit, "千米");
  EXPECT_EQ(Only("粮食产量1.3万亿斤").value, 1.3e12);
  EXPECT_EQ(Only("年用电量1.2亿度").value, 1.2e8);
  EXPECT_EQ(Only("新增100兆瓦").unit, "兆瓦");  // not 10^14 瓦
}

TEST(FindQuantities, UnitsOfEveryKind) {
  const struct {
    const char* text;
    const char* unit;
    QuantityKind kind;
  } kCases[] = {
      {"新增5公顷", "公顷", QuantityKind::kArea},
      {"改造2万平方米", "平方米", QuantityKind::kArea},
      {"面积15平方公里", "平方公里", QuantityKind::kArea},
      {"产量20万吨", "吨", QuantityKind::kMass},
      {"储备30万斤", "斤", QuantityKind::kMass},
      {"每人5公斤", "公斤", QuantityKind::kMass},
      {"收购烟叶17万担", "担", QuantityKind::kMass},
      {"白酒产量5万千升", "千升", QuantityKind::kVolume},
      {"收入10万元", "元", QuantityKind::kMoney},
      {"出口3亿美元", "美元", QuantityKind::kMoney},
      {"培训5000人次", "人次", QuantityKind::kPeople},
      {"帮扶300户", "户", QuantityKind::kPeople},
      {"招聘50名", "名", QuantityKind::kPeople},
      {"新建8所学校", "所", QuantityKind::kCount},
      {"建设12座桥梁", "座", QuantityKind::kCount},
      {"实施50项工程", "项", QuantityKind::kCount},
      {"开通6条线路", "条", QuantityKind::kCount},
      {"增加20班次", "班次", QuantityKind::kCount},
      {"购置30辆公交车", "辆", QuantityKind::kCount},
      {"新建公路120公里", "公里", QuantityKind::kLength},
      {"治理河道3000米", "米", QuantityKind::kLength},
      {"蓄水5000立方米", "立方米", QuantityKind::kVolume},
      {"土方50万方", "立方米", QuantityKind::kVolume},
      {"发电30亿千瓦时", "千瓦时", QuantityKind::kEnergy},
      {"节能5万吨标准煤", "吨标准煤", QuantityKind::kEnergy},
      {"增长1.5倍", "倍", QuantityKind::kMultiple},
      {"办结时限5个工作日", "个工作日", QuantityKind::kTime},
      {"用3年时间", "年", QuantityKind::kTime},
      {"收入3.5万元/人", "元/人", QuantityKind::kMoney},
  };
  for (const auto& c : kCases) {
    const Quantity q = Only(c.text);
    EXPECT_EQ(q.unit, c.unit) << c.text;
    EXPECT_EQ(q.kind, c.kind) << c.text;
  }
}

TEST(FindQuantities, PercentagesAndPercentagePointsStayApart) {
  EXPECT_EQ(Only("增长６．５％").unit, "%");
  EXPECT_EQ(Only("覆盖率百分之九十五").value, 95);
  EXPECT_EQ(Only("覆盖率百分之九十五").unit, "%");
  EXPECT_EQ(Only("自然增长率千分之五以内").value, 0.5);
  EXPECT_EQ(Only("控制在5‰以内").value, 0.5);
  EXPECT_EQ(Only("提高0.5个百分点").unit, "个百分点");
  EXPECT_EQ(Only("下降2百分点").unit, "个百分点");
  EXPECT_EQ(Only("覆盖率达九成以上").value, 90);
}

// --- FindQuantities: bounds and approximations -----------------------------------------

TEST(FindQuantities, BoundWordsBeforeAndAfter) {
  const struct {
    const char* text;
    const char* cmp;
    bool approx;
  } kCases[] = {
      {"增长6%以上", ">=", false}, {"增长6%以下", "<=", false},  {"控制在3%以内", "<=", false},
      {"不低于90%", ">=", false},  {"不少于200人", ">=", false}, {"不超过5%", "<=", false},
      {"超过1万人", ">=", false},  {"突破100亿元", ">=", false}, {"达到7.61万吨", ">=", false},
      {"约300万元", "~", true},    {"增长5%左右", "~", true},    {"3%上下", "~", true},
      {"近700万元", "~", true},    {"逾200家", ">=", true},      {"新增1200万人", "", false},
  };
  for (const auto& c : kCases) {
    const Quantity q = Only(c.text);
    EXPECT_EQ(ComparatorSymbol(q.cmp), c.cmp) << c.text;
    EXPECT_EQ(q.approx, c.approx) << c.text;
  }
  // The word after wins over the word before.
  EXPECT_EQ(ComparatorSymbol(Only("约5%左右").cmp), "~");
  EXPECT_EQ(Only("达到58万亩以上").text, "达到58万亩以上");
  // 近三年 is "the last three years": no bound.
  EXPECT_EQ(ComparatorSymbol(Only("近三年").cmp), "");
  EXPECT_EQ(Only("近三年").text, "三年");
}

TEST(FindQuantities, YuAndDuoMeanMoreThanTheNumberWritten) {
  for (const char* text : {"十余万人", "300多家企业", "二十几万", "一千多万元", "2000余元"}) {
    const Quantity q = Only(text);
    EXPECT_EQ(ComparatorSymbol(q.cmp), ">=") << text;
    EXPECT_TRUE(q.approx) << text;
    EXPECT_FALSE(q.value_max) << text;
  }
  ExpectValues({
      {"十余万人", 100000},
      {"300多家企业", 300},
      {"三十万多亿元", 3e13},
  });
}

TEST(FindQuantities, Ranges) {
  const struct {
    const char* text;
    double low;
    double high;
    const char* unit;
  } kCases[] = {
      {"增长4.5%至5%", 4.5, 5, "%"},
      {"增长5%—6%", 5, 6, "%"},
      {"增长5%-6%", 5, 6, "%"},
      {"增长7%~8%", 7, 8, "%"},
      {"增长7%～8%", 7, 8, "%"},
      {"增长4.5—5%", 4.5, 5, "%"},
      {"投资5到6万元", 50000, 60000, "元"},
      {"1万-5万元", 10000, 50000, "元"},
      {"十八至三十万人", 180000, 300000, "人"},
      {"从8500到3万元", 8500, 30000, "元"},
      {"三四十万人", 300000, 400000, "人"},
      {"十七八万", 170000, 180000, ""},
      {"三五百家", 300, 500, "家"},
      {"一两个", 1, 2, "个"},
      {"数十亿元", 1e9, 1e10, "元"},
      {"百分之三十到四十", 30, 40, "%"},
      {"在20和30之间", 20, 30, ""},
      {"3—5年", 3, 5, "年"},
  };
  for (const auto& c : kCases) {
    const Quantity q = Only(c.text);
    EXPECT_EQ(q.value, c.low) << c.text;
    ASSERT_TRUE(q.value_max) << c.text;
    EXPECT_EQ(*q.value_max, c.high) << c.text;
    EXPECT_EQ(q.unit, c.unit) << c.text;
    EXPECT_EQ(ComparatorSymbol(q.cmp), "range") << c.text;
  }
  EXPECT_TRUE(Only("三四十万人").approx);
  EXPECT_FALSE(Only("增长4.5%至5%").approx);
  EXPECT_EQ(Only("增长4.5%至5%之间").text, "4.5%至5%之间");
  // No range when the second is smaller or a different unit.
  EXPECT_EQ(FindQuantities("从10个减到5个").size(), 2u);
  EXPECT_EQ(FindQuantities("5个到6家").size(), 2u);
}

// --- FindQuantities: what is not a quantity --------------------------------------------

TEST(FindQuantities, OrdinalsDatesAndClockTimes) {
  ExpectNoQuantities({"第五届",
                      "第二批",
                      "第十一次党代会",
                      "2023年2月27日",
                      "2023年",
                      "二〇二三年",
                      "二○二三年工作安排",
                      "6月底前",
                      "1-11月",
                      "2021—2025年",
                      "8:30开会",
                      "上午10点",
                      "五点三十五分",
                      "三季度",
                      "前三季度",
                      "一季度",
                      "周一",
                      "星期三",
                      "初五",
                      "建党100周年",
                      "2023-02-27",
                      "2023/5/6",
                      "3号线",
                      "1号文件"});
}

TEST(FindQuantities, NamesLabelsAndFormulas) {
  ExpectNoQuantities({"PM2.5",      "PM10",       "“1+11+7”", "十四五",     "“十四五”规划",
                      "十三五时期", "两山理论",   "四个不摘", "双减",       "5G基站",
                      "G107国道",   "COVID-19",   "3D打印",   "4A级景区",   "H7N9",
                      "“两个确保”", "“三个一批”", "八项规定", "五位一体",   "一带一路",
                      "7×24小时",   "一村一品",   "一户一策", "一对一帮扶", "版本1.2.3",
                      "电话0371",   "2.2本计划"});
}

TEST(FindQuantities, OutlineNumbersAndEnumerators) {
  ExpectNoQuantities({"一、总体要求", "（七）加快发展", "(1)推进改革", "1.推进改革", "1、推进改革",
                      "一是加强", "二是推进", "十、其他"});
}

TEST(FindQuantities, IdiomsAndFixedWords) {
  ExpectNoQuantities(
      {"一批项目",   "一体化发展",     "一流大学",     "一些问题", "一系列政策", "进一步推进",
       "统一大市场", "万物互联",       "千方百计",     "三农工作", "新一轮改革", "一次性补贴",
       "最多跑一次", "一成不变",       "一度攀升",     "三方协议", "千亿级产业", "千万不要",
       "党的二十大", "十九届五中全会", "郑州六十七中", "一切",     "四川",       "陆地",
       "队伍",       "收拾",           "放肆",         "登陆部队", "两岸",       "千家万户",
       "三番五次",   "一年一度",       "人数众多",     "万一",     "之一",       "唯一"});
  // A word of the list does not hide the quantity after it.
  EXPECT_EQ(Only("人数十万").value, 100000);
  EXPECT_EQ(Only("培育4个数字经济园区").unit, "个");  // 个数 is no word here
  // Doublings are multiples (TARGETS.md: 翻番 = 2 倍); a programme's name is none.
  EXPECT_EQ(Only("农民收入翻番").value, 2);
  EXPECT_EQ(Only("农民收入翻番").unit, "倍");
  EXPECT_EQ(Only("比上年翻了一番").value, 2);
  EXPECT_EQ(Only("比2000年翻两番").value, 4);
  EXPECT_EQ(Only("比2000年翻一番半").value, 2.83);
  EXPECT_TRUE(FindQuantities("实施农民收入翻番计划").empty());
  EXPECT_TRUE(FindQuantities("翻身").empty());
  EXPECT_TRUE(FindQuantities("实现销量和利润“双翻番”").empty());
  EXPECT_TRUE(FindQuantities("确定“两个翻番”目标").empty());
  EXPECT_EQ(Only("降本减负12条").value, 12);  // 负 of 减负 is no minus sign
  EXPECT_EQ(Only("负10").value, -10);
  // Place and scale words alone are a number before a unit, unless "per".
  EXPECT_EQ(Only("百万吨乙烯").value, 1e6);
  EXPECT_EQ(Only("产值突破万亿元").value, 1e12);
  EXPECT_TRUE(FindQuantities("每万人口").empty());
  EXPECT_TRUE(FindQuantities("万元GDP能耗").empty());
  EXPECT_TRUE(FindQuantities("亿元以上项目").empty());
  EXPECT_TRUE(FindQuantities("温暖千万家").empty());
  EXPECT_TRUE(FindQuantities("百万人口城市").empty());
}

TEST(FindQuantities, BareNumbers) {
  EXPECT_EQ(Only("人口120万").unit, "");
  EXPECT_EQ(Only("人口120万").kind, QuantityKind::kNumber);
  EXPECT_EQ(Only("指数为105").value, 105);
  EXPECT_TRUE(FindQuantities("到2025").empty());  // a year
  EXPECT_TRUE(FindQuantities("一二三产业").empty());
  EXPECT_TRUE(FindQuantities("二十强").empty());
}

TEST(FindQuantities, SeveralInOneSentence) {
  const std::vector<Quantity> found = FindQuantities(
      "确保粮食播种面积稳定在58万亩以上，粮食总产量20万吨以上，地方储备粮达到7.61万吨。");
  ASSERT_EQ(found.size(), 3u) << Texts(found);
  EXPECT_EQ(found[0].value, 580000);
  EXPECT_EQ(found[1].value, 200000);
  EXPECT_EQ(ComparatorSymbol(found[1].cmp), ">=");
  EXPECT_EQ(found[2].text, "达到7.61万吨");
  EXPECT_LT(found[0].span.end, found[1].span.begin);
}

// --- FindQuantities: gaps of spaces -------------------------------------------------------

// Reports put a space (ASCII, ideographic U+3000 or no-break U+00A0) between a
// number and its scale word or unit, or after a verb: one or two of them are
// read through, and the quantity's span and text keep them.
TEST(FindQuantities, AGapOfSpacesBeforeAScaleWordOrUnitIsReadThrough) {
  const std::string text = "全县生产总值达到 512.3 亿元，增长 6.4%。";
  std::vector<Quantity> found = FindQuantities(text);
  ASSERT_EQ(found.size(), 2u) << Texts(found);
  EXPECT_EQ(found[0].text, "达到 512.3 亿元");
  EXPECT_EQ(found[0].value, 5.123e10);
  EXPECT_EQ(found[0].unit, "元");
  EXPECT_EQ(ComparatorSymbol(found[0].cmp), ">=");
  EXPECT_EQ(text.substr(found[0].span.begin, found[0].span.size()), found[0].text);
  EXPECT_EQ(found[1].text, "6.4%");

  Quantity q = Only("粮食产量　87　万吨");  // ideographic spaces
  EXPECT_EQ(q.text, "87　万吨");
  EXPECT_EQ(q.value, 870000);
  EXPECT_EQ(q.unit, "吨");
  q = Only("城镇化率提高\u00A01.7\u00A0个百分点");  // no-break spaces
  EXPECT_EQ(q.text, "1.7\u00A0个百分点");
  EXPECT_EQ(q.kind, QuantityKind::kPercentagePoint);
  ExpectValues({
      {"常住人口 38 万", 380000},  // a scale word alone
      {"专项债券 1.6 万亿元", 1.6e12},
      {"新增 12  万户", 120000},  // two spaces
      {"建成 300 个", 300},
      {"生产总值 9 万亿元", 9e12},
  });
  EXPECT_EQ(Only("新增学位 4 万个").unit, "个");
}

TEST(FindQuantities, AGapOfSpacesBeforeABoundWordOrInARangeIsReadThrough) {
  Quantity q = Only("收入增长 6.8% 以上");
  EXPECT_EQ(q.text, "6.8% 以上");
  EXPECT_EQ(ComparatorSymbol(q.cmp), ">=");
  q = Only("造林 3 万亩 左右");
  EXPECT_EQ(q.text, "3 万亩 左右");
  EXPECT_EQ(q.value, 30000);
  EXPECT_TRUE(q.approx);
  q = Only("产量 3 至 4 万吨");
  EXPECT_EQ(q.value, 30000);
  EXPECT_EQ(q.value_max, 40000);
  EXPECT_EQ(q.unit, "吨");
}

// Three spaces are layout, a tab parts table cells (the importers join cells
// with tabs), and a line break ends the figure: none is a gap.
TEST(FindQuantities, WideSpacesTabsAndLineBreaksAreNoGap) {
  EXPECT_EQ(Texts(FindQuantities("人口 45   万")), "[45]");
  EXPECT_EQ(Texts(FindQuantities("序号\t20\t万人发明专利拥有量")), "[20]");
  EXPECT_EQ(Texts(FindQuantities("增加 7\n万吨")), "[7]");
  EXPECT_TRUE(IsGap(""));
  EXPECT_TRUE(IsGap(" "));
  EXPECT_TRUE(IsGap("\u3000\u00A0"));
  EXPECT_FALSE(IsGap("   "));
  EXPECT_FALSE(IsGap("\t"));
  EXPECT_FALSE(IsGap("\n"));
  EXPECT_FALSE(IsGap(" 和"));
}

// A year, a date, an ordinal and an outline number stay what they are
// across a gap.
TEST(FindQuantities, YearsOrdinalsAndOutlineNumbersAcrossAGapAreNoQuantities) {
  ExpectNoQuantities({"2026 年完成", "到 2027 年底", "2025 年 3 月 8 日", "第 6 届运动会",
                      "全省排名第 2", "（ 4 ）推进改革"});
  EXPECT_EQ(Texts(FindQuantities("序号 1 2 3 项")), "[1][2][3 项]");  // a list stays apart
}

// Thousands separated by spaces, as statistical tables print them, before a
// scale word or unit; not in a row of figures, not without a unit after them.
TEST(FindQuantities, DigitsGroupedBySpacesBeforeAUnit) {
  ExpectValues({
      {"生铁 2 315 万吨", 23150000},
      {"人均收入 12 480 元", 12480},
      {"存款余额 1 234.5 亿元", 1.2345e11},
      {"达到 7 300 元", 7300},
  });
  EXPECT_EQ(Texts(FindQuantities("指标 163.2 57 118.4")), "[163.2][57][118.4]");
  EXPECT_EQ(Texts(FindQuantities("共 3 500，其中")), "[3][500]");
  EXPECT_EQ(Texts(FindQuantities("2026 1 350 万吨")), "[1][350 万吨]");  // in a row
  EXPECT_EQ(Texts(FindQuantities("0 150 万")), "[0][150 万]");
  EXPECT_EQ(Only("引进 3 164 个项目").value, 3164);
  Result<Quantity> whole = ParseQuantity("2 315 万吨");
  ASSERT_TRUE(whole.ok()) << whole.status().message();
  EXPECT_EQ(whole->value, 23150000);
}

// --- Robustness: linear work, well-formed results, garbage ------------------------------

// Every quantity lies inside the text, in order, none overlapping, its text
// the slice of its span, its values finite.
void ExpectWellFormed(const std::string& text, const std::vector<Quantity>& found) {
  size_t end = 0;
  for (const Quantity& q : found) {
    EXPECT_GE(q.span.begin, end);
    EXPECT_LT(q.span.begin, q.span.end);
    EXPECT_LE(q.span.end, text.size());
    if (q.span.end > text.size()) return;
    EXPECT_EQ(q.text, text.substr(q.span.begin, q.span.size()));
    EXPECT_TRUE(text::IsValidUtf8(q.text));
    EXPECT_TRUE(std::isfinite(q.value));
    if (q.value_max) {
      EXPECT_TRUE(std::isfinite(*q.value_max));
    }
    end = q.span.end;
  }
}

// `unit` repeated to at least `chars` characters.
std::string RepeatChars(std::string_view unit, size_t chars) {
  const size_t unit_chars = text::CountCodePoints(unit);
  std::string s;
  s.reserve((chars / unit_chars + 1) * unit.size());
  for (size_t n = 0; n < chars; n += unit_chars) s += unit;
  return s;
}

// The linear-time guarantee of quantity.h, checked by counting work, not by
// timing it: the lexer counts every character it decodes and every byte of
// the elements, units and tokens it reads (internal::Lexer::steps). Running
// text visits each byte at least once and, on the inputs below, at most about
// 21 times. Work that grows faster than the input shows at once: before a
// refused digit run was remembered, 两 repeated took 684 steps a byte on
// 1,000 characters and 66,684 on 100,000.
constexpr double kMaxStepsPerByte = 40;

// FindQuantities and ParseQuantity over `make(n)`, an input of n characters
// or bytes, for n = 1,000, 10,000, … up to `largest`, stay within
// kMaxStepsPerByte, with well-formed results. Stops at the first size over
// the bound: the larger ones would take long.
void ExpectLinear(const std::function<std::string(size_t)>& make, std::string_view what,
                  size_t largest = 100000) {
  for (size_t n = 1000; n <= largest; n *= 10) {
    const std::string text = make(n);
    const double bound = kMaxStepsPerByte * static_cast<double>(text.size());
    uint64_t steps = 0;
    const std::vector<Quantity> found = internal::FindQuantitiesCountingSteps(text, &steps);
    ExpectWellFormed(text, found);
    EXPECT_GE(steps, text.size()) << "the step count misses work on " << what;
    uint64_t whole_steps = 0;
    (void)internal::ParseQuantityCountingSteps(text, &whole_steps);
    if (static_cast<double>(std::max(steps, whole_steps)) > bound) {
      ADD_FAILURE() << what << " at n = " << n << " (" << text.size() << " bytes): " << steps
                    << " steps in running text, " << whole_steps << " as a whole string";
      return;
    }
  }
}

// `unit` repeated to 1,000, 10,000 and 100,000 characters.
void ExpectLinear(std::string_view unit) {
  ExpectLinear([&](size_t n) { return RepeatChars(unit, n); }, "\"" + std::string(unit) + "\"");
}

TEST(Robustness, WorkStaysLinearOnAdversarialInputs) {
  // Long runs of digits, Arabic, Chinese, read digit by digit or refused as a
  // digit string (两 among them: 两两, 一两三, 一…九两).
  for (std::string_view unit : {"7", "1,", "0.5.", "PM2.5", "一二三四五六七八九", "两两", "一两三",
                                "一二三四五六七八九两", "幺洞拐"}) {
    ExpectLinear(unit);
  }
  // Chains of place and scale words; 余 多 几 数; 点 and 半.
  for (std::string_view unit : {"十", "十百千万亿", "一百零五", "十余万多", "余多几", "几十万几",
                                "数百", "一点二点", "半"}) {
    ExpectLinear(unit);
  }
  // Ranges, fractions and per-hundred forms repeated.
  for (std::string_view unit : {"1到", "一至二到", "3到4万", "两两到两两两", "5与", "5-6-7-",
                                "一又二分之", "两两分之两两", "百分之五至", "1 3/5"}) {
    ExpectLinear(unit);
  }
  // Numerals and units alternating, bound words, labels and a real sentence.
  for (std::string_view unit :
       {"5吨6元7亩", "五吨六元七亩", "七成六成", "1元2角3分", "约5约6", "5%左右", "5    ", "“5",
        "（7", "负-", "第五", "123 ", "5 万 ", "1 234 万吨 ", "第 5 ",
        "粮食播种面积稳定在58万亩以上粮食总产量20万吨以上第五届PM2.5十四五"}) {
    ExpectLinear(unit);
  }
}

TEST(Robustness, WorkStaysLinearOnRandomBytes) {
  std::mt19937 random(7);
  std::string bytes(300000, '\0');
  for (char& c : bytes) c = static_cast<char>(random());
  ExpectLinear([&](size_t n) { return bytes.substr(0, 3 * n); }, "random bytes");
}

TEST(Robustness, WorkStaysLinearOnLongInputs) {
  ExpectLinear(
      [](size_t n) {
        return RepeatChars("一二三四五六七八九十百千万亿两零壹贰叁1234567890亩吨元", n);
      },
      "a mix of numerals and units", 1000000);
  ExpectLinear([](size_t n) { return RepeatChars("“（【《5%", n) + RepeatChars("”）】》", n); },
               "unmatched brackets");
  const std::string digits(10000, '9');
  const std::vector<Quantity> none = FindQuantities(digits);
  EXPECT_TRUE(none.empty()) << "ten thousand digits are no figure";
  EXPECT_FALSE(ParseNumber(digits).ok());
}

TEST(Robustness, InvalidUtf8IsNeverPartOfAQuantity) {
  const std::string text =
      "增长\xFF"
      "5%\xC3\x28"
      "58万亩\xE4\xB8";
  const std::vector<Quantity> found = FindQuantities(text);
  ExpectWellFormed(text, found);
  ASSERT_EQ(found.size(), 2u) << Texts(found);
  EXPECT_EQ(found[0].text, "5%");
  EXPECT_EQ(found[1].text, "58万亩");
}

}  // namespace
}  // namespace mubiao::quantity
