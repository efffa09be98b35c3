// Headline figures, the function-class tree, county aggregates and year-over-year (compute/).
#include <doctest/doctest.h>

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

TEST_CASE("without a prior filing, the narrative's stated change gives the prior year, labelled") {
    Filing f = real_filing(kXiangtanFiling);
    auto yoy = from_narrative(f, summarize(f));
    REQUIRE(yoy);
    CHECK(yoy->source == YoySource::NarrativeStatement);
    CHECK(yoy->prior_year == 2023);
    REQUIRE(!yoy->lines.empty());
    const YoyLine& total = yoy->lines[0];
    CHECK(total.label == "收支总计");
    // “与上年相比，减少92.38万元”: 1577.61 + 92.38.
    CHECK(total.prior == wan("1669.99"));
    CHECK(total.change == -wan("92.38"));
    CHECK(format_micro(*total.pct_micro) == "-5.53");
    CHECK(total.sentence.find("92.38") != std::string::npos);
}

TEST_CASE("with a prior filing, changes are computed from both years' tables") {
    Filing f = real_filing(kXiangtanFiling);
    auto cur = summarize(f);
    auto prior = cur;
    prior.total_expenditure = wan("1500.00");
    prior.grand_total.reset();
    auto yoy = compare_with_prior_filing(cur, prior, 2023);
    CHECK(yoy.source == YoySource::PriorFiling);
    CHECK(yoy.lines[1].change == wan("77.61"));
    CHECK(format_micro(*yoy.lines[1].pct_micro) == "5.17");
    CHECK(!yoy.lines[0].change);  // an unpublished prior figure gives no change, not a zero
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
