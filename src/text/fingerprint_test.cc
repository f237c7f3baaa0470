#include "text/fingerprint.h"

#include <gtest/gtest.h>

#include <string>

namespace mubiao::text {
namespace {

// Two texts of our own, on different subjects.
constexpr char kFarming[] =
    "今年要稳定粮食播种面积，确保粮食总产量保持在二十万吨以上。"
    "加快高标准农田建设，新建高标准农田五万亩，推进灌区续建配套和节水改造。"
    "发展特色种养业，培育农业龙头企业十家，建设现代农业产业园三个。"
    "深化农村集体产权制度改革，发展壮大村级集体经济，让农民群众有更多获得感。"
    "加强农村人居环境整治，农村生活垃圾收运处置体系覆盖所有行政村。";
constexpr char kSchools[] =
    "坚持教育优先发展，新建改扩建中小学校八所，新增学位六千个。"
    "推进义务教育优质均衡发展，加强乡村教师队伍建设，落实教师工资待遇。"
    "扩大普惠性学前教育资源，公办幼儿园在园幼儿占比达到百分之五十以上。"
    "支持职业院校深化产教融合，建设实训基地，培养技术技能人才两千人。"
    "办好特殊教育和继续教育，健全学生资助体系，让每个孩子都能享有公平而有质量的教育。";

TEST(Fingerprint, LayoutAndPunctuationDoNotMatter) {
  const std::string plain = kFarming;
  std::string spaced;  // a paragraph per sentence, each indented
  for (size_t begin = 0, end; begin < plain.size(); begin = end) {
    end = plain.find("。", begin);
    end = end == std::string::npos ? plain.size() : end + std::string("。").size();
    spaced += "\u3000\u3000" + plain.substr(begin, end - begin) + "\n\n";
  }
  const Fingerprint a = FingerprintOf(plain);
  EXPECT_EQ(Resemblance(a, FingerprintOf(spaced)), 1.0);
  EXPECT_EQ(Resemblance(a, FingerprintOf(std::string("## 一、农业\n") + plain)),
            Resemblance(a, FingerprintOf(std::string("一、农业") + plain)));
  EXPECT_EQ(a.content_chars, FingerprintOf(spaced).content_chars);
}

TEST(Fingerprint, TellsCopiesFromOtherTexts) {
  const Fingerprint farming = FingerprintOf(kFarming);
  const Fingerprint schools = FingerprintOf(kSchools);
  // A copy with a sentence more still resembles its original closely.
  const Fingerprint longer =
      FingerprintOf(std::string(kFarming) + "加强动物疫病防控，保障重要农产品稳定供给。");
  EXPECT_GT(Resemblance(farming, longer), 0.75);
  EXPECT_GT(longer.content_chars, farming.content_chars);
  EXPECT_LT(Resemblance(farming, schools), 0.1);
  EXPECT_EQ(Resemblance(farming, schools), Resemblance(schools, farming));
}

TEST(Fingerprint, EmptyAndShortTexts) {
  EXPECT_EQ(FingerprintOf("").content_chars, 0u);
  EXPECT_EQ(Resemblance(FingerprintOf(""), FingerprintOf("")), 0.0);
  EXPECT_EQ(Resemblance(FingerprintOf("。。，"), FingerprintOf(kFarming)), 0.0);
  EXPECT_EQ(FingerprintOf("粮食增产").content_chars, 4u);
  EXPECT_EQ(Resemblance(FingerprintOf("粮食增产"), FingerprintOf("粮食 增产！")), 1.0);
}

TEST(Fingerprint, EncodesRoundTripAndRejectsOtherBytes) {
  const Fingerprint f = FingerprintOf(kSchools);
  const std::string bytes = EncodeFingerprint(f);
  EXPECT_EQ(bytes.size(), 4 * (kFingerprintSize + 1));
  std::optional<Fingerprint> back = DecodeFingerprint(bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, f);
  EXPECT_FALSE(DecodeFingerprint(bytes.substr(1)).has_value());
  EXPECT_FALSE(DecodeFingerprint("").has_value());
}

// Fingerprints are stored: a change of the hashing must be deliberate (and
// come with a schema step that recomputes the stored ones).
TEST(Fingerprint, HashingIsStable) {
  const Fingerprint f = FingerprintOf("粮食播种面积稳定在58万亩以上");
  EXPECT_EQ(f.content_chars, 15u);
  size_t filled = 0;
  uint32_t least = Fingerprint::kEmptyBin;
  for (uint32_t bin : f.bins) {
    if (bin != Fingerprint::kEmptyBin) ++filled;
    least = std::min(least, bin);
  }
  EXPECT_EQ(filled, 11u);
  EXPECT_EQ(least, 202967309u);
}

}  // namespace
}  // namespace mubiao::text
