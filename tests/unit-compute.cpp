// Headline figures, the function-class tree, county aggregates and year-over-year (compute/).
#include <doctest/doctest.h>

#include <algorithm>

#include "compute/county_aggregate.hpp"
#include "compute/function_tree.hpp"
#include "compute/peer_stats.hpp"
#include "compute/year_over_year.hpp"
#include "test_support.hpp"
#include "validate/decode_filing.hpp"

using namespace gongkai;
using namespace gongkai::test;

namespace {
std::int64_t wan(const char* s) { return parse_decimal(s)->micro; }
}  // namespace

TEST_CASE("headline figures come from the tables as printed") {
    Filing f = real_filing(kXiangtanFiling);
    auto s = summarize(f);
    CHECK(s.grand_total == wan("1577.61"));
    CHECK(s.total_expenditure == wan("1577.61"));
    CHECK(s.basic == wan("1310.87"));
    CHECK(s.project == wan("266.74"));
    CHECK(s.personnel == wan("1258.81"));
    CHECK(s.public_funds == wan("52.061"));
    CHECK(s.three_public_budget == wan("43.2"));
    CHECK(s.three_public_actual == wan("25.8"));
    REQUIRE(s.function_classes.size() == 5);
    CHECK(s.function_classes[0].code == "201");
    CHECK(s.function_classes[0].micro == wan("976.59"));
    CHECK(s.staff_actual == 71);
}

TEST_CASE("the function tree nests 项 under 款 under 类 by code prefix") {
    Filing f = real_filing(kXiangtanFiling);
    const Block* b = f.table(TableKind::Expenditure)->block("main");
    auto tree = build_function_tree(*b, "total");
    REQUIRE(tree.size() == 5);
    const FunctionNode& social = tree[1];
    CHECK(social.code == "208");
    REQUIRE(social.children.size() == 2);
    CHECK(social.children[0].code == "20805");
    REQUIRE(social.children[0].children.size() == 2);
    CHECK(social.children[0].children[1].code == "2080506");
    CHECK(social.children[0].children[1].micro == wan("59.58"));
}

TEST_CASE("a county-year sums its departments and keeps classes per department") {
    Filing a = real_filing(kXiangtanFiling);
    Filing b = a;
    b.slug = "second";
    b.department_name = "第二个部门";
    auto cy = aggregate_county_year({&a, &b});
    CHECK(cy.departments.size() == 2);
    CHECK(cy.total_expenditure == 2 * wan("1577.61"));
    CHECK(cy.basic == 2 * wan("1310.87"));
    REQUIRE(!cy.classes.empty());
    CHECK(cy.classes[0].code == "201");
    CHECK(cy.classes[0].by_department.at("second") == wan("976.59"));
}

namespace {
const YoyLine* line_of(const YearOverYear& y, const std::string& metric) {
    for (const auto& l : y.lines)
        if (l.metric == metric) return &l;
    return nullptr;
}
Figure stated(const char* metric, const char* value, const char* unit, const char* direction) {
    Figure g;
    g.metric = metric;
    g.value = *parse_decimal(value);
    g.unit = unit;
    g.direction = direction;
    g.sentence = "（测试用句）";
    return g;
}
}  // namespace

TEST_CASE("without a prior filing, the narrative's stated change gives the prior year, labelled") {
    Filing f = real_filing(kXiangtanFiling);
    auto yoy = from_narrative(f, summarize(f));
    REQUIRE(yoy);
    CHECK(yoy->source == YoySource::NarrativeStatement);
    CHECK(yoy->prior_year == 2023);
    const YoyLine* total = line_of(*yoy, "total");
    REQUIRE(total);
    CHECK(total->label == "收支总计");
    // “与上年相比，减少92.38万元”: 1577.61 + 92.38.
    CHECK(total->prior == wan("1669.99"));
    CHECK(total->change == -wan("92.38"));
    CHECK(format_micro(*total->pct_micro) == "-5.53");
    CHECK(total->sentence.find("92.38") != std::string::npos);
    // “财政拨款收、支总计……减少5.53%”: only a rate is stated, and it is kept, signed.
    const YoyLine* fiscal = line_of(*yoy, "fiscal");
    REQUIRE(fiscal);
    CHECK(!fiscal->change);
    CHECK(fiscal->pct_micro == -wan("5.53"));
}

TEST_CASE("one year-over-year: 本年支出合计, never 收支总计 in its place (real narratives)") {
    // None of the four real narratives states the change of 本年支出合计 (they state 收支总计, 财政拨款收支总计,
    // 一般公共预算财政拨款支出, 三公 and 机关运行经费): no headline change, 收支总计 stays its own labelled line.
    for (const char* rel : {"310107-putuo/2024/finance-bureau.json", "310107-putuo/2024/planning-and-natural-resources-bureau.json",
                            "310107-putuo/2024/social-work-department.json", "430321-xiangtan/2024/county-government-office.json"}) {
        CAPTURE(rel);
        Filing f = real_filing(rel);
        auto yoy = from_narrative(f, summarize(f));
        REQUIRE(yoy);
        CHECK(!line_of(*yoy, kYoyHeadlineMetric));
        CHECK(!headline_change(*yoy));
        const YoyLine* total = line_of(*yoy, "total");
        REQUIRE(total);
        CHECK(total->label == "收支总计");
    }
    // 普陀区财政局: 收支总计 2,995.39 and 本年支出合计 2,940.05 differ; the stated −56.95 万元 (−1.87%) is the
    // 收支总计's change: prior 收支总计 3,052.34.
    Filing f = real_filing(kPutuoFiling);
    auto s = summarize(f);
    CHECK(s.grand_total == wan("2995.39"));
    CHECK(s.total_expenditure == wan("2940.05"));
    auto yoy = from_narrative(f, s);
    const YoyLine* total = line_of(*yoy, "total");
    CHECK(total->prior == wan("3052.34"));
    CHECK(format_micro(*total->pct_micro) == "-1.87");
}

TEST_CASE("a narrative that states 本年支出合计's change gives the headline line, first") {
    Filing f = real_filing(kXiangtanFiling);
    f.figures.push_back(stated("expenditure.total.yoy_change", "92.38", "万元", "减少"));
    f.figures.push_back(stated("expenditure.total.yoy_pct", "5.53", "%", "减少"));
    auto yoy = from_narrative(f, summarize(f));
    REQUIRE(yoy);
    REQUIRE(!yoy->lines.empty());
    CHECK(yoy->lines[0].metric == kYoyHeadlineMetric);
    const YoyLine* h = headline_change(*yoy);
    REQUIRE(h);
    CHECK(h->label == "本年支出合计");
    CHECK(h->current == wan("1577.61"));
    CHECK(h->prior == wan("1669.99"));
    CHECK(h->change == -wan("92.38"));
    CHECK(format_micro(*h->pct_micro) == "-5.53");
    CHECK(h->stated == "减少92.38万元，减少5.53%");
    CHECK(line_of(*yoy, "total"));  // 收支总计 is still there, as its own line
    // Only the rate stated: the headline is that rate.
    Filing g = real_filing(kXiangtanFiling);
    g.figures.push_back(stated("expenditure.total.yoy_pct", "2.5", "%", "增长"));
    auto only_pct = from_narrative(g, summarize(g));
    REQUIRE(headline_change(only_pct));
    CHECK(headline_change(only_pct)->pct_micro == wan("2.5"));
    CHECK(!headline_change(only_pct)->prior);
}

TEST_CASE("with a prior filing, changes are computed from both years' tables") {
    Filing f = real_filing(kXiangtanFiling);
    auto cur = summarize(f);
    auto prior = cur;
    prior.total_expenditure = wan("1500.00");
    prior.grand_total.reset();
    auto yoy = compare_with_prior_filing(cur, prior, 2023);
    CHECK(yoy.source == YoySource::PriorFiling);
    REQUIRE(headline_change(yoy));
    CHECK(headline_change(yoy) == &yoy.lines[0]);
    CHECK(yoy.lines[0].label == "本年支出合计");
    CHECK(yoy.lines[0].change == wan("77.61"));
    CHECK(format_micro(*yoy.lines[0].pct_micro) == "5.17");
    const YoyLine* total = line_of(yoy, "total");
    REQUIRE(total);
    CHECK(total->label == "收支总计");
    CHECK(!total->change);  // an unpublished prior figure gives no change, not a zero
}

TEST_CASE("with a prior filing, 本年支出合计 is compared, not 收支总计 (real filings)") {
    // Two real filings as current and prior: 普陀区财政局 (本年支出合计 2,940.05, 收支总计 2,995.39) against
    // 普陀区委社会工作部 (307.82 and 307.82).
    auto cur = summarize(real_filing(kPutuoFiling));
    auto prior = summarize(real_filing("310107-putuo/2024/social-work-department.json"));
    auto yoy = compare_with_prior_filing(cur, prior, 2023);
    const YoyLine* h = headline_change(yoy);
    REQUIRE(h);
    CHECK(h->current == wan("2940.05"));
    CHECK(h->prior == wan("307.82"));
    CHECK(h->change == wan("2632.23"));
    CHECK(line_of(yoy, "total")->change == wan("2687.57"));
    // No published 本年支出合计 in either year: no headline change at all.
    prior.total_expenditure.reset();
    CHECK(!headline_change(compare_with_prior_filing(cur, prior, 2023)));
    CHECK(!headline_change(std::optional<YearOverYear>{}));
}

TEST_CASE("a county-year lists its departments by 支出合计, largest first, and 款 under their 类") {
    std::vector<Filing> fs;
    for (const char* rel : {"310107-putuo/2024/finance-bureau.json", "310107-putuo/2024/planning-and-natural-resources-bureau.json",
                            "310107-putuo/2024/social-work-department.json"})
        fs.push_back(real_filing(rel));
    auto cy = aggregate_county_year({&fs[2], &fs[0], &fs[1]});
    REQUIRE(cy.departments.size() == 3);
    CHECK(cy.departments[0].filing->slug == "planning-and-natural-resources-bureau");  // 9,759.38
    CHECK(cy.departments[1].filing->slug == "finance-bureau");                         // 2,940.05
    CHECK(cy.departments[2].filing->slug == "social-work-department");                 // 307.82
    CHECK(cy.total_expenditure == wan("9759.38") + wan("2940.05") + wan("307.82"));
    // 类 201 holds the 款 20106 财政事务 (财政局) and 20139 社会工作事务 (社会工作部); each 款 sums to the 类.
    auto c201 = std::find_if(cy.classes.begin(), cy.classes.end(), [](const ClassTotal& c) { return c.code == "201"; });
    REQUIRE(c201 != cy.classes.end());
    REQUIRE(c201->subclasses.size() == 2);
    CHECK(c201->subclasses[0].code == "20106");
    CHECK(c201->subclasses[1].code == "20139");
    CHECK(c201->subclasses[0].micro + c201->subclasses[1].micro == c201->micro);
}

TEST_CASE("departments entering and leaving between consecutive years") {
    Filing a = real_filing(kPutuoFiling), b = real_filing("310107-putuo/2024/social-work-department.json");
    Filing a2 = a, c = real_filing("310107-putuo/2024/planning-and-natural-resources-bureau.json");
    a2.year = c.year = 2025;
    auto y2024 = aggregate_county_year({&a, &b});
    auto y2025 = aggregate_county_year({&a2, &c});
    auto t = department_turnover({&y2024, &y2025});
    REQUIRE(t.size() == 1);
    CHECK(t[0].from_year == 2024);
    CHECK(t[0].to_year == 2025);
    REQUIRE(t[0].entered.size() == 1);
    CHECK(t[0].entered[0]->slug == "planning-and-natural-resources-bureau");
    REQUIRE(t[0].left.size() == 1);
    CHECK(t[0].left[0]->slug == "social-work-department");
    CHECK(t[0].continuing == 1);
    CHECK(t[0].continuing_from_total == wan("2940.05"));
    CHECK(t[0].continuing_to_total == wan("2940.05"));
}

TEST_CASE("peer statistics: quartiles by interpolation, ranks and per-person figures") {
    auto q = quartiles({wan("9759.38"), wan("307.82"), wan("2940.05")});
    REQUIRE(q);
    CHECK(q->median == wan("2940.05"));
    CHECK(format_micro(q->q1, 2) == "1623.94");  // 307.82 + (2940.05 - 307.82) / 2 = 1623.935
    CHECK(format_micro(q->q3, 2) == "6349.72");
    CHECK(q->count == 3);
    CHECK(!quartiles({}));
    CHECK(rank_descending({wan("3"), wan("1"), wan("2"), wan("3")}, wan("3")) == 1);
    CHECK(rank_descending({wan("3"), wan("1"), wan("2"), wan("3")}, wan("1")) == 4);
    CHECK(format_micro(divide_rounded(wan("1577.61"), 71), 2) == "22.22");
}
