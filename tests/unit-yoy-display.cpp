// The site's one 较上年 display (render/view_common: arrow_pct, arrow_change, shown_change, yoy_cell) and its
// use by every page that shows it: county dashboard, department-type page, history page and the summary
// sentence give the same figure with the same label, on the real filings. Expectations are computed from
// the filings' own cells and stated figures.
#include <doctest/doctest.h>

#include <string>

#include "compute/county_aggregate.hpp"
#include "render/summary_sentence.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;

namespace {

// The 收支总计 change the narrative states, signed by its word, in millionths of 万元.
std::int64_t stated_total_change(const Filing& f) {
    const Figure* c = f.figure("total.yoy_change");
    REQUIRE(c);
    bool down = c->direction == "减少" || c->direction == "下降";
    return down ? -c->value.micro : c->direction == "持平" ? 0 : c->value.micro;
}

}  // namespace

TEST_CASE("arrow_pct: the one ▲/▼ form, one decimal") {
    CHECK(arrow_pct(12'083000) == "▲12.1%");
    CHECK(arrow_pct(-1'866000) == "▼1.9%");
    CHECK(arrow_pct(0) == "0.0%");
    YoyLine first;  // a first year: an amount, no percentage
    first.change = 307'820000;
    first.prior = 0;
    CHECK(arrow_change(first) == "▲307.82\u00a0万元");
    YoyLine flat;
    flat.change = 0;
    CHECK(arrow_change(flat) == "持平");
    CHECK(arrow_change(YoyLine{}).empty());
}

TEST_CASE("shown_change: 本年支出合计 when known, else 收支总计 named as such, from the real narratives") {
    for (const std::string& rel : real_filing_paths()) {
        CAPTURE(rel);
        Filing f = real_filing(rel);
        DepartmentSummary s = summarize(f);
        std::optional<YearOverYear> yoy = from_narrative(f, s);
        ShownChange c = shown_change(yoy);
        json cell = yoy_cell(yoy);
        if (f.figure("expenditure.total.yoy_change") || f.figure("expenditure.total.yoy_pct")) {
            REQUIRE(c.line);
            CHECK(c.headline);
            CHECK(cell["note"] == "据情况说明");
            continue;
        }
        // None of the real narratives states 本年支出合计's change; each states 收支总计's.
        REQUIRE(c.line);
        CHECK_FALSE(c.headline);
        CHECK(c.stated);
        CHECK(c.measure == "收支总计");
        CHECK(cell["measure"] == "收支总计");
        CHECK(cell["note"] == "收支总计，据情况说明");
        // The stated change applied to 收支总计 as printed in table 01.
        MaybeMoney current = cell_value(f.table(TableKind::IncomeExpenditureSummary), "income", "grand_total", "amount");
        REQUIRE(current);
        std::int64_t change = stated_total_change(f);
        std::int64_t prior = *current - change;
        if (prior != 0) {
            auto pct = percent_micro(change, prior);
            CHECK(cell["text"] == arrow_pct(*pct));
            CHECK(cell["sort"] == std::to_string(*pct));
            CHECK(cell["direction"] == (change > 0 ? "up" : change < 0 ? "down" : "flat"));
        } else {  // 社会工作部, new in 2024: 上年为 0, no percentage
            CHECK(cell["text"] == "▲" + amount_text(change));
            CHECK(cell["sort"] == "");
        }
    }
}

TEST_CASE("every page shows the same 较上年 cell for the same department-year") {
    std::vector<Filing> filings;
    for (const std::string& rel : real_filing_paths())
        if (std::string(rel).starts_with("310107-putuo/")) filings.push_back(real_filing(rel));
    std::vector<const Filing*> ptrs;
    for (const auto& f : filings) ptrs.push_back(&f);
    CountyYear cy = aggregate_county_year(ptrs);
    std::map<std::string, std::optional<YearOverYear>> by_slug;
    std::vector<DepartmentSummary> summaries;
    for (const auto& f : filings) summaries.push_back(summarize(f));
    for (std::size_t i = 0; i < filings.size(); ++i) by_slug[filings[i].slug] = from_narrative(filings[i], summaries[i]);
    json county = county_view(cy, by_slug, {});

    DepartmentType type;
    type.id = "all";
    type.name = "全部";
    std::vector<TypeMember> members;
    for (std::size_t i = 0; i < filings.size(); ++i) members.push_back({&filings[i], &summaries[i], &by_slug[filings[i].slug]});
    json typed = department_type_view(type, members);

    for (std::size_t i = 0; i < filings.size(); ++i) {
        const Filing& f = filings[i];
        CAPTURE(f.slug);
        json expected = yoy_cell(by_slug[f.slug]);
        CHECK(expected["text"] != "—");  // each Putuo narrative states a change of 收支总计
        for (const auto& row : county["departments"])
            if (row["name"] == f.department_name) CHECK(row["yoy"] == expected);
        for (const auto& row : typed["rows"])
            if (row["department"] == f.department_name) CHECK(row["change"] == expected);
        json history = history_view({&f}, {&summaries[i]}, {&by_slug[f.slug]}, {});
        CHECK(history["years"][0]["change"] == expected);
        // The summary sentence names the same measure and the same ▲/▼ mark (its amount in words beside it).
        std::string sentence = summary_sentence(f, summaries[i], by_slug[f.slug], AuditReport{});
        CHECK(contains(sentence, "；收支总计比上年"));
        const YoyLine* line = shown_change(by_slug[f.slug]).line;
        if (line->pct_micro) CHECK(contains(sentence, arrow_pct(*line->pct_micro) + "，据情况说明"));
    }
}
