// The department page's one-sentence summary (render/summary_sentence) and its position among peers
// (compute/peer_position), on the real filings: every expectation is read from the filing's own cells.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "audit/audit.hpp"
#include "compute/peer_measures.hpp"
#include "compute/peer_position.hpp"
#include "render/summary_sentence.hpp"
#include "render/view_audit.hpp"
#include "render/view_common.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;

namespace {

// The largest 类 row (3-digit code) of the filing's spending table, read from its cells.
struct BiggestClass {
    std::string code, name;
    std::int64_t micro = 0;
};
BiggestClass biggest_class(const Filing& f) {
    BiggestClass out;
    const Table* t = f.table(TableKind::Expenditure);
    if (!t || t->is_empty()) t = f.table(TableKind::GeneralBudgetExpenditure);
    REQUIRE(t);
    const Block* b = t->block("main");
    REQUIRE(b);
    for (const auto& r : b->rows)
        if (r.code.size() == 3)
            if (auto c = b->cell(r, "total"); c && (out.code.empty() || c->micro > out.micro)) out = {r.code, r.name, c->micro};
    return out;
}

}  // namespace

TEST_CASE("the summary sentence states the filing's own figures") {
    for (const std::string& rel : real_filing_paths()) {
        CAPTURE(rel);
        Filing f = real_filing(rel);
        DepartmentSummary s = summarize(f);
        std::optional<YearOverYear> yoy = from_narrative(f, s);
        AuditReport audit = audit_filing(f);
        std::string sentence = summary_sentence(f, s, yoy, audit);
        CAPTURE(sentence);

        // 本年支出合计 as printed in the 收入支出决算总表.
        MaybeMoney total = cell_value(f.table(TableKind::IncomeExpenditureSummary), "expenditure", "total_expenditure", "amount");
        REQUIRE(total);
        CHECK(contains(sentence, "本年支出合计 " + amount_text(total)));

        // The biggest function class and its share of 本年支出合计.
        BiggestClass big = biggest_class(f);
        CHECK(contains(sentence, "“" + big.name + "”（" + big.code + "）"));
        CHECK(contains(sentence, "占 " + share_text(big.micro, total)));

        // “三公” 决算 against 预算, as printed in the “三公” table.
        const Table* t09 = f.table(TableKind::ThreePublic);
        MaybeMoney actual = cell_value(t09, "main", "total", "actual"), budget = cell_value(t09, "main", "total", "budget");
        if (actual) CHECK(contains(sentence, "“三公”经费决算 " + amount_text(actual)));
        if (budget) CHECK(contains(sentence, amount_text(budget)));
        if (actual && budget && *budget > 0) CHECK(contains(sentence, "的 " + share_text(actual, budget)));
        if (!actual && !budget && !t09->empty_explanation.empty()) CHECK(contains(sentence, "原文说明无此项支出"));

        // The audit status, and the change on last year as the narrative states it.
        CHECK(contains(sentence, "数据核验：" + audit_status_text(audit)));
        const YoyLine* line = headline_change(yoy);
        const Figure* stated = f.figure("total.yoy_change");
        if (line) {
            CHECK(contains(sentence, "，比上年" + change_words(*line, "据情况说明")));
        } else if (stated) {
            // Only 收支总计's change is stated: it is named, so that it is not taken for 本年支出合计's.
            std::string dir = stated->direction == "减少" || stated->direction == "下降" ? "减少 " : "增加 ";
            CHECK(contains(sentence, "；收支总计比上年" + dir + amount_text(stated->value.micro)));
        }
        if (yoy) CHECK(contains(sentence, "据情况说明"));
        CHECK(sentence.ends_with("。"));
    }
}

TEST_CASE("the summary sentence on Xiangtan reads as a citizen would say it") {
    Filing f = real_filing(kXiangtanFiling);
    DepartmentSummary s = summarize(f);
    std::string sentence = summary_sentence(f, s, from_narrative(f, s), audit_filing(f));
    // 收支总计 fell by 92.38 万元 on 1,669.99 万元 (the narrative's figures): ▼5.5%.
    CHECK(contains(sentence, "减少 92.38\u00a0万元（▼5.5%，据情况说明）"));
    CHECK(contains(sentence, "“三公”经费决算 25.80\u00a0万元，为预算 43.20\u00a0万元的 59.7%"));
}

TEST_CASE("a “三公” total the table leaves unpublished is taken from the narrative, and said so") {
    // 普陀区财政局: the “三公” table prints 预算数 but leaves 决算数 blank; the 情况说明 states 决算 0.00 万元.
    Filing f = real_filing(kPutuoFiling);
    DepartmentSummary s = summarize(f);
    const Table* t09 = f.table(TableKind::ThreePublic);
    MaybeMoney budget = cell_value(t09, "main", "total", "budget");
    REQUIRE_FALSE(cell_value(t09, "main", "total", "actual"));
    REQUIRE(budget);
    const Figure* stated = f.figure("three_public.total.actual");
    REQUIRE(stated);
    REQUIRE(stated->unit == "万元");
    std::string sentence = summary_sentence(f, s, from_narrative(f, s), audit_filing(f));
    CAPTURE(sentence);
    CHECK(contains(sentence, "“三公”经费决算 " + amount_text(stated->value.micro) + "（预算 " + amount_text(budget) +
                                 "），决算数取自情况说明（表中未列示）"));
    CHECK_FALSE(contains(sentence, "决算数未列示"));
}

TEST_CASE("a comparison with the prior filing uses 本年支出合计, without the narrative note, and 亿元 for large totals") {
    Filing f = real_filing(kPutuoFiling);
    DepartmentSummary s = summarize(f);
    DepartmentSummary prior = s;
    *prior.total_expenditure -= 100 * kMicro;  // 100 万元 less last year
    YearOverYear y = compare_with_prior_filing(s, prior, f.year - 1);
    std::string sentence = summary_sentence(f, s, y, audit_filing(f));
    CHECK(contains(sentence, "，比上年增加 100.00\u00a0万元（▲"));
    CHECK_FALSE(contains(sentence, "据情况说明"));

    DepartmentSummary big = s;
    big.total_expenditure = 157539'860000;  // 157,539.86 万元
    sentence = summary_sentence(f, big, std::nullopt, audit_filing(f));
    CHECK(contains(sentence, "本年支出合计 15.75\u00a0亿元"));
    CHECK_FALSE(contains(sentence, "比上年"));
}

TEST_CASE("change words: amount with arrow and percentage, first year, percentage only") {
    YoyLine l;
    l.change = -92'380000;
    l.pct_micro = -5'530000;
    CHECK(change_words(l) == "减少 92.38\u00a0万元（▼5.5%）");
    CHECK(change_words(l, "据情况说明") == "减少 92.38\u00a0万元（▼5.5%，据情况说明）");
    YoyLine first;
    first.change = 307'820000;
    first.prior = 0;
    CHECK(change_words(first) == "增加 307.82\u00a0万元（上年为 0）");
    YoyLine pct_only;
    pct_only.pct_micro = 3'600000;
    CHECK(change_words(pct_only) == "▲3.6%");
    CHECK(change_words(YoyLine{}).empty());
}

TEST_CASE("peer position: ranks, median and closest peers among the county-year, from the filings' cells") {
    std::vector<Filing> putuo, xiangtan;
    for (const std::string& rel : real_filing_paths()) (contains(rel, "putuo") ? putuo : xiangtan).push_back(real_filing(rel));
    std::vector<const Filing*> pl, xl;
    for (const auto& f : putuo) pl.push_back(&f);
    for (const auto& f : xiangtan) xl.push_back(&f);
    std::vector<CountyYear> all = {aggregate_county_year(pl), aggregate_county_year(xl)};
    std::map<PeerKey, PeerPosition> positions = peer_positions(all);

    // 支出合计 of the three Putuo departments, read from their 收入支出决算总表.
    std::vector<std::int64_t> totals;
    for (const auto& f : putuo)
        totals.push_back(*cell_value(f.table(TableKind::IncomeExpenditureSummary), "expenditure", "total_expenditure", "amount"));
    for (std::size_t i = 0; i < putuo.size(); ++i) {
        CAPTURE(putuo[i].slug);
        PeerPosition p = positions.at({putuo[i].county_dir, putuo[i].year, putuo[i].slug});
        CHECK(p.departments == 3);
        REQUIRE_FALSE(p.measures.empty());
        const MeasurePosition& m = p.measures.front();
        CHECK(m.id == "total");
        CHECK(m.value == totals[i]);
        std::size_t rank = 1;
        for (auto t : totals) rank += t > totals[i];
        CHECK(m.rank == rank);
        CHECK(m.count == 3);
        std::vector<std::int64_t> sorted = totals;
        std::sort(sorted.begin(), sorted.end());
        CHECK(m.median == sorted[1]);
        CHECK(m.quartile == (rank == 1 ? 1 : rank == 2 ? 2 : 4));
        // The two others, nearest 支出合计 first, all from Putuo.
        REQUIRE(p.closest.size() == 2);
        CHECK(p.closest[0].same_county);
        auto dist = [&](const Filing* g) { return std::llabs(*summarize(*g).total_expenditure - totals[i]); };
        CHECK(dist(p.closest[0].filing) <= dist(p.closest[1].filing));
    }
    // Xiangtan has one department: no rank among peers, and the closest peers come from Putuo's same year.
    PeerPosition alone = positions.at({xiangtan[0].county_dir, xiangtan[0].year, xiangtan[0].slug});
    CHECK(alone.departments == 1);
    CHECK(alone.measures.front().count == 1);
    CHECK(alone.measures.front().quartile == 0);
    CHECK_FALSE(alone.measures.front().median);
    REQUIRE(alone.closest.size() == 2);
    CHECK_FALSE(alone.closest[0].same_county);
    CHECK(alone.closest[0].filing->county_dir == "310107-putuo");
}

TEST_CASE("closest peers: the outward walk picks what sorting every candidate would, ties and small counties included") {
    // Many counties of one to four departments with colliding totals: each department's closest peers must be
    // the first of all candidates ordered by (distance, county folder, slug), same county first when it has 2.
    std::vector<Filing> filings;
    std::vector<std::int64_t> totals;
    unsigned seed = 7;
    auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) % 40; };
    for (int c = 0; c < 40; ++c)
        for (unsigned d = 0, n = 1 + next() % 4; d < n; ++d) {
            Filing f;
            f.county_dir = "c" + std::to_string(100 + c);
            f.year = 2024;
            f.slug = "d" + std::to_string(d);
            filings.push_back(f);
            totals.push_back(static_cast<std::int64_t>(next() % 40) * kMicro);
        }
    std::vector<CountyYear> all;
    for (std::size_t i = 0; i < filings.size(); ++i) {
        if (all.empty() || all.back().county_dir != filings[i].county_dir) all.push_back(CountyYear{filings[i].county_dir, "", "", 2024});
        DepartmentEntry e;
        e.filing = &filings[i];
        e.summary.total_expenditure = totals[i];
        all.back().departments.push_back(e);
    }
    auto positions = peer_positions(all);
    for (std::size_t i = 0; i < filings.size(); ++i) {
        CAPTURE(filings[i].county_dir);
        CAPTURE(filings[i].slug);
        using Key = std::tuple<std::int64_t, std::string, std::string>;
        std::vector<Key> same, other;
        for (std::size_t j = 0; j < filings.size(); ++j) {
            if (j == i) continue;
            Key k{std::llabs(totals[j] - totals[i]), filings[j].county_dir, filings[j].slug};
            (filings[j].county_dir == filings[i].county_dir ? same : other).push_back(k);
        }
        std::sort(same.begin(), same.end());
        std::sort(other.begin(), other.end());
        std::vector<Key> expected(same.begin(), same.begin() + std::min<std::size_t>(3, same.size()));
        for (std::size_t j = 0; expected.size() < 2 && j < other.size(); ++j) expected.push_back(other[j]);
        const PeerPosition& p = positions.at({filings[i].county_dir, 2024, filings[i].slug});
        REQUIRE(p.closest.size() == expected.size());
        for (std::size_t j = 0; j < expected.size(); ++j) {
            CHECK(p.closest[j].filing->county_dir == std::get<1>(expected[j]));
            CHECK(p.closest[j].filing->slug == std::get<2>(expected[j]));
            CHECK(p.closest[j].same_county == (std::get<1>(expected[j]) == filings[i].county_dir));
        }
    }
}

TEST_CASE("peer measures are one public table with stable ids") {
    REQUIRE(find_peer_measure("total"));
    CHECK(std::string(find_peer_measure("per_staff")->unit) == "万元/人");
    CHECK_FALSE(find_peer_measure("nonexistent"));
    CHECK(ratio_pct(50 * kMicro, 200 * kMicro) == 25 * kMicro);
    CHECK_FALSE(ratio_pct(1, 0));
    CHECK(per(10 * kMicro, 4) == 2'500000);
    CHECK_FALSE(per(10, std::nullopt));
}
