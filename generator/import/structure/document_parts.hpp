#pragma once
// A 部门决算 (or 部门预算) is printed in parts: a cover, a table of contents (目录), then 第一部分 概况,
// 第二部分 the tables, 第三部分 情况说明, 第四部分 名词解释 and sometimes 第五部分 附件. This splits a flow
// into those parts by their headings (recognised by their words, not their numbers).
#include <cstddef>
#include <string>
#include <vector>

#include "import/layout/flow.hpp"

namespace gongkai::import::structure {

enum class PartKind { cover, contents, overview, tables, narrative, glossary, attachments, other };

struct Part {
    PartKind kind = PartKind::other;
    std::string heading;              // the heading as printed (its lines joined by a space), "" for the cover
    std::vector<std::size_t> heading_lines;  // flow indices of the heading's lines
    std::vector<std::size_t> lines;   // flow indices of the part's content, in reading order
};

// The heading lines of a part heading starting at flow line `i`, and the part's kind; empty when line `i`
// starts no part. `in_contents` tells that the table of contents is being read (its entries look like
// headings).
struct PartHeading {
    PartKind kind = PartKind::other;
    int number = 0;                   // the printed 第N部分 number, 0 when the heading prints none
    std::vector<std::size_t> lines;
};
// `budget`: the document is a 部门预算, whose Shanghai template prints its parts without 第N部分 and in
// another order: "上海市普陀区财政局主要职能", "…机构设置" (概况), "名词解释", "2025年部门预算编制说明",
// the tables, "其他相关情况说明", "项目经费情况说明" (情况说明).
PartHeading part_heading_at(const Flow& flow, std::size_t i, bool budget = false);

// Splits the flow into its parts, in reading order. Every flow line lands in exactly one part (as content
// or heading), except lines listed in `skip` (the tables' lines), which land nowhere. In a budget
// (`budget`) a heading without 第N部分 starts its part wherever it comes.
std::vector<Part> split_parts(const Flow& flow, const std::vector<bool>& skip, bool budget = false);

}  // namespace gongkai::import::structure
