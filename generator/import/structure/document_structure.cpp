#include "import/structure/document_structure.hpp"

#include "import/structure/document_parts.hpp"
#include "import/structure/part_readers.hpp"

namespace gongkai::import {

namespace {

// "第二部分 部门决算表" -> {"第二部分", "部门决算表"}; a heading without 第N部分 keeps its text as the title.
DocumentPart split_part_heading(const std::string& heading) {
    const std::string part = "部分";
    DocumentPart out;
    const auto at = heading.find(part);
    if (heading.rfind("第", 0) == 0 && at != std::string::npos && at <= 3 + 4 * 3) {
        out.number = heading.substr(0, at + part.size());
        std::string rest = heading.substr(at + part.size());
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.erase(0, 1);
        out.title = rest;
    } else {
        out.title = heading;
    }
    // A heading wrapped over two lines was joined with a space; between Chinese characters it is no space.
    std::string title;
    for (std::size_t i = 0; i < out.title.size(); ++i) {
        const bool cjk_before = i > 0 && (static_cast<unsigned char>(out.title[i - 1]) & 0x80);
        const bool cjk_after = i + 1 < out.title.size() && (static_cast<unsigned char>(out.title[i + 1]) & 0x80);
        if (out.title[i] == ' ' && cjk_before && cjk_after) continue;
        title += out.title[i];
    }
    out.title = title.empty() ? out.number : title;
    return out;
}

}  // namespace

DocumentStructure read_structure(const Flow& flow, const std::vector<std::size_t>& table_lines) {
    using namespace structure;
    DocumentStructure st;
    std::vector<bool> skip(flow.lines.size(), false);
    for (std::size_t i : table_lines)
        if (i < skip.size()) skip[i] = true;
    const std::vector<Part> parts = split_parts(flow, skip);

    const CoverInfo cover = read_cover(flow, parts);
    st.kind = cover.kind;
    st.description = cover.description;
    st.title = cover.title;
    st.department_name = cover.department;
    st.year = cover.year;

    // The body's part headings as printed (the contents repeat them; the cover has none).
    for (const Part& part : parts) {
        if (part.kind == PartKind::cover || part.kind == PartKind::contents || part.heading.empty()) continue;
        st.parts.push_back(split_part_heading(part.heading));
    }

    for (const Part& part : parts) {
        switch (part.kind) {
            case PartKind::cover:
            case PartKind::contents:
                break;  // read by read_cover, or a repeat of the headings
            case PartKind::overview: {
                nlohmann::json o = read_overview(flow, part, st.unplaced);
                for (auto it = o.begin(); it != o.end(); ++it)
                    if (!st.overview.contains(it.key())) st.overview[it.key()] = it.value();
                break;
            }
            case PartKind::tables:
                // Until the tables are read (table_lines empty) everything here is theirs; afterwards a text
                // line they did not claim is reported.
                if (table_lines.empty()) break;
                for (std::size_t i : part.lines)
                    if (flow.lines[i].kind == FlowLine::Kind::text)
                        st.unplaced.push_back(unplaced_line(flow, i, "text in the tables part that belongs to no table"));
                break;
            case PartKind::narrative:
                for (NarrativeSection& s : read_sections(flow, part, st.unplaced)) st.sections.push_back(std::move(s));
                break;
            case PartKind::glossary:
                for (auto& g : read_glossary(flow, part, st.unplaced)) st.glossary.push_back(g);
                break;
            case PartKind::attachments:
                for (auto& a : read_attachments(flow, part, st.unplaced)) st.attachments.push_back(a);
                break;
            case PartKind::other:
                for (std::size_t i : part.heading_lines)
                    st.unplaced.push_back(unplaced_line(flow, i, "a part heading of a kind a 部门决算 does not have"));
                for (std::size_t i : part.lines)
                    st.unplaced.push_back(unplaced_line(flow, i, flow.lines[i].kind == FlowLine::Kind::text
                                                                     ? "text outside the parts of a 部门决算 (概况, "
                                                                       "tables, 情况说明, 名词解释, 附件)"
                                                                     : "a table row outside the parts of a 部门决算"));
                break;
        }
    }
    return st;
}

}  // namespace gongkai::import
