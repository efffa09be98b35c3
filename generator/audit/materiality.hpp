#pragma once
// How much a finding matters: a difference that goes at most 0.01 万元 (or 0.01 个百分点) beyond what
// rounding explains is a 尾差 (Severity::Minor), never an error; every finding's size relative to the
// amount involved ranks it, and the report lists findings in that order.
#include <cstdint>
#include <optional>

#include "audit/finding.hpp"

namespace gongkai {

// The largest excess over rounding tolerance that is still a 尾差: 0.01 万元, or 0.01 个百分点 (millionths).
constexpr std::int64_t kTailLimit = 10'000;
// relative_ppm of a finding that is wholly wrong (or has no numbers to compare: words, units, omissions).
constexpr std::int64_t kWholePpm = 1'000'000;

// Sets f.relative_ppm from f.difference and the larger of the two values (kWholePpm without numbers), and
// turns an Error or Warning about amounts (万元) or percentages whose excess is at most kTailLimit into Minor —
// for rules that compare amounts (rule_compares_amounts), never for words, units, counts or text.
void assess_materiality(Finding& f);

// Sets total_share_ppm of every finding with a 万元 difference: the difference against `total` (the filing's
// 本年支出合计, millionths of 万元), which may pass 100% (capped at 1000 times); leaves it unset when `total` is absent or not positive.
void assess_share_of_total(AuditReport& r, std::optional<std::int64_t> total);

// True when `a` is listed before `b`: by severity (错误, 警告, 尾差, 提示); within one severity a finding with a
// numeric gap (a difference) before one without (words, omissions: their kWholePpm says nothing of size); then
// by relative size, then by the absolute difference (both descending). Findings equal on all keys keep their order.
bool more_material(const Finding& a, const Finding& b);

// One number that orders findings as more_material does on its first three keys (ascending: the most material
// first), for lists that gather the findings of several reports; ties keep their order when sorted stably.
std::int64_t materiality_rank(const Finding& f);

// Orders the findings of a report by more_material (stable, so the order stays deterministic).
void order_by_materiality(AuditReport& r);

}  // namespace gongkai
