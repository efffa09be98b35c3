#pragma once
// Readers of the single parts of a document (see document_parts.hpp); document_structure.cpp ties them.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/layout/flow.hpp"
#include "import/layout/placement.hpp"
#include "import/structure/document_parts.hpp"
#include "import/structure/document_structure.hpp"

namespace gongkai::import::structure {

// What the cover (and, failing it, the part headings) say the document is.
struct CoverInfo {
    std::string kind;         // "决算", "预算" or ""
    std::string description;  // in words, for messages
    std::string title;
    std::string department;
    int year = 0;
};

// Reads kind, title, department and year from the cover; `parts` are all parts (the 概况 heading names
// the department when the cover does not).
CoverInfo read_cover(const Flow& flow, const std::vector<Part>& parts);

// The filing's "overview" from the 概况 part: duties, internal units, staffing, vehicles, consolidated
// units and the remaining text. Fields not printed stay absent. `organisation`: the part is a budget's
// "…机构设置" alone (its text is the organisation, a numbered list names the consolidated units).
nlohmann::json read_overview(const Flow& flow, const Part& part, std::vector<Unplaced>& unplaced, bool organisation = false);

// How the sections of a 情况说明 part are named.
struct SectionNaming {
    std::string prefix;  // prepended to every section id: "六" → "六.一" (a budget's parts numbered by its contents)
    bool whole = false;  // the part is one section, its numbered headings part of its text (a project's 说明)
    std::string id;      // the id of the section when the part prints no numbered heading (or is whole)
};

// The sections of the 情况说明 part: "一、…" headings in sequence, each with its text. Text before the first
// heading is reported, except in a budget (`naming` given), where it is a section of its own titled by the
// part's heading.
std::vector<NarrativeSection> read_sections(const Flow& flow, const Part& part, std::vector<Unplaced>& unplaced,
                                            const SectionNaming* naming = nullptr);

// The filing's "glossary" from the 名词解释 part.
nlohmann::json read_glossary(const Flow& flow, const Part& part, std::vector<Unplaced>& unplaced);

// The filing's "attachments" from the 附件 part: each titled item with its text (table cells included,
// one paragraph per cell or printed paragraph).
nlohmann::json read_attachments(const Flow& flow, const Part& part, std::vector<Unplaced>& unplaced);

// An Unplaced entry for flow line `i`.
Unplaced unplaced_line(const Flow& flow, std::size_t i, const std::string& reason);

}  // namespace gongkai::import::structure
